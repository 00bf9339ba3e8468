/**
 * The first page of the audit log, `GET /api/v1/admin/audit`, as the super admin's screen reads
 * it: only the columns the screen shows, checked one by one.
 */
import { callApi } from './client';
import { UnexpectedAnswerError } from './errors';
import { isRecord, requireString } from './json';

export interface AuditEntry {
  id: number;
  /** ISO 8601. */
  at: string;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  clinicId: string | null;
  success: boolean;
  errorCode: string | null;
}

/** How many entries the screen shows: a phone screenful or two, the newest first. */
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

export function parseAuditPage(value: unknown): AuditEntry[] {
  if (!isRecord(value) || !Array.isArray(value['entries'])) throw new UnexpectedAnswerError('audit: entries must be a list');
  return value['entries'].map(parseAuditEntry);
}

/** The newest entries of the audit log (super admin only). */
export async function fetchLatestAudit(): Promise<AuditEntry[]> {
  return parseAuditPage(await callApi(`/api/v1/admin/audit?limit=${AUDIT_PAGE_SIZE}`));
}
