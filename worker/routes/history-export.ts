/**
 * `GET /clinics/{clinicId}/history.csv`: the clinic's history as a spreadsheet, one record per
 * clinic day of the window (domain/history-csv.ts), for its owners and the super admin. Each
 * export is audited before its first byte leaves and counted (`pulse_exports_total{kind="history"}`).
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { CLINIC_OWNERS } from '../auth/policy.ts';
import { csvRow } from '../domain/csv.ts';
import { HISTORY_CSV_COLUMNS, historyCsvDisposition, historyCsvValues } from '../domain/history-csv.ts';
import { TIMEFRAMES } from '../domain/history-wire.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../http/audit.ts';
import { historyExportOf, type HistoryExport } from '../use-cases/history-export.ts';
import { clinicRoute } from './guarded-routes.ts';
import { errorResponses } from './openapi-helpers.ts';
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
    200: { description: 'The export, as an attachment named after the clinic and the window', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'UNAVAILABLE'),
  },
});

/** Records written per chunk: a year is 365 records, sent in a few chunks rather than one string. */
const DAYS_PER_CHUNK = 31;

/** The header, then the days a chunk at a time, as the reader pulls them. */
function streamCsv(exported: HistoryExport): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = -1;
  return new ReadableStream({
    pull(controller) {
      if (next < 0) {
        controller.enqueue(encoder.encode(csvRow(HISTORY_CSV_COLUMNS)));
        next = 0;
        return;
      }
      const days = exported.days.slice(next, next + DAYS_PER_CHUNK);
      if (days.length > 0) controller.enqueue(encoder.encode(days.map((day) => csvRow(historyCsvValues(exported.clinic, day))).join('')));
      next += DAYS_PER_CHUNK;
      if (next >= exported.days.length) controller.close();
    },
  });
}

export const historyExportRoutes = new OpenAPIHono<AppEnv>().openapi(exportRoute, async (c) => {
  const { timeframe } = c.req.valid('query');
  const { clinicId } = c.var;
  const exported = valueOr(await historyExportOf(c.var.services, clinicId, timeframe), { no_such_clinic: () => new AppError('NOT_FOUND', 'No such clinic') });
  await recordAudit(c, {
    action: 'history_export',
    clinicId,
    targetType: 'clinic',
    targetId: clinicId,
    success: true,
    detail: { timeframe, from: exported.period.from, to: exported.period.to },
  });
  c.var.services.metrics.count('pulse_exports_total', { kind: 'history' });
  return c.body(streamCsv(exported), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': historyCsvDisposition(exported.clinic.name, exported.period),
    'Cache-Control': 'private, no-store',
  });
});
