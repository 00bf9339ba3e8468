/**
 * `GET /admin/revenue`: the MRR movements per currency and UTC month (domain/revenue-movements.ts),
 * and `GET /admin/revenue.csv`, the same figures as a spreadsheet, one record per currency and
 * month; the export is audited before its first byte leaves and counted
 * (`pulse_exports_total{kind="revenue"}`). For the super admin alone.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { revenueOf } from '../../db/queries/revenue-movements.ts';
import type { AppEnv } from '../app-env.ts';
import { REVENUE_CSV_COLUMNS, revenueCsvDisposition, revenueCsvRecords } from '../domain/revenue-csv.ts';
import { DEFAULT_REVENUE_MONTHS, MAX_REVENUE_MONTHS } from '../domain/revenue-movements.ts';
import { RevenueSchema } from '../domain/revenue-wire.ts';
import { batchesOf, csvDownload, csvStream, recordExport } from '../http/csv-download.ts';
import { adminRoute } from './guarded-routes.ts';
import { csvContent, errorResponses, jsonContent } from './openapi-helpers.ts';

const RevenueQuery = z.object({
  months: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_REVENUE_MONTHS)
    .default(DEFAULT_REVENUE_MONTHS)
    .openapi({ description: `The UTC months ending with the current one (to now), 1 to ${MAX_REVENUE_MONTHS}` }),
});

const revenue = adminRoute({
  method: 'get',
  path: '/admin/revenue',
  summary: 'MRR movements per currency and UTC month (new, expansion, contraction, churned, reactivation), ARPU and churn rates, oldest month first',
  request: { query: RevenueQuery },
  responses: {
    200: jsonContent(RevenueSchema.openapi('Revenue'), 'Every month of the window for each currency with an active clinic in it'),
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'NOT_FOUND', 'UNAVAILABLE'),
  },
});

const revenueCsv = adminRoute({
  method: 'get',
  path: '/admin/revenue.csv',
  summary: 'The MRR movements as CSV (RFC 4180, formula-neutralised), one record per currency and month',
  request: { query: RevenueQuery },
  responses: {
    200: csvContent('The export, as an attachment named after its first and last months'),
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'NOT_FOUND', 'UNAVAILABLE'),
  },
});

/** Records per chunk: three years of a currency leave in three chunks. */
const MONTHS_PER_CHUNK = 12;

export const adminRevenueRoutes = new OpenAPIHono<AppEnv>()
  .openapi(revenue, async (c) => {
    const { months } = c.req.valid('query');
    const { db, clock } = c.var.services;
    const { currencies } = await revenueOf(db, clock.now(), months);
    c.header('Cache-Control', 'no-store');
    return c.json({ months, currencies }, 200);
  })
  .openapi(revenueCsv, async (c) => {
    const { months } = c.req.valid('query');
    const { services } = c.var;
    const { windows, currencies } = await revenueOf(services.db, services.clock.now(), months);
    const [first, last] = [windows[0]?.month ?? '', windows.at(-1)?.month ?? ''];
    await recordExport(c, 'revenue', { action: 'revenue_export', targetType: 'revenue', success: true, detail: { months, from: first, to: last } });
    const records = batchesOf(revenueCsvRecords(currencies), MONTHS_PER_CHUNK, (record) => record);
    return csvDownload(c, csvStream(REVENUE_CSV_COLUMNS, records), revenueCsvDisposition(first, last));
  });
