/**
 * The audit log's filters, kept in the address (`/admin/audit?action=login&from=2026-11-20`) so a
 * filtered view can be reloaded or sent on; read back with anything malformed left out.
 */
import { NO_AUDIT_FILTERS, type AuditFilters } from '../api/audit';

type QueryValue = string | readonly string[] | undefined;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The API's bounds on an action and an id (worker/routes/audit.ts, IdParam). */
const CODE = /^[a-z_]{1,64}$/;
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

function matching(value: QueryValue, pattern: RegExp): string | null {
  const text = typeof value === 'string' ? value : value?.[0];
  return text !== undefined && pattern.test(text) && (pattern !== DAY || !Number.isNaN(Date.parse(text))) ? text : null;
}

export function auditFiltersOf(query: Partial<Record<string, QueryValue>>): AuditFilters {
  return {
    action: matching(query['action'], CODE),
    clinicId: matching(query['clinic'], ID),
    actorId: matching(query['actor'], ID),
    from: matching(query['from'], DAY),
    to: matching(query['to'], DAY),
  };
}

/** The address's query for a set of filters; an unset one is removed (undefined). */
export function auditQueryOf(filters: AuditFilters): Record<string, string | undefined> {
  return {
    action: filters.action ?? undefined,
    clinic: filters.clinicId ?? undefined,
    actor: filters.actorId ?? undefined,
    from: filters.from ?? undefined,
    to: filters.to ?? undefined,
  };
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return Object.values(filters).some((value) => value !== null);
}

/** Reads the filter form's fields; an empty field is no filter. */
export function auditFiltersFrom(fields: Record<keyof AuditFilters, string>): AuditFilters {
  return auditFiltersOf({ action: fields.action, clinic: fields.clinicId, actor: fields.actorId.trim(), from: fields.from, to: fields.to });
}

export { NO_AUDIT_FILTERS };
