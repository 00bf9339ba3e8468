/**
 * A clinic's history at scale: `analytics` and `charts` over a year, through wrangler dev, with the
 * answer cache cold (each request recomputes from rollups: `Cache-Control: no-cache`) and warm;
 * and the same year's figures computed by plain SQL over the raw entries and SMS, to show what the
 * rollups buy. The seeded database (100 clinics × 365 days by default, ≈ 5 M entries) is kept in
 * `.data/bench/` and reused by later runs: seeding it takes minutes.
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { DEMO_LOGINS } from '../db/seed/demo-users.ts';
import { addClinicDays, clinicDayOf, nextClinicDay, startOfClinicDay } from '../worker/domain/clinic-time.ts';
import type { AnalyticsAnswer } from '../worker/domain/history-wire.ts';
import { startWorkerOver, type Runner } from './queue-bench.ts';
import { measureBaseline, ratio } from './ratios-bench.ts';
import { measureLatency, percentiles } from './latency.ts';
import { readHistoryClinic, readRangeTotals } from '../db/queries/history.ts';
import { windowsOf } from '../worker/domain/history-figures.ts';
import { openSeededDatabase } from './seeded-database.ts';
import { sessionCookie } from './sign-in.ts';


interface RawFigures {
  patients: number;
  seen: number;
  noShows: number;
  smsSent: number;
}

/** The year's figures of one clinic straight from raw rows, the way one would without rollups. */
async function rawYear(db: Database, clinicId: string, timezone: string, today: string): Promise<{ current: RawFigures; previous: RawFigures }> {
  const window = (from: string, to: string) => ({ from, to, startsAt: startOfClinicDay(from, timezone), endsAt: startOfClinicDay(nextClinicDay(to), timezone) });
  const current = window(addClinicDays(today, -364), today);
  const previous = window(addClinicDays(today, -729), addClinicDays(today, -365));
  const figuresOf = async (range: ReturnType<typeof window>): Promise<RawFigures> => {
    const inRange = (column: string) => sql.raw(`(${column} >= ${range.startsAt} and ${column} < ${range.endsAt})`);
    const [entries] = await db.all<{ patients: number; seen: number; noShows: number; waitSum: number; waitCount: number; consultSum: number }>(sql`
      select sum(${inRange('checked_in_at')}) as patients, sum(${inRange('completed_at')}) as seen, sum(${inRange('no_show_at')}) as noShows,
        sum(case when ${inRange('called_at')} then called_at - checked_in_at end) as waitSum, sum(${inRange('called_at')}) as waitCount,
        sum(case when ${inRange('completed_at')} then completed_at - coalesce(consultation_started_at, called_at) end) as consultSum
      from queue_entries where clinic_id = ${clinicId} and clinic_day between ${addClinicDays(range.from, -1)} and ${range.to}`);
    const [sms] = await db.all<{ sent: number; failed: number; cost: number }>(sql`
      select count(*) as sent, sum(status = 'failed') as failed, sum(cost_minor) as cost
      from sms_messages where clinic_id = ${clinicId} and sent_at >= ${range.startsAt} and sent_at < ${range.endsAt}`);
    return { patients: entries?.patients ?? 0, seen: entries?.seen ?? 0, noShows: entries?.noShows ?? 0, smsSent: sms?.sent ?? 0 };
  };
  return { current: await figuresOf(current), previous: await figuresOf(previous) };
}

/** `analytics` and `charts` over a year, cache cold and warm, after the stack's own baseline, with the ratios to it. */
async function benchHistoryRequests(url: string, clinicRows: Array<{ id: string }>, log: (line: string) => void) {
  const cookie = await sessionCookie(url, DEMO_LOGINS.admin);
  log('history: the baseline…');
  const baseline = await measureBaseline(url, [1]);
  let next = 0;
  const request = (endpoint: string, cold: boolean) => () => {
    const clinic = clinicRows[(next += 1) % clinicRows.length];
    return fetch(`${url}/api/v1/clinics/${clinic?.id}/${endpoint}?timeframe=1y`, { headers: { Cookie: cookie, ...(cold ? { 'Cache-Control': 'no-cache' } : {}) } });
  };
  const measure = async (endpoint: string) => {
    log(`history: ${endpoint}?timeframe=1y, cache cold then warm…`);
    await measureLatency(request(endpoint, true), { count: 100, concurrency: 1 });
    const cold = await measureLatency(request(endpoint, true), { count: 1000, concurrency: 1 });
    const warm = await measureLatency(request(endpoint, false), { count: 1000, concurrency: 1 });
    return { cold, warm };
  };
  const analytics1y = await measure('analytics');
  const charts1y = await measure('charts');
  const floor = baseline.c1;
  if (floor === undefined) throw new Error('no baseline');
  const ratios = {
    analytics1yColdP99: ratio(analytics1y.cold.p99Ms, floor.p99Ms),
    analytics1yColdP50: ratio(analytics1y.cold.p50Ms, floor.p50Ms),
    charts1yColdP99: ratio(charts1y.cold.p99Ms, floor.p99Ms),
  };
  return { baseline, analytics1y, charts1y, ratios };
}

export async function benchHistory(scratch: string, clinicCount: number, days: number, log: (line: string) => void, runners: readonly Runner[] = ['wrangler-dev']) {
  const { sqld, db, seedSeconds } = await openSeededDatabase('history', clinicCount, days, log);
  try {
    const [size] = await db.all<{ entries: number }>(sql`select count(*) as entries from queue_entries`);
    const clinicRows = await db.all<{ id: string; timezone: string }>(sql`select id, timezone from clinics order by id`);
    // The HTTP phases on every runner after the first: the same requests, against their own baseline.
    const otherRunners: Record<string, unknown> = {};
    for (const runner of runners.slice(1)) {
      const stack = await startWorkerOver(sqld, join(scratch, `history-${runner}`), runner);
      try {
        otherRunners[runner] = await benchHistoryRequests(stack.url, clinicRows, (line) => log(`${line} (${runner})`));
      } finally {
        await stack.stop();
      }
    }

    const runner = runners[0] ?? 'wrangler-dev';
    const stack = await startWorkerOver(sqld, join(scratch, `history-${runner}`), runner);
    try {
      const cookie = await sessionCookie(stack.url, DEMO_LOGINS.admin);
      const requests = await benchHistoryRequests(stack.url, clinicRows, (line) => log(`${line} (${runner})`));
      const analytics = requests.analytics1y;

      log('history: the same year from raw rows…');
      const rawDurations: number[] = [];
      let sameAnswer = true;
      for (const clinic of clinicRows.slice(0, 30)) {
        const today = clinicDayOf(Date.now(), clinic.timezone);
        const t0 = performance.now();
        const raw = await rawYear(db, clinic.id, clinic.timezone, today);
        rawDurations.push(performance.now() - t0);
        const api = (await (await fetch(`${stack.url}/api/v1/clinics/${clinic.id}/analytics?timeframe=1y`, { headers: { Cookie: cookie, 'Cache-Control': 'no-cache' } })).json()) as AnalyticsAnswer;
        const fromApi = { patients: api.current.patients, seen: api.current.seen, noShows: api.current.noShows, smsSent: api.current.smsSent };
        if (JSON.stringify(fromApi) !== JSON.stringify(raw.current)) {
          sameAnswer = false;
          log(`history: ${clinic.id} differs: rollups ${JSON.stringify(fromApi)} raw ${JSON.stringify(raw.current)}`);
        }
      }
      const raw = percentiles(rawDurations.sort((a, b) => a - b));
      // The same database work as the API's cold path, without the Worker: the clinic, then both windows summed.
      log('history: the rollup queries alone…');
      const rollupDurations: number[] = [];
      for (const clinic of clinicRows.slice(0, 30)) {
        const t0 = performance.now();
        const found = await readHistoryClinic(db, clinic.id);
        const { current, previous } = windowsOf('1y', clinicDayOf(Date.now(), found?.timezone ?? 'UTC'));
        await readRangeTotals(db, clinic.id, [current, previous]);
        rollupDurations.push(performance.now() - t0);
      }
      const rollupQuery = percentiles(rollupDurations.sort((a, b) => a - b));
      return {
        clinics: clinicCount,
        days,
        entries: size?.entries ?? 0,
        seedSeconds,
        runner,
        ...requests,
        otherRunners,
        rawScan1y: { runs: rawDurations.length, ...raw, note: 'plain SQL over queue_entries and sms_messages, Node → sqld directly (no Worker in the way)' },
        rollupQuery1y: { runs: rollupDurations.length, ...rollupQuery, note: 'the API cold path\'s database work (the clinic, then both windows summed from daily rollups), Node → sqld directly' },
        rawOverApiColdP50: Math.round((raw.p50Ms / analytics.cold.p50Ms) * 10) / 10,
        rawOverRollupQueryP50: Math.round((raw.p50Ms / rollupQuery.p50Ms) * 10) / 10,
        sameAnswer,
      };
    } finally {
      await stack.stop();
    }
  } finally {
    await sqld.process.stop();
  }
}
