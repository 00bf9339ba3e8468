/**
 * The audit log, `GET /api/v1/admin/audit`, as the super admin's screen reads it: a page of
 * entries (only the columns the screen shows, checked one by one) for a set of filters, and the
 * address of the same filters' CSV export.
 */
import { api, callApi } from './client';
import type { AuditAnswer } from './contract';
import { UnexpectedAnswerError } from './errors';
import { isRecord, requireString } from './json';

type AuditRow = Extract<AuditAnswer, { entries: unknown }>['entries'][number];

/** The columns of an entry the screen shows; `at` is ISO 8601. */
export type AuditEntry = Pick<AuditRow, 'id' | 'at' | 'action' | 'actorId' | 'actorRole' | 'clinicId' | 'success' | 'errorCode'>;

export interface AuditPage {
  entries: AuditEntry[];
  /** Asks for the entries after the last one; null on the last page. */
  nextCursor: string | null;
}

/** What the log is narrowed to; null is "any". Days are calendar days (`YYYY-MM-DD`) on this phone's clock. */
export interface AuditFilters {
  action: string | null;
  clinicId: string | null;
  actorId: string | null;
  from: string | null;
  to: string | null;
}

export const NO_AUDIT_FILTERS: AuditFilters = { action: null, clinicId: null, actorId: null, from: null, to: null };

/** How many entries a page holds: a phone screenful or two, the newest first. */
export const AUDIT_PAGE_SIZE = 50;

const fail = (reason: string) => new UnexpectedAnswerError(`audit entry: ${reason}`);

function nullableString(record: Record<string, unknown>, field: string): string | null {
  const value = record[field];
  if (value === null || typeof value === 'string') return value;
  throw fail(`${field} must be a string or null`);
}

function parseAuditEntry(value: unknown): AuditEntry {
  if (!isRecord(value)) throw fail('not an object');
  const { id, success } = value;
  if (typeof id !== 'number' || !Number.isInteger(id)) throw fail('id must be an integer');
  if (typeof success !== 'boolean') throw fail('success must be true or false');
  const at = requireString(value, 'at', fail);
  if (Number.isNaN(Date.parse(at))) throw fail('at must be an ISO date');
  return {
    id,
    at,
    action: requireString(value, 'action', fail),
    actorId: nullableString(value, 'actorId'),
    actorRole: nullableString(value, 'actorRole'),
    clinicId: nullableString(value, 'clinicId'),
    success,
    errorCode: nullableString(value, 'errorCode'),
  };
}

export function parseAuditPage(value: unknown): AuditPage {
  if (!isRecord(value) || !Array.isArray(value['entries'])) throw new UnexpectedAnswerError('audit: entries must be a list');
  const { nextCursor } = value;
  if (nextCursor !== null && typeof nextCursor !== 'string') throw new UnexpectedAnswerError('audit: nextCursor must be a string or null');
  return { entries: value['entries'].map(parseAuditEntry), nextCursor };
}

/**
 * The instant a calendar day starts (`start`) or its last millisecond (`end`) on this phone's
 * clock, as the API's `from`/`to` take it: the admin reads "from the 20th" in their own day.
 */
export function dayBound(day: string, bound: 'start' | 'end'): string {
  // A date-time without an offset is read in the local zone.
  const start = new Date(`${day}T00:00:00`);
  if (bound === 'start') return start.toISOString();
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return new Date(next.getTime() - 1).toISOString();
}

/** The API's query for these filters; empty filters are left out. */
function auditQuery(filters: AuditFilters) {
  return {
    ...(filters.action === null ? {} : { action: filters.action }),
    ...(filters.clinicId === null ? {} : { clinicId: filters.clinicId }),
    ...(filters.actorId === null ? {} : { actorId: filters.actorId }),
    ...(filters.from === null ? {} : { from: dayBound(filters.from, 'start') }),
    ...(filters.to === null ? {} : { to: dayBound(filters.to, 'end') }),
  };
}

/** The API's query string for these filters. */
export function auditSearch(filters: AuditFilters): URLSearchParams {
  return new URLSearchParams(auditQuery(filters));
}

/** One page of the entries these filters keep, newest first; `cursor` from the page before. */
export async function fetchAuditPage(filters: AuditFilters, cursor: string | null): Promise<AuditPage> {
  const query = { ...auditQuery(filters), limit: String(AUDIT_PAGE_SIZE), ...(cursor === null ? {} : { cursor }) };
  return parseAuditPage(await callApi(api.admin.audit.$get({ query })));
}

/**
 * Where the CSV of every entry these filters keep downloads from: a plain link, so the browser
 * streams the file to disk with the session cookie. The export itself is audited.
 */
export function auditCsvUrl(filters: AuditFilters): string {
  return api.admin.audit.$path({ query: { ...auditQuery(filters), format: 'csv' } });
}
