/**
 * `GET /clinics/{clinicId}/history.csv`: the clinic's history as a spreadsheet, one record per
 * clinic day of the window (domain/history-csv.ts), for its owners and the super admin. Each
 * export is audited before its first byte leaves and counted (`pulse_exports_total{kind="history"}`).
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { CLINIC_OWNERS } from '../auth/policy.ts';
import { HISTORY_CSV_COLUMNS, historyCsvDisposition, historyCsvValues } from '../domain/history-csv.ts';
import { TIMEFRAMES } from '../domain/history-wire.ts';
import { AppError } from '../errors.ts';
import { batchesOf, csvDownload, csvStream, recordExport } from '../http/csv-download.ts';
import { historyExportOf } from '../use-cases/history-export.ts';
import { clinicRoute } from './guarded-routes.ts';
import { csvContent, errorResponses } from './openapi-helpers.ts';
import { valueOr } from './refusals.ts';

const ExportQuery = z.object({
  timeframe: z.enum(TIMEFRAMES).default('30d').openapi({ description: 'The 7, 30, 90 or 365 clinic days ending today' }),
});

const exportRoute = clinicRoute(CLINIC_OWNERS, '/history.csv', {
  method: 'get',
  tags: ['history'],
  summary: "The window's clinic days as CSV (RFC 4180, formula-neutralised), one record per day with every history figure",
  request: { query: ExportQuery },
  responses: {
    200: csvContent('The export, as an attachment named after the clinic and the window'),
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'UNAVAILABLE'),
  },
});

/** Records written per chunk: a year is 365 records, sent in a few chunks rather than one string. */
const DAYS_PER_CHUNK = 31;

export const historyExportRoutes = new OpenAPIHono<AppEnv>().openapi(exportRoute, async (c) => {
  const { timeframe } = c.req.valid('query');
  const { clinicId } = c.var;
  const exported = valueOr(await historyExportOf(c.var.services, clinicId, timeframe), { no_such_clinic: () => new AppError('NOT_FOUND', 'No such clinic') });
  await recordExport(c, 'history', {
    action: 'history_export',
    clinicId,
    targetType: 'clinic',
    targetId: clinicId,
    success: true,
    detail: { timeframe, from: exported.period.from, to: exported.period.to },
  });
  const days = batchesOf(exported.days, DAYS_PER_CHUNK, (day) => historyCsvValues(exported.clinic, day));
  return csvDownload(c, csvStream(HISTORY_CSV_COLUMNS, days), historyCsvDisposition(exported.clinic.name, exported.period));
});
