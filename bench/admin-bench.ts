/**
 * The admin console at scale: `admin/metrics` and `admin/clinics` through wrangler dev with 1,000
 * clinics (default: 35 days of history each, enough for every 30-day window), and the same
 * figures by plain SQL over the raw rows (entries, SMS, logins), to show what rollups and index
 * seeks buy. The seeded database is kept in `.data/bench/` for later runs.
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { DEMO_LOGINS } from '../db/seed/demo-users.ts';
import type { AdminMetrics } from '../worker/domain/admin-wire.ts';
import { addClinicDays, clinicDayOf, nextClinicDay, startOfClinicDay } from '../worker/domain/clinic-time.ts';
import { startWorkerOver, type Runner } from './queue-bench.ts';
import { measureBaseline, ratio } from './ratios-bench.ts';
import { measureLatency, percentiles } from './latency.ts';
import { clinicZones, serviceTotals } from '../db/queries/admin-figures.ts';
import { openSeededDatabase } from './seeded-database.ts';
import { sessionCookie } from './sign-in.ts';

const DAY = 86_400_000;

/**
 * Active clinics, patients today and QR adoption over 30 days from raw rows: every login scanned
 * for each clinic's last one, every entry of each clinic's last 30 days counted.
 */
async function rawFigures(db: Database, now: number) {
  const zones = await db.all<{ timezone: string }>(sql`select distinct timezone from clinics where archived_at is null`);
  const todayCondition = sql.join(
    zones.map(({ timezone }) => {
      const today = clinicDayOf(now, timezone);
      return sql`(c.timezone = ${timezone} and e.checked_in_at >= ${startOfClinicDay(today, timezone)} and e.checked_in_at < ${startOfClinicDay(nextClinicDay(today), timezone)})`;
    }),
    sql` or `,
  );
  const monthCondition = sql.join(
    zones.map(({ timezone }) => {
      const today = clinicDayOf(now, timezone);
      return sql`(c.timezone = ${timezone} and e.checked_in_at >= ${startOfClinicDay(addClinicDays(today, -29), timezone)} and e.checked_in_at < ${startOfClinicDay(nextClinicDay(today), timezone)})`;
    }),
    sql` or `,
  );
  const [logins] = await db.all<{ active: number }>(sql`
    select count(*) as active from (select a.clinic_id, max(a.occurred_at) as last from clinic_activity a join clinics c on c.id = a.clinic_id
      where a.kind = 'clinic_login' and c.archived_at is null group by a.clinic_id) where last >= ${now - 30 * DAY}`);
  const [today] = await db.all<{ patients: number; qr: number }>(sql`
    select count(*) as patients, coalesce(sum(e.method = 'qr'), 0) as qr from queue_entries e join clinics c on c.id = e.clinic_id where c.archived_at is null and (${todayCondition})`);
  const [month] = await db.all<{ patients: number; qr: number }>(sql`
    select count(*) as patients, coalesce(sum(e.method = 'qr'), 0) as qr from queue_entries e join clinics c on c.id = e.clinic_id where c.archived_at is null and (${monthCondition})`);
  return { activeClinics: logins?.active ?? 0, patientsToday: today?.patients ?? 0, qrToday: today?.qr ?? 0, patients30d: month?.patients ?? 0, qr30d: month?.qr ?? 0 };
}

/** `admin/metrics` and one sorted page of `admin/clinics`, after the stack's own baseline, with the ratios to it. */
async function benchAdminRequests(url: string, log: (line: string) => void) {
  const cookie = await sessionCookie(url, DEMO_LOGINS.admin);
  const get = (path: string) => () => fetch(`${url}/api/v1/${path}`, { headers: { Cookie: cookie } });
  log('admin: the baseline…');
  const baseline = await measureBaseline(url, [1]);
  log('admin: admin/metrics…');
  await measureLatency(get('admin/metrics'), { count: 20, concurrency: 1 });
  const metrics = await measureLatency(get('admin/metrics'), { count: 300, concurrency: 1 });
  log('admin: admin/clinics (sorted by days since last login, 25 a page)…');
  const clinicsTable = await measureLatency(get('admin/clinics?sort=daysSinceLastLogin&order=desc'), { count: 300, concurrency: 1 });
  const floor = baseline.c1;
  if (floor === undefined) throw new Error('no baseline');
  const ratios = { metricsP99: ratio(metrics.p99Ms, floor.p99Ms), metricsP50: ratio(metrics.p50Ms, floor.p50Ms), clinicsTableP99: ratio(clinicsTable.p99Ms, floor.p99Ms), clinicsTableP50: ratio(clinicsTable.p50Ms, floor.p50Ms) };
  return { baseline, metrics, clinicsTable, ratios, get };
}

export async function benchAdmin(scratch: string, clinicCount: number, days: number, log: (line: string) => void, runners: readonly Runner[] = ['wrangler-dev']) {
  const { sqld, db, seedSeconds } = await openSeededDatabase('admin', clinicCount, days, log);
  try {
    const otherRunners: Record<string, unknown> = {};
    for (const runner of runners.slice(1)) {
      const stack = await startWorkerOver(sqld, join(scratch, `admin-${runner}`), runner);
      try {
        const { get: _get, ...figures } = await benchAdminRequests(stack.url, (line) => log(`${line} (${runner})`));
        otherRunners[runner] = figures;
      } finally {
        await stack.stop();
      }
    }
    const runner = runners[0] ?? 'wrangler-dev';
    const stack = await startWorkerOver(sqld, join(scratch, `admin-${runner}`), runner);
    try {
      const { get, baseline, metrics, clinicsTable: clinics, ratios } = await benchAdminRequests(stack.url, (line) => log(`${line} (${runner})`));

      log('admin: the same figures by plain SQL over raw rows…');
      const rawDurations: number[] = [];
      let raw = await rawFigures(db, Date.now());
      for (let run = 0; run < 20; run += 1) {
        const t0 = performance.now();
        raw = await rawFigures(db, Date.now());
        rawDurations.push(performance.now() - t0);
      }
      const api = (await (await get('admin/metrics')()).json()) as AdminMetrics;
      const sameAnswer = api.activeClinics.count === raw.activeClinics && api.patientsToday.count === raw.patientsToday;
      if (!sameAnswer) log(`admin: figures differ: api ${JSON.stringify({ active: api.activeClinics.count, patients: api.patientsToday.count })} raw ${JSON.stringify(raw)}`);
      const rawScan = percentiles(rawDurations.sort((a, b) => a - b));
      // The same database work as admin/metrics, without the Worker: the figures computed in libSQL.
      log('admin: the rollup-based queries alone…');
      const queryDurations: number[] = [];
      for (let run = 0; run < 20; run += 1) {
        const t0 = performance.now();
        const zones = await clinicZones(db);
        await serviceTotals(db, zones, Date.now());
        queryDurations.push(performance.now() - t0);
      }
      const queries = percentiles(queryDurations.sort((a, b) => a - b));
      return {
        clinics: clinicCount,
        days,
        seedSeconds,
        runner,
        baseline,
        metrics,
        clinicsTable: clinics,
        ratios,
        otherRunners,
        rawScan: { runs: rawDurations.length, ...rawScan, note: 'active clinics, patients today and 30-day QR adoption by plain SQL, Node → sqld directly' },
        metricsQueries: { runs: queryDurations.length, ...queries, note: 'admin/metrics database work (zones + totals per currency + clinics at risk), Node → sqld directly' },
        rawOverMetricsP50: Math.round((rawScan.p50Ms / metrics.p50Ms) * 10) / 10,
        rawOverMetricsQueriesP50: Math.round((rawScan.p50Ms / queries.p50Ms) * 10) / 10,
        sameAnswer,
      };
    } finally {
      await stack.stop();
    }
  } finally {
    await sqld.process.stop();
  }
}
