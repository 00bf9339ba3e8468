import type { Database } from '../../db/client.ts';
import { clinicOwners, clinicTimeline } from '../../db/queries/admin-clinics.ts';
import { clinicFactsOf, clinicHealthPage, clinicZones } from '../../db/queries/admin-figures.ts';
import { clinicRecord } from '../../db/queries/business.ts';
import type { AdminClinicDetail, ClinicHealthPage, ClinicHealthRow, ClinicSort, ClinicStatus, TimelinePage } from '../domain/admin-wire.ts';
import { healthRowOf } from '../domain/clinic-health.ts';
import { searchKey } from '../domain/search-key.ts';
import type { ActivityKind } from '../domain/vocabulary.ts';
import type { Clock } from '../runtime/clock.ts';
import { failed, succeeded, type Result } from './result.ts';

/** What the super admin's clinic pages read: every clinic's figures, at the clock's now. */
export interface ClinicConsoleRuntime {
  db: Database;
  clock: Clock;
}

export interface ClinicHealthQuery {
  status?: ClinicStatus | undefined;
  /** As typed in the search box. */
  q?: string | undefined;
  sort: ClinicSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  /** True lists the archived clinics instead of the live ones. */
  archived: boolean;
}

/** One page of the clinic health table. */
export async function clinicHealthTable({ db, clock }: ClinicConsoleRuntime, query: ClinicHealthQuery): Promise<ClinicHealthPage> {
  const now = clock.now();
  const zones = await clinicZones(db);
  const page = await clinicHealthPage(db, zones, { ...query, search: query.q === undefined ? undefined : searchKey(query.q.trim()) }, now);
  const clinics = page.rows.map((row) => healthRowOf(row, now));
  return { clinics, page: query.page, pageSize: query.pageSize, total: page.total, sort: query.sort, order: query.order };
}

/** The health table's rows read per query by an export: a few hundred rows of figures stay small. */
const EXPORT_PAGE_SIZE = 250;

/**
 * Every row of the health table as filtered and sorted (every page, not one), a page at a time as
 * an export pulls them, all at the same `now` so that a clinic's figures and place hold still
 * across pages. Each call answers the next page and whether another follows.
 */
export function clinicHealthRows(
  { db, clock }: ClinicConsoleRuntime,
  query: Omit<ClinicHealthQuery, 'page' | 'pageSize'>,
): () => Promise<{ rows: ClinicHealthRow[]; more: boolean }> {
  const now = clock.now();
  const search = query.q === undefined ? undefined : searchKey(query.q.trim());
  let zones: Promise<string[]> | undefined;
  let page = 0;
  return async () => {
    zones ??= clinicZones(db);
    page += 1;
    const read = await clinicHealthPage(db, await zones, { ...query, search, page, pageSize: EXPORT_PAGE_SIZE }, now);
    return { rows: read.rows.map((row) => healthRowOf(row, now)), more: page * EXPORT_PAGE_SIZE < read.total };
  };
}

/** A clinic's figures and settings, archived or not. */
export async function clinicDetail({ db, clock }: ClinicConsoleRuntime, clinicId: string): Promise<Result<AdminClinicDetail, 'no_such_clinic'>> {
  const now = clock.now();
  const record = await clinicRecord(db, clinicId, now);
  if (record === undefined) return failed('no_such_clinic');
  const [facts, owners] = await Promise.all([clinicFactsOf(db, [record.timezone], clinicId, now), clinicOwners(db, clinicId)]);
  if (facts === undefined) return failed('no_such_clinic');
  return succeeded({
    clinic: {
      ...healthRowOf(facts, now),
      smsUnitCost: { currency: record.currency, amountMinor: record.smsUnitCostMinor },
      createdAt: new Date(record.createdAt).toISOString(),
      archivedAt: record.archivedAt === null ? null : new Date(record.archivedAt).toISOString(),
      owners,
    },
  });
}

/** A timeline cursor: the last item's time and id, `<at>.<id>`. */
export const TIMELINE_CURSOR = /^(\d+)\.(\d+)$/;

/** A page of a clinic's timeline, newest first, after `cursor` (a string TIMELINE_CURSOR matches). */
export async function clinicActivityPage(
  { db, clock }: ClinicConsoleRuntime,
  clinicId: string,
  query: { kind?: ActivityKind | undefined; cursor?: string | undefined; limit: number },
): Promise<Result<TimelinePage, 'no_such_clinic'>> {
  if ((await clinicRecord(db, clinicId, clock.now())) === undefined) return failed('no_such_clinic');
  const match = query.cursor === undefined ? null : TIMELINE_CURSOR.exec(query.cursor);
  const before = match === null ? undefined : { at: Number(match[1]), id: Number(match[2]) };
  // One more than the page: whether it exists decides the next cursor.
  const rows = await clinicTimeline(db, clinicId, { kind: query.kind, before, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return succeeded({
    items: page.map((row) => ({
      id: String(row.id),
      kind: row.kind,
      at: new Date(row.occurredAt).toISOString(),
      userId: row.userId,
      detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
    })),
    nextCursor: rows.length > query.limit && last !== undefined ? `${last.occurredAt}.${last.id}` : null,
  });
}
