import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listAudit, type AuditFilter, type AuditRow } from '../../db/queries/audit.ts';
import type { Database } from '../../db/client.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize } from '../auth/authorize.ts';
import { SUPER_ADMIN } from '../auth/policy.ts';
import { recordAudit } from '../http/audit.ts';
import { csvDownload, csvStream, type NextCsvBatch } from '../http/csv-download.ts';
import { errorResponses, IdParam, jsonContent } from './openapi-helpers.ts';

const AuditQuery = z.object({
  actorId: IdParam.optional(),
  action: z.string().max(64).optional(),
  targetType: z.string().max(64).optional(),
  clinicId: IdParam.optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  cursor: z.string().regex(/^\d{1,15}$/, 'a cursor from a previous page').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  format: z.enum(['json', 'csv']).default('json'),
});

const AuditEntrySchema = z
  .object({
    id: z.number(),
    at: z.string().datetime(),
    actorKind: z.string(),
    actorId: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    clinicId: z.string().nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    success: z.boolean(),
    errorCode: z.string().nullable(),
    ipHash: z.string().nullable(),
    userAgent: z.string().nullable(),
    detail: z.string().nullable(),
  })
  .openapi('AuditEntry');

const listAuditRoute = createRoute({
  method: 'get',
  path: '/admin/audit',
  tags: ['admin'],
  summary: 'The audit log, newest first, filtered and cursor-paged; `format=csv` streams all matching rows as CSV',
  middleware: [authorize(SUPER_ADMIN)] as const,
  request: { query: AuditQuery },
  responses: {
    200: {
      description: 'Audit entries',
      content: {
        'application/json': { schema: z.object({ entries: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }) },
        'text/csv': { schema: z.string() },
      },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN'),
  },
});

const CSV_COLUMNS = [
  'id', 'at', 'actor_kind', 'actor_id', 'actor_role', 'action', 'clinic_id', 'target_type',
  'target_id', 'success', 'error_code', 'ip_hash', 'user_agent', 'detail',
] as const;
/** Rows fetched per query while streaming: bounds memory whatever the export's size. */
const CSV_PAGE = 500;

function entryView(row: AuditRow) {
  return { ...row, at: new Date(row.at).toISOString() };
}

function csvValues(row: AuditRow) {
  return [
    row.id, new Date(row.at).toISOString(), row.actorKind, row.actorId, row.actorRole, row.action, row.clinicId,
    row.targetType, row.targetId, row.success, row.errorCode, row.ipHash, row.userAgent, row.detail,
  ];
}

/** Every matching row, page by page, so an export never holds the whole log in memory. */
function auditPages(db: Database, filter: AuditFilter): NextCsvBatch {
  let beforeId = filter.beforeId;
  return async () => {
    const rows = await listAudit(db, { ...filter, beforeId }, CSV_PAGE);
    beforeId = rows.at(-1)?.id;
    return { records: rows.map(csvValues), more: rows.length === CSV_PAGE };
  };
}

export const auditRoutes = new OpenAPIHono<AppEnv>().openapi(listAuditRoute, async (c) => {
  const query = c.req.valid('query');
  const filter: AuditFilter = {
    actorId: query.actorId,
    action: query.action,
    targetType: query.targetType,
    clinicId: query.clinicId,
    from: query.from === undefined ? undefined : Date.parse(query.from),
    to: query.to === undefined ? undefined : Date.parse(query.to),
    beforeId: query.cursor === undefined ? undefined : Number(query.cursor),
  };
  if (query.format === 'csv') {
    // The export is itself an audited action, written before the first byte leaves.
    await recordAudit(c, { action: 'audit_export', targetType: 'audit_log', success: true, detail: { filter: JSON.stringify(query) } });
    return csvDownload(c, csvStream(CSV_COLUMNS, auditPages(c.var.services.db, filter)), 'attachment; filename="pulse-audit.csv"');
  }
  const rows = await listAudit(c.var.services.db, filter, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return c.json({ entries: page.map(entryView), nextCursor: rows.length > query.limit && last ? String(last.id) : null }, 200);
});
