/**
 * The admin's clinic health table: one row per clinic from its standing and its rollups, then
 * filtered, searched, sorted and paged. Pure, so the figures are tested without a database.
 */
import type { ClinicHealthRow, ClinicSort, ClinicStatus } from './admin-wire.ts';
import { daysSince, shareOf, statusAt } from './business-figures.ts';

export interface ClinicFacts {
  clinicId: string;
  name: string;
  timezone: string;
  currency: string;
  planPriceMinor: number;
  lastLoginAt: number | null;
  archivedAt: number | null;
  today?: { patients: number; waitSumMs: number; waitCount: number } | undefined;
  month?: { patients: number; qr: number } | undefined;
}

export function healthRowOf(clinic: ClinicFacts, now: number): ClinicHealthRow {
  const today = clinic.today;
  return {
    clinicId: clinic.clinicId,
    name: clinic.name,
    timezone: clinic.timezone,
    status: statusAt(clinic.lastLoginAt, now),
    daysSinceLastLogin: daysSince(clinic.lastLoginAt, now),
    lastLoginAt: clinic.lastLoginAt === null ? null : new Date(clinic.lastLoginAt).toISOString(),
    patientsToday: today?.patients ?? 0,
    avgWaitToday: today !== undefined && today.waitCount > 0 ? Math.round(today.waitSumMs / today.waitCount / 6_000) / 10 : null,
    planPrice: { currency: clinic.currency, amountMinor: clinic.planPriceMinor },
    qrShare30d: shareOf(clinic.month?.qr ?? 0, clinic.month?.patients ?? 0),
    archived: clinic.archivedAt !== null,
  };
}

/** Case and accents do not matter: "medina" finds "Médina". */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('fr');
}

const STATUS_ORDER: Record<ClinicStatus, number> = { active: 0, at_risk: 1, churned: 2 };

function sortValue(row: ClinicHealthRow, sort: ClinicSort): number | string | null {
  switch (sort) {
    case 'name':
      return searchKey(row.name);
    case 'status':
      return STATUS_ORDER[row.status];
    case 'planPrice':
      return row.planPrice.amountMinor;
    default:
      return row[sort];
  }
}

export interface HealthQuery {
  status?: ClinicStatus | undefined;
  q?: string | undefined;
  sort: ClinicSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Filtered, searched and sorted (unknown values last whatever the order, then by name), one page. */
export function healthPage(rows: readonly ClinicHealthRow[], query: HealthQuery): { rows: ClinicHealthRow[]; total: number } {
  const needle = query.q === undefined ? '' : searchKey(query.q.trim());
  const kept = rows.filter((row) => (query.status === undefined || row.status === query.status) && (needle === '' || searchKey(row.name).includes(needle)));
  const direction = query.order === 'asc' ? 1 : -1;
  kept.sort((a, b) => {
    const [x, y] = [sortValue(a, query.sort), sortValue(b, query.sort)];
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * direction;
    }
    return searchKey(a.name).localeCompare(searchKey(b.name)) || a.clinicId.localeCompare(b.clinicId);
  });
  const start = (query.page - 1) * query.pageSize;
  return { rows: kept.slice(start, start + query.pageSize), total: kept.length };
}
