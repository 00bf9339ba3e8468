/**
 * How cost grows with the number of clinics (100, 1,000, 10,000 by default): per size, through
 * wrangler dev on the same days of data, `admin/metrics`, `admin/clinics` (sorted by days since
 * the last login), one clinic's year of history with the answer cache cold, and the Monday digest
 * from the cron trigger through the local queue into an SMTP server in this process (every owner
 * exactly once). Each figure is a time and the database rows read (and written) as sqld counts
 * them, per request or per digest; between sizes, ratios: ≈ 10× from one size to the next is
 * linear, much more is not. The statements that read the most come with each figure.
 *
 * The databases are cost-seed.ts's (100 generated clinics and copies of them), kept in
 * `.data/bench/` between runs. Nothing else runs on the stack while a figure is taken (wrangler dev
 * fires no cron by itself), and sqld's counters are read only once they stop moving.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { DEMO_LOGINS } from '../db/seed/demo-users.ts';
import { openCostDatabase } from './cost-seed.ts';
import { checkExactlyOnce, fireCron, jobCounters, prepare, startDigestWorker, startSmtpReceiver, until } from './digest-bench.ts';
import { measureLatency } from './latency.ts';
import { rowsBetween, untilQuiet } from './sqld-rows.ts';
import { sessionCookie } from './sign-in.ts';

/** The year of one clinic: the same generated clinic at every size. */
const HISTORY_CLINIC = 'clinic-001';
const WARM_UP = 5;
const ADMIN_REQUESTS = 60;
const HISTORY_REQUESTS = 100;
/** No new message for this long means the digest is stuck: stop waiting and report what came. */
const STALL_MS = 60_000;
const GIVE_UP_MS = 20 * 60_000;

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `count` sequential requests after a warm-up: their latency, and sqld's rows per request. */
async function measureRequests(adminUrl: string, send: () => Promise<Response>, count: number) {
  await measureLatency(send, { count: WARM_UP, concurrency: 1 });
  const before = await untilQuiet(adminUrl);
  const latency = await measureLatency(send, { count, concurrency: 1 });
  const after = await untilQuiet(adminUrl);
  return { latency, rows: rowsBetween(before.reading, after.reading, count), quiet: before.quiet && after.quiet };
}

async function measureSize(scratch: string, clinicCount: number, days: number, log: (line: string) => void) {
  log(`cost: ${clinicCount} clinics × ${days} days…`);
  const opened = await openCostDatabase(clinicCount, days, log);
  const { sqld, db } = opened;
  const adminUrl = sqld.adminUrl ?? '';
  const smtp = await startSmtpReceiver();
  try {
    const setup = await prepare(db);
    const expectedService = setup.serviceDue ? setup.admins.size : 0;
    const expectedTotal = setup.ownerMessages + expectedService;
    const dataDir = join(scratch, `cost-${clinicCount}-worker`);
    const { stack, workerLines } = await startDigestWorker(dataDir, sqld, smtp.port, (line) => log(`cost: ${line}`), 5);
    try {
      // Idle: what the stack reads on its own, to be sure the figures below are the requests'.
      const idleFrom = await untilQuiet(adminUrl);
      await sleep(5_000);
      const idle = rowsBetween(idleFrom.reading, (await untilQuiet(adminUrl)).reading, 1, 3);

      const cookie = await sessionCookie(stack.url, DEMO_LOGINS.admin);
      const get = (path: string, headers: Record<string, string> = {}) => () => fetch(`${stack.url}/api/v1/${path}`, { headers: { Cookie: cookie, ...headers } });
      log(`cost: ${clinicCount}: admin/metrics…`);
      const metrics = await measureRequests(adminUrl, get('admin/metrics'), ADMIN_REQUESTS);
      log(`cost: ${clinicCount}: admin/clinics…`);
      const clinicsTable = await measureRequests(adminUrl, get('admin/clinics?sort=daysSinceLastLogin&order=desc'), ADMIN_REQUESTS);
      log(`cost: ${clinicCount}: ${HISTORY_CLINIC}'s year, cache cold…`);
      const history = await measureRequests(adminUrl, get(`clinics/${HISTORY_CLINIC}/analytics?timeframe=1y`, { 'Cache-Control': 'no-cache' }), HISTORY_REQUESTS);

      log(`cost: ${clinicCount}: the Monday digest (${setup.liveClinics} live clinics, expecting ${setup.ownerMessages} owner + ${expectedService} service messages)…`);
      const token = /^METRICS_TOKEN=(.*)$/m.exec(await readFile(join(dataDir, '.dev.vars'), 'utf8'))?.[1]?.trim() ?? '';
      const countersBefore = await jobCounters(stack.url, token);
      const before = await untilQuiet(adminUrl);
      const t0 = performance.now();
      const cron = await fireCron(stack.url, setup.scheduledTime);
      const cronSeconds = (performance.now() - t0) / 1000;
      // Waiting on the mailbox alone: /metrics reads the database, the counters come after.
      const arrived = await until(
        () => smtp.arrivals.length,
        (received) => received >= expectedTotal,
        { timeoutMs: GIVE_UP_MS, stalledMs: STALL_MS, intervalMs: 50, progress: () => smtp.arrivals.length },
      );
      const lastAt = smtp.arrivals.at(-1)?.at ?? t0;
      const after = await untilQuiet(adminUrl, { quietMs: 3_000, timeoutMs: 120_000 });
      const received = smtp.arrivals.length;
      log(`cost: ${clinicCount}: ${received}/${expectedTotal} messages in ${round1((lastAt - t0) / 1000)} s${arrived.timedOut ? ' (stopped waiting)' : ''}`);
      const countersAfter = await jobCounters(stack.url, token);
      const jobs = Object.fromEntries(
        [...countersAfter].map(([name, value]) => [name, value - (countersBefore.get(name) ?? 0)] as const).filter(([, value]) => value !== 0),
      );
      const { ownerArrivals, serviceArrivals, exactlyOnce } = checkExactlyOnce(setup, smtp.arrivals, expectedService);
      const digestRows = rowsBetween(before.reading, after.reading, 1, 8);

      return {
        clinics: setup.liveClinics,
        generatorSeconds: opened.generatorSeconds,
        copySeconds: opened.copySeconds,
        idleFiveSeconds: { rowsRead: idle.rowsRead, rowsWritten: idle.rowsWritten },
        metrics: { ...metrics.latency, rows: metrics.rows, quiet: metrics.quiet },
        clinicsTable: { ...clinicsTable.latency, rows: clinicsTable.rows, quiet: clinicsTable.quiet },
        history1yCold: { clinic: HISTORY_CLINIC, ...history.latency, rows: history.rows, quiet: history.quiet },
        digest: {
          week: setup.week,
          scheduledTime: new Date(setup.scheduledTime).toISOString(),
          cronReturnedSeconds: round2(cronSeconds),
          cronStatus: cron.status,
          lastMessageSeconds: round2((lastAt - t0) / 1000),
          expected: { ownerDigests: setup.ownerMessages, serviceDigests: expectedService, total: expectedTotal },
          received: { total: received, ownerDigests: ownerArrivals, serviceDigests: serviceArrivals, stalled: arrived.timedOut },
          exactlyOnce,
          jobs,
          rows: {
            ...digestRows,
            rowsReadPerClinic: round1(digestRows.rowsRead / Math.max(1, setup.liveClinics)),
            rowsWrittenPerClinic: round1(digestRows.rowsWritten / Math.max(1, setup.liveClinics)),
            quiet: after.quiet,
            note: 'from the cron request until sqld is quiet again: the hourly cron\'s whole work at that hour (digests, and any forecast jobs it enqueues; see jobs)',
          },
        },
        workerLogLines: workerLines(),
      };
    } finally {
      await stack.stop();
    }
  } finally {
    await smtp.close();
    await sqld.process.stop();
  }
}

type SizeFigures = Awaited<ReturnType<typeof measureSize>>;

/** Each figure at one size over the size before: ≈ the clinic ratio is linear, its square quadratic. */
function ratiosOf(sizes: readonly SizeFigures[]) {
  const figures = (size: SizeFigures) => ({
    metricsP50: size.metrics.p50Ms,
    metricsRows: size.metrics.rows.rowsRead,
    clinicsP50: size.clinicsTable.p50Ms,
    clinicsRows: size.clinicsTable.rows.rowsRead,
    historyP50: size.history1yCold.p50Ms,
    historyRows: size.history1yCold.rows.rowsRead,
    digestSeconds: size.digest.lastMessageSeconds,
    digestRows: size.digest.rows.rowsRead,
  });
  return sizes.slice(1).map((size, index) => {
    const previous = sizes[index] as SizeFigures;
    const [now, then] = [figures(size), figures(previous)];
    const ratio = (key: keyof typeof now) => (then[key] > 0 ? round1(now[key] / then[key]) : null);
    return {
      from: previous.clinics,
      to: size.clinics,
      clinics: round1(size.clinics / previous.clinics),
      ...Object.fromEntries(Object.keys(now).map((key) => [key, ratio(key as keyof typeof now)])),
    };
  });
}

/** The table a reader scans: per size, time and rows read per request or per digest. */
function tableOf(sizes: readonly SizeFigures[]): string[] {
  const pad = (text: string | number, width: number) => String(text).padStart(width);
  const lines = [
    `${pad('clinics', 8)} | ${pad('metrics p50/p99 ms', 19)} ${pad('rows', 8)} | ${pad('clinics p50/p99 ms', 19)} ${pad('rows', 8)} | ${pad('year p50/p99 ms', 16)} ${pad('rows', 6)} | ${pad('digest s', 9)} ${pad('e-mails', 8)} ${pad('once', 5)} ${pad('rows', 10)} ${pad('rows/clinic', 11)}`,
  ];
  for (const size of sizes) {
    const { metrics, clinicsTable, history1yCold: year, digest } = size;
    lines.push(
      `${pad(size.clinics, 8)} | ${pad(`${metrics.p50Ms}/${metrics.p99Ms}`, 19)} ${pad(metrics.rows.rowsRead, 8)} | ${pad(`${clinicsTable.p50Ms}/${clinicsTable.p99Ms}`, 19)} ${pad(clinicsTable.rows.rowsRead, 8)} | ${pad(`${year.p50Ms}/${year.p99Ms}`, 16)} ${pad(year.rows.rowsRead, 6)} | ${pad(digest.lastMessageSeconds, 9)} ${pad(digest.received.total, 8)} ${pad(digest.exactlyOnce.ok ? 'yes' : 'NO', 5)} ${pad(digest.rows.rowsRead, 10)} ${pad(digest.rows.rowsReadPerClinic, 11)}`,
    );
  }
  return lines;
}

export async function benchCost(scratch: string, clinicSizes: readonly number[], days: number, log: (line: string) => void) {
  const sizes: SizeFigures[] = [];
  for (const clinics of clinicSizes) sizes.push(await measureSize(scratch, clinics, days, log));
  const table = tableOf(sizes);
  const ratios = ratiosOf(sizes);
  for (const line of table) log(`cost: ${line}`);
  for (const ratio of ratios) log(`cost: ×${ratio.clinics} clinics (${ratio.from} → ${ratio.to}): ${JSON.stringify(ratio)}`);
  return { days, table, ratios, sizes };
}
