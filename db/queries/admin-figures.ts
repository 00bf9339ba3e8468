/**
 * The admin console's figures, computed inside libSQL so that only totals and one page of rows
 * travel: with a thousand clinics, shipping every clinic's row to the Worker cost more than the
 * queries. Per clinic, every lookup is an index seek (its last login, today's rollup, its last 30
 * days of rollups, today's waiting entries), so the cost grows with the number of clinics, not
 * with their history. The definitions are those of worker/domain/business-figures.ts (statusAt,
 * businessStandingAt); tests hold the two to the same figures.
 */
import { and, asc, between, count, desc, eq, exists, gt, isNotNull, isNull, lte, max, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
// Types only: the wire module builds zod schemas, which must wait for the routes' OpenAPI extension.
import type { ClinicSort, ClinicStatus } from '../../worker/domain/admin-wire.ts';
import { DAY_MS } from '../../worker/domain/business-figures.ts';
import type { ClinicFacts } from '../../worker/domain/clinic-health.ts';
import { addClinicDays, clinicDayOf, isKnownTimeZone } from '../../worker/domain/clinic-time.ts';
import type { Database } from '../client.ts';
import { clinicActivity } from '../schema/activity.ts';
import { clinics } from '../schema/clinics.ts';
import { queueEntries } from '../schema/queue.ts';
import { dailyRollups } from '../schema/rollups.ts';
import { priceAt } from './clinic-prices.ts';

// Every table goes by one of these short names: a correlated lookup must name the outer clinic
// (`c.id`), and drizzle leaves a one-table select's own columns unqualified.
const c = alias(clinics, 'c');
const todayRollup = alias(dailyRollups, 't');
const monthRollup = alias(dailyRollups, 'm');
const login = alias(clinicActivity, 'a');
const entry = alias(queueEntries, 'e');

/** The zones clinics are in: each one's "today" is computed here, in JavaScript, with the IANA rules. */
export async function clinicZones(db: Database): Promise<string[]> {
  const rows = await db.selectDistinct({ timezone: clinics.timezone }).from(clinics);
  // A zone no runtime knows (a row written outside the API) leaves its clinic without a "today"
  // rather than failing every service-wide figure, alert and digest.
  return rows.map((row) => row.timezone).filter(isKnownTimeZone);
}

/** A clinic's day `daysBack` before its today, as a SQL expression over `c.timezone`. */
function clinicDay(zones: readonly string[], now: number, daysBack: number): SQL<string | null> {
  if (zones.length === 0) return sql`null`;
  const arms = zones.map((zone) => sql`when ${zone} then ${addClinicDays(clinicDayOf(now, zone), -daysBack)}`);
  return sql`(case ${c.timezone} ${sql.join(arms, sql` `)} end)`;
}

/** Each clinic's last login up to `now`: one seek on `clinic_activity (clinic_id, kind, occurred_at)`. */
function lastLogin(db: Database, now: number) {
  const logins = db
    .select({ at: max(login.occurredAt) })
    .from(login)
    .where(and(eq(login.clinicId, c.id), eq(login.kind, 'clinic_login'), lte(login.occurredAt, now)));
  // A select is not a field: as a scalar subquery it goes through sql, which parenthesises it.
  return sql<number | null>`${logins}`.as('lastLoginAt');
}

/** A sum that is 0 over no rows, read as a number. */
const sumOf = (expression: SQL) => sql<number>`coalesce(sum(${expression}), 0)`.mapWith(Number);

/**
 * One row per clinic that existed at `now`: its plan, last login, today's rollup, the last 30
 * clinic days' check-ins and who waits now. `clinics` stays the outer loop (LEFT and CROSS joins
 * are not reordered by SQLite), so each lookup is a seek by `(clinic_id, …)`.
 */
function clinicFacts(db: Database, zones: readonly string[], now: number) {
  const today = clinicDay(zones, now, 0);
  const monthStart = clinicDay(zones, now, 29);
  const t = todayRollup;
  const m = monthRollup;
  const month = db
    .select({
      clinicId: c.id,
      qr: sql<number>`sum(${m.checkinsQr})`.as('qr'),
      patients: sql<number>`sum(${m.checkinsQr} + ${m.checkinsManual})`.as('patients'),
    })
    .from(c)
    .crossJoin(m)
    .where(and(eq(m.clinicId, c.id), between(m.day, monthStart, today)))
    .groupBy(c.id)
    .as('month');
  const waiting = db
    .select({ waiting: count() })
    .from(entry)
    .where(and(eq(entry.clinicId, c.id), eq(entry.clinicDay, today), eq(entry.state, 'waiting')));
  return db.$with('facts').as(
    db
      .select({
        clinicId: c.id,
        name: c.name,
        nameKey: c.nameKey,
        timezone: c.timezone,
        currency: c.currency,
        planPriceMinor: c.planPriceMinor,
        createdAt: c.createdAt,
        archivedAt: c.archivedAt,
        lastLoginAt: lastLogin(db, now),
        patientsToday: sql<number>`coalesce(${t.checkinsQr} + ${t.checkinsManual}, 0)`.mapWith(Number).as('patientsToday'),
        qrToday: sql<number>`coalesce(${t.checkinsQr}, 0)`.mapWith(Number).as('qrToday'),
        waitSumToday: sql<number>`coalesce(${t.waitSumMs}, 0)`.mapWith(Number).as('waitSumToday'),
        waitCountToday: sql<number>`coalesce(${t.waitCount}, 0)`.mapWith(Number).as('waitCountToday'),
        smsToday: sql<number>`coalesce(${t.smsSent}, 0)`.mapWith(Number).as('smsToday'),
        smsCostToday: sql<number>`coalesce(${t.smsCostMinor}, 0)`.mapWith(Number).as('smsCostToday'),
        qr30d: sql<number>`coalesce(${month.qr}, 0)`.mapWith(Number).as('qr30d'),
        patients30d: sql<number>`coalesce(${month.patients}, 0)`.mapWith(Number).as('patients30d'),
        waitingNow: sql<number>`${waiting}`.mapWith(Number).as('waitingNow'),
      })
      .from(c)
      .leftJoin(t, and(eq(t.clinicId, c.id), eq(t.day, today)))
      .leftJoin(month, eq(month.clinicId, c.id))
      .where(lte(c.createdAt, now)),
  );
}

type Facts = ReturnType<typeof clinicFacts>;

/** What a clinic's health row is made of (ClinicFacts), read from the facts. */
function factsColumns(facts: Facts) {
  return {
    clinicId: facts.clinicId,
    name: facts.name,
    timezone: facts.timezone,
    currency: facts.currency,
    planPriceMinor: facts.planPriceMinor,
    createdAt: facts.createdAt,
    archivedAt: facts.archivedAt,
    lastLoginAt: facts.lastLoginAt,
    patientsToday: facts.patientsToday,
    waitSumToday: facts.waitSumToday,
    waitCountToday: facts.waitCountToday,
    qr30d: facts.qr30d,
    patients30d: facts.patients30d,
  };
}

/**
 * A clinic's status as statusAt decides it, from its creation and last login, as its place in a
 * clinic's life (the order `sort=status` follows): 0 onboarding, 1 active, 2 at risk, 3 churned.
 */
function statusRank(clinic: { createdAt: SQLWrapper; lastLoginAt: SQLWrapper }, now: number): SQL<number> {
  const { createdAt, lastLoginAt } = clinic;
  return sql<number>`(case when ${lastLoginAt} is null then (case when ${now} - ${createdAt} < ${30 * DAY_MS} then 0 else 3 end) when ${now} - ${lastLoginAt} > ${30 * DAY_MS} then 3 when ${now} - ${lastLoginAt} >= ${7 * DAY_MS} then 2 else 1 end)`;
}

const STATUS_RANK = { onboarding: 0, active: 1, at_risk: 2, churned: 3 } as const satisfies Record<ClinicStatus, number>;
/** CLINIC_STATUSES's order, which `sort=status` follows. */
const STATUS_OF_RANK = ['onboarding', 'active', 'at_risk', 'churned'] as const satisfies readonly ClinicStatus[];
/** Active and at-risk clinics: a login in the past 30 days (PRODUCT "active clinics", and so MRR). */
const isActiveRank = (rank: SQL<number>) => sql`${rank} between ${STATUS_RANK.active} and ${STATUS_RANK.at_risk}`;

export interface ServiceTotals {
  totalClinics: number;
  activeClinics: number;
  onboarding: number;
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

/** The service's totals: the sums over its currencies. */
function summed(rows: readonly ServiceTotals[]): ServiceTotals {
  const sum = (field: keyof ServiceTotals) => rows.reduce((total, row) => total + row[field], 0);
  return {
    totalClinics: sum('totalClinics'), activeClinics: sum('activeClinics'), onboarding: sum('onboarding'), atRisk: sum('atRisk'), churned: sum('churned'), dau: sum('dau'), wau: sum('wau'),
    patientsToday: sum('patientsToday'), qrToday: sum('qrToday'), smsToday: sum('smsToday'), qr30d: sum('qr30d'), patients30d: sum('patients30d'),
    openQueues: sum('openQueues'), waitingInOpenQueues: sum('waitingInOpenQueues'),
  };
}

/**
 * Every figure of the admin home that sums over clinics, in one round trip: the sums per currency
 * (added up here for the totals), and the clinics at churn risk (at risk or churned, never
 * onboarding), from their creation and last login alone.
 */
export async function serviceTotals(db: Database, zones: readonly string[], now: number) {
  const facts = clinicFacts(db, zones, now);
  const rank = statusRank(facts, now);
  const standing = db.$with('standing').as(
    db
      .select({ clinicId: c.id, name: c.name, nameKey: c.nameKey, createdAt: c.createdAt, lastLoginAt: lastLogin(db, now) })
      .from(c)
      .where(and(lte(c.createdAt, now), isNull(c.archivedAt))),
  );
  const standingRank = statusRank(standing, now).as('rank');
  const [currencies, churnRisk] = await db.batch([
    db
      .with(facts)
      .select({
        currency: facts.currency,
        totalClinics: count(),
        activeClinics: sumOf(isActiveRank(rank)),
        onboarding: sumOf(sql`${rank} = ${STATUS_RANK.onboarding}`),
        atRisk: sumOf(sql`${rank} = ${STATUS_RANK.at_risk}`),
        churned: sumOf(sql`${rank} = ${STATUS_RANK.churned}`),
        dau: sumOf(sql`${now} - ${facts.lastLoginAt} < ${DAY_MS}`),
        wau: sumOf(sql`${now} - ${facts.lastLoginAt} < ${7 * DAY_MS}`),
        patientsToday: sumOf(sql`${facts.patientsToday}`),
        qrToday: sumOf(sql`${facts.qrToday}`),
        smsToday: sumOf(sql`${facts.smsToday}`),
        qr30d: sumOf(sql`${facts.qr30d}`),
        patients30d: sumOf(sql`${facts.patients30d}`),
        openQueues: sumOf(sql`${facts.patientsToday} > 0`),
        waitingInOpenQueues: sumOf(sql`case when ${facts.patientsToday} > 0 then ${facts.waitingNow} else 0 end`),
        mrrMinor: sumOf(sql`case when ${isActiveRank(rank)} then ${facts.planPriceMinor} else 0 end`),
        smsCostMinor: sumOf(sql`${facts.smsCostToday}`),
      })
      .from(facts)
      .where(isNull(facts.archivedAt))
      .groupBy(facts.currency)
      .orderBy(facts.currency),
    // The banner and the list: at risk first, then churned, by name; a hundred is more than a screen shows.
    db
      .with(standing)
      .select({ clinicId: standing.clinicId, name: standing.name, lastLoginAt: standing.lastLoginAt, rank: standingRank })
      .from(standing)
      .where(gt(statusRank(standing, now), STATUS_RANK.active))
      .orderBy(sql`${standingRank}`, standing.nameKey, standing.clinicId)
      .limit(100),
  ]);
  return {
    totals: summed(currencies),
    perCurrency: currencies.map((row) => ({ currency: row.currency, mrrMinor: row.mrrMinor, smsCostMinor: row.smsCostMinor })),
    churnRisk: churnRisk.map((row) => ({
      clinicId: row.clinicId,
      name: row.name,
      lastLoginAt: row.lastLoginAt,
      status: STATUS_OF_RANK[row.rank] ?? 'churned',
    })),
  };
}

/** MRR as it stood at `at` (clinics that existed and were not archived, with a login in the 30 days before). */
export async function mrrAt(db: Database, at: number): Promise<{ clinicsThen: number; mrr: Map<string, number> }> {
  const existed = and(lte(c.createdAt, at), or(isNull(c.archivedAt), gt(c.archivedAt, at)));
  const loggedIn = db
    .select({ one: sql`1` })
    .from(login)
    .where(and(eq(login.clinicId, c.id), eq(login.kind, 'clinic_login'), between(login.occurredAt, at - 30 * DAY_MS, at)));
  const [counted, rows] = await db.batch([
    db.select({ clinics: count() }).from(c).where(existed),
    db
      // Each clinic at the price in force then: a price changed since leaves this MRR as it was.
      .select({ currency: c.currency, mrrMinor: sql<number>`sum(${priceAt(c.id, c.planPriceMinor, at)})`.mapWith(Number) })
      .from(c)
      .where(and(existed, exists(loggedIn)))
      .groupBy(c.currency),
  ]);
  const clinicsThen = counted[0]?.clinics ?? 0;
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
function sortExpression(facts: Facts, sort: ClinicSort, now: number): SQL {
  switch (sort) {
    case 'name':
      return sql`${facts.nameKey}`;
    case 'daysSinceLastLogin':
      // Whole days, as shown: the bound `now` arrives as a float, so the division is cast.
      return sql`cast((${now} - ${facts.lastLoginAt}) / ${DAY_MS} as integer)`;
    case 'patientsToday':
      return sql`${facts.patientsToday}`;
    case 'avgWaitToday':
      return sql`(case when ${facts.waitCountToday} > 0 then round(${facts.waitSumToday} * 1.0 / ${facts.waitCountToday} / 60000, 1) end)`;
    case 'status':
      return statusRank(facts, now);
    case 'planPrice':
      return sql`${facts.planPriceMinor}`;
    case 'qrShare30d':
      return sql`(case when ${facts.patients30d} > 0 then round(${facts.qr30d} * 1.0 / ${facts.patients30d}, 4) end)`;
  }
}

/** One page of the clinic health table, filtered, searched and sorted in libSQL (unknowns last, then by name). */
export async function clinicHealthPage(db: Database, zones: readonly string[], query: HealthPageQuery, now: number): Promise<{ rows: ClinicFactsRow[]; total: number }> {
  const facts = clinicFacts(db, zones, now);
  const order = sortExpression(facts, query.sort, now);
  const pattern = query.search === undefined || query.search === '' ? undefined : `%${query.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const rows = await db
    .with(facts)
    .select({
      ...factsColumns(facts),
      // A window function, which the builder has no word for: typed here, counted by libSQL.
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(facts)
    .where(
      and(
        query.archived ? isNotNull(facts.archivedAt) : isNull(facts.archivedAt),
        query.status === undefined ? undefined : eq(statusRank(facts, now), STATUS_RANK[query.status]),
        // drizzle's like() has no ESCAPE clause.
        pattern === undefined ? undefined : sql`${facts.nameKey} like ${pattern} escape '\\'`,
      ),
    )
    .orderBy(sql`(${order}) is null`, query.order === 'asc' ? asc(order) : desc(order), facts.nameKey, facts.clinicId)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { rows, total: rows[0]?.total ?? (query.page > 1 ? await countOf(db, zones, query, now) : 0) };
}

/** The total when the page asked for lies beyond the last one (the window count came back empty). */
async function countOf(db: Database, zones: readonly string[], query: HealthPageQuery, now: number): Promise<number> {
  const first = await clinicHealthPage(db, zones, { ...query, page: 1, pageSize: 1 }, now);
  return first.total;
}

/** One clinic's facts (its detail page), archived or not. */
export async function clinicFactsOf(db: Database, zones: readonly string[], clinicId: string, now: number): Promise<ClinicFactsRow | undefined> {
  const facts = clinicFacts(db, zones, now);
  const [row] = await db.with(facts).select(factsColumns(facts)).from(facts).where(eq(facts.clinicId, clinicId));
  return row;
}

/** Patients waiting now in each clinic whose queue is open today (a check-in today), archived ones left out. */
export async function waitingByOpenClinic(db: Database, zones: readonly string[], now: number): Promise<Map<string, number>> {
  const facts = clinicFacts(db, zones, now);
  const rows = await db
    .with(facts)
    .select({ clinicId: facts.clinicId, waitingNow: facts.waitingNow })
    .from(facts)
    .where(and(isNull(facts.archivedAt), gt(facts.patientsToday, 0)));
  return new Map(rows.map((row) => [row.clinicId, row.waitingNow]));
}
