/**
 * The admin console's figures, computed inside libSQL so that only totals and one page of rows
 * travel: with a thousand clinics, shipping every clinic's row to the Worker cost more than the
 * queries. Per clinic, every lookup is an index seek (its last login, today's rollup, its last 30
 * days of rollups, today's waiting entries), so the cost grows with the number of clinics, not
 * with their history. The definitions are those of worker/domain/business-figures.ts (statusAt,
 * businessStandingAt); tests hold the two to the same figures.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ClinicSort, ClinicStatus } from '../../worker/domain/admin-wire.ts';
import { DAY_MS } from '../../worker/domain/business-figures.ts';
import type { ClinicFacts } from '../../worker/domain/clinic-health.ts';
import { addClinicDays, clinicDayOf } from '../../worker/domain/clinic-time.ts';
import type { Database } from '../client.ts';

/** The zones clinics are in: each one's "today" is computed here, in JavaScript, with the IANA rules. */
export async function clinicZones(db: Database): Promise<string[]> {
  const rows = await db.all<{ timezone: string }>(sql`select distinct timezone from clinics`);
  return rows.map((row) => row.timezone);
}

/** A clinic's day `daysBack` before its today, as a SQL expression over `c.timezone`. */
function clinicDay(zones: readonly string[], now: number, daysBack: number): SQL {
  if (zones.length === 0) return sql`null`;
  const arms = zones.map((zone) => sql`when ${zone} then ${addClinicDays(clinicDayOf(now, zone), -daysBack)}`);
  return sql`(case c.timezone ${sql.join(arms, sql` `)} end)`;
}

/** Each clinic's last login up to `now`: one seek on `clinic_activity (clinic_id, kind, occurred_at)`. */
function lastLogin(now: number): SQL {
  return sql`(select max(a.occurred_at) from clinic_activity a where a.clinic_id = c.id and a.kind = 'clinic_login' and a.occurred_at <= ${now})`;
}

/**
 * One row per clinic that existed at `now`: its plan, last login, today's rollup, the last 30
 * clinic days' check-ins and who waits now. `clinics` stays the outer loop (LEFT and CROSS joins
 * are not reordered by SQLite), so each lookup is a seek by `(clinic_id, …)`.
 */
function clinicFacts(zones: readonly string[], now: number): SQL {
  const today = clinicDay(zones, now, 0);
  const monthStart = clinicDay(zones, now, 29);
  return sql`select c.id as clinicId, c.name as name, c.name_key as nameKey, c.timezone as timezone, c.currency as currency,
      c.plan_price_minor as planPriceMinor, c.archived_at as archivedAt, ${lastLogin(now)} as lastLoginAt,
      coalesce(t.checkins_qr + t.checkins_manual, 0) as patientsToday, coalesce(t.checkins_qr, 0) as qrToday,
      coalesce(t.wait_sum_ms, 0) as waitSumToday, coalesce(t.wait_count, 0) as waitCountToday,
      coalesce(t.sms_sent, 0) as smsToday, coalesce(t.sms_cost_minor, 0) as smsCostToday,
      coalesce(month.qr, 0) as qr30d, coalesce(month.patients, 0) as patients30d,
      (select count(*) from queue_entries e where e.clinic_id = c.id and e.clinic_day = ${today} and e.state = 'waiting') as waitingNow
    from clinics c
    left join daily_rollups t on t.clinic_id = c.id and t.day = ${today}
    left join (select c.id as clinicId, sum(m.checkins_qr) as qr, sum(m.checkins_qr + m.checkins_manual) as patients
        from clinics c cross join daily_rollups m where m.clinic_id = c.id and m.day between ${monthStart} and ${today} group by c.id) as month
      on month.clinicId = c.id
    where c.created_at <= ${now}`;
}

/** The status of a facts row, as statusAt decides it: 0 active, 1 at risk, 2 churned. */
function statusRank(now: number): SQL {
  return sql`(case when lastLoginAt is null or ${now} - lastLoginAt > ${30 * DAY_MS} then 2 when ${now} - lastLoginAt >= ${7 * DAY_MS} then 1 else 0 end)`;
}

const STATUS_OF_RANK: ClinicStatus[] = ['active', 'at_risk', 'churned'];
const STATUS_RANK: Record<ClinicStatus, number> = { active: 0, at_risk: 1, churned: 2 };

export interface ServiceTotals {
  totalClinics: number;
  activeClinics: number;
  atRisk: number;
  churned: number;
  dau: number;
  wau: number;
  patientsToday: number;
  qrToday: number;
  smsToday: number;
  qr30d: number;
  patients30d: number;
  openQueues: number;
  waitingInOpenQueues: number;
}

/** What the admin home sums over clinics, per currency (archived clinics left out). */
interface CurrencyTotals extends ServiceTotals {
  currency: string;
  mrrMinor: number;
  smsCostMinor: number;
}

/** The service's totals: the sums over its currencies. */
function summed(rows: readonly ServiceTotals[]): ServiceTotals {
  const sum = (field: keyof ServiceTotals) => rows.reduce((total, row) => total + Number(row[field]), 0);
  return {
    totalClinics: sum('totalClinics'), activeClinics: sum('activeClinics'), atRisk: sum('atRisk'), churned: sum('churned'), dau: sum('dau'), wau: sum('wau'),
    patientsToday: sum('patientsToday'), qrToday: sum('qrToday'), smsToday: sum('smsToday'), qr30d: sum('qr30d'), patients30d: sum('patients30d'),
    openQueues: sum('openQueues'), waitingInOpenQueues: sum('waitingInOpenQueues'),
  };
}

/**
 * Every figure of the admin home that sums over clinics, in one round trip: the sums per currency
 * (added up here for the totals), and the clinics not active, from their last login alone.
 */
export async function serviceTotals(db: Database, zones: readonly string[], now: number) {
  const rank = statusRank(now);
  const [currencies, notActive] = await db.batch([
    db.all<CurrencyTotals>(sql`with facts as (${clinicFacts(zones, now)}) select currency, count(*) as totalClinics,
        coalesce(sum(${rank} < 2), 0) as activeClinics, coalesce(sum(${rank} = 1), 0) as atRisk, coalesce(sum(${rank} = 2), 0) as churned,
        coalesce(sum(${now} - lastLoginAt < ${DAY_MS}), 0) as dau, coalesce(sum(${now} - lastLoginAt < ${7 * DAY_MS}), 0) as wau,
        coalesce(sum(patientsToday), 0) as patientsToday, coalesce(sum(qrToday), 0) as qrToday, coalesce(sum(smsToday), 0) as smsToday,
        coalesce(sum(qr30d), 0) as qr30d, coalesce(sum(patients30d), 0) as patients30d,
        coalesce(sum(patientsToday > 0), 0) as openQueues, coalesce(sum(case when patientsToday > 0 then waitingNow else 0 end), 0) as waitingInOpenQueues,
        coalesce(sum(case when ${rank} < 2 then planPriceMinor else 0 end), 0) as mrrMinor, coalesce(sum(smsCostToday), 0) as smsCostMinor
      from facts where archivedAt is null group by currency order by currency`),
    // The banner and the list: at risk first, then churned, by name; a hundred is more than a screen shows.
    db.all<{ clinicId: string; name: string; lastLoginAt: number | null; rank: number }>(sql`with facts as (select c.id as clinicId, c.name as name, c.name_key as nameKey, ${lastLogin(now)} as lastLoginAt
        from clinics c where c.created_at <= ${now} and c.archived_at is null)
      select clinicId, name, lastLoginAt, ${rank} as rank from facts where ${rank} > 0 order by rank, nameKey, clinicId limit 100`),
  ]);
  return {
    totals: summed(currencies),
    perCurrency: currencies.map((row) => ({ currency: row.currency, mrrMinor: row.mrrMinor, smsCostMinor: row.smsCostMinor })),
    notActive: notActive.map((row) => ({
      clinicId: row.clinicId,
      name: row.name,
      lastLoginAt: row.lastLoginAt,
      status: STATUS_OF_RANK[row.rank] ?? 'churned',
    })),
  };
}

/** MRR as it stood at `at` (clinics that existed and were not archived, with a login in the 30 days before). */
export async function mrrAt(db: Database, at: number): Promise<{ clinicsThen: number; mrr: Map<string, number> }> {
  const existed = sql`c.created_at <= ${at} and (c.archived_at is null or c.archived_at > ${at})`;
  const [count, rows] = await db.batch([
    db.all<{ clinics: number }>(sql`select count(*) as clinics from clinics c where ${existed}`),
    db.all<{ currency: string; mrrMinor: number }>(sql`select c.currency as currency, sum(c.plan_price_minor) as mrrMinor from clinics c where ${existed}
      and exists (select 1 from clinic_activity a where a.clinic_id = c.id and a.kind = 'clinic_login' and a.occurred_at between ${at - 30 * DAY_MS} and ${at})
      group by c.currency`),
  ]);
  const clinicsThen = Number(count[0]?.clinics ?? 0);
  return { clinicsThen, mrr: new Map(rows.map((row) => [row.currency, row.mrrMinor])) };
}

export type ClinicFactsRow = ClinicFacts;

export interface HealthPageQuery {
  archived: boolean;
  status?: ClinicStatus | undefined;
  /** Already folded with searchKey. */
  search?: string | undefined;
  sort: ClinicSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** What each sort orders by: the figure as shown (whole days, minutes to 0.1, shares to 0.0001). */
function sortExpression(sort: ClinicSort, now: number): SQL {
  switch (sort) {
    case 'name':
      return sql`nameKey`;
    case 'daysSinceLastLogin':
      // Whole days, as shown: the bound `now` arrives as a float, so the division is cast.
      return sql`cast((${now} - lastLoginAt) / ${DAY_MS} as integer)`;
    case 'patientsToday':
      return sql`patientsToday`;
    case 'avgWaitToday':
      return sql`(case when waitCountToday > 0 then round(waitSumToday * 1.0 / waitCountToday / 60000, 1) end)`;
    case 'status':
      return statusRank(now);
    case 'planPrice':
      return sql`planPriceMinor`;
    case 'qrShare30d':
      return sql`(case when patients30d > 0 then round(qr30d * 1.0 / patients30d, 4) end)`;
  }
}

/** One page of the clinic health table, filtered, searched and sorted in libSQL (unknowns last, then by name). */
export async function clinicHealthPage(db: Database, zones: readonly string[], query: HealthPageQuery, now: number): Promise<{ rows: ClinicFactsRow[]; total: number }> {
  const order = sortExpression(query.sort, now);
  const direction = query.order === 'asc' ? sql`asc` : sql`desc`;
  const pattern = query.search === undefined || query.search === '' ? undefined : `%${query.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const rows = await db.all<ClinicFactsRow & { total: number }>(sql`with facts as (${clinicFacts(zones, now)})
    select *, count(*) over () as total from facts
    where ${query.archived ? sql`archivedAt is not null` : sql`archivedAt is null`}
      ${query.status === undefined ? sql`` : sql`and ${statusRank(now)} = ${STATUS_RANK[query.status]}`}
      ${pattern === undefined ? sql`` : sql`and nameKey like ${pattern} escape '\\'`}
    order by (${order}) is null, ${order} ${direction}, nameKey, clinicId
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`);
  return { rows, total: rows[0]?.total ?? (query.page > 1 ? await countOf(db, zones, query, now) : 0) };
}

/** The total when the page asked for lies beyond the last one (the window count came back empty). */
async function countOf(db: Database, zones: readonly string[], query: HealthPageQuery, now: number): Promise<number> {
  const first = await clinicHealthPage(db, zones, { ...query, page: 1, pageSize: 1 }, now);
  return first.total;
}

/** One clinic's facts (its detail page), archived or not. */
export async function clinicFactsOf(db: Database, zones: readonly string[], clinicId: string, now: number): Promise<ClinicFactsRow | undefined> {
  const [row] = await db.all<ClinicFactsRow>(sql`with facts as (${clinicFacts(zones, now)}) select * from facts where clinicId = ${clinicId}`);
  return row;
}

/** Patients waiting now in each clinic whose queue is open today (a check-in today), archived ones left out. */
export async function waitingByOpenClinic(db: Database, zones: readonly string[], now: number): Promise<Map<string, number>> {
  const rows = await db.all<{ clinicId: string; waitingNow: number }>(sql`with facts as (${clinicFacts(zones, now)})
    select clinicId, waitingNow from facts where archivedAt is null and patientsToday > 0`);
  return new Map(rows.map((row) => [row.clinicId, row.waitingNow]));
}
