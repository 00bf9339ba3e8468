/**
 * `GET /admin/clinics.csv`: the clinic health table as a spreadsheet, for the super admin — every
 * clinic the table lists under the same filters and order (all its pages), one record each
 * (domain/clinics-csv.ts). Each export is audited before its first byte leaves and counted
 * (`pulse_exports_total{kind="clinics"}`).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { SERVICE_TIME_ZONE } from '../digest/digest-content.ts';
import { clinicDayOf } from '../domain/clinic-time.ts';
import { CLINICS_CSV_COLUMNS, clinicsCsvFileName, clinicsCsvValues } from '../domain/clinics-csv.ts';
import { attachmentDisposition } from '../domain/file-names.ts';
import { csvDownload, csvStream, recordExport } from '../http/csv-download.ts';
import { clinicHealthRows } from '../use-cases/clinic-console.ts';
import { ClinicTableFilters } from './admin-clinics.ts';
import { adminRoute } from './guarded-routes.ts';
import { csvContent, errorResponses } from './openapi-helpers.ts';

const exportRoute = adminRoute({
  method: 'get',
  path: '/admin/clinics.csv',
  summary: 'The clinic health table as CSV (RFC 4180, formula-neutralised): every clinic it lists under these filters, in its order, one record each',
  request: { query: ClinicTableFilters },
  responses: {
    200: csvContent("The export, as an attachment named after its filters and the day (the service's, Africa/Tunis)"),
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'NOT_FOUND', 'UNAVAILABLE'),
  },
});

export const adminClinicsExportRoutes = new OpenAPIHono<AppEnv>().openapi(exportRoute, async (c) => {
  const query = c.req.valid('query');
  const filter = { ...query, archived: query.archived === 'true' };
  const { services } = c.var;
  await recordExport(c, 'clinics', {
    action: 'clinics_export',
    targetType: 'clinic_health',
    success: true,
    detail: { status: filter.status ?? null, q: filter.q ?? null, sort: filter.sort, order: filter.order, archived: filter.archived },
  });
  const pages = clinicHealthRows(services, filter);
  const next = async () => {
    const { rows, more } = await pages();
    return { records: rows.map(clinicsCsvValues), more };
  };
  const fileName = clinicsCsvFileName(filter, clinicDayOf(services.clock.now(), SERVICE_TIME_ZONE));
  return csvDownload(c, csvStream(CLINICS_CSV_COLUMNS, next), attachmentDisposition(fileName));
});
