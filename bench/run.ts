/**
 * `npm run bench [-- --only seed,health,queue --seconds 60 --clinics 13 --days 120]`: prints the
 * figures and writes them to bench/results/<part>.json with the machine they came from.
 *  - ratios: the baseline first (the empty route `/api/v1/health/live`, at concurrency 1 and 16),
 *    then the signed-in reads (`stats/today`, `queue`, `me`) in the same interleaved rounds, each
 *    also as a ratio to the baseline;
 *  - seed: demo data (clinics × days) into a real sqld;
 *  - health: `GET /api/v1/health` through wrangler dev (workerd → sqld round trip);
 *  - queue: ingestion from 50 clinics (batched and single), accepted-event → WebSocket delay at
 *    10 phones per clinic, `stats/today` latency;
 *  - pwa: Lighthouse on the doctor's "Aujourd'hui" screen and the first load's JavaScript;
 *  - history: `analytics` and `charts` over a year on 100 clinics × 365 days (`--history-clinics`,
 *    `--history-days`), cache cold and warm, against the same figures by plain SQL on raw rows;
 *  - admin: `admin/metrics` and `admin/clinics` on 1,000 clinics × 35 days (`--admin-clinics`,
 *    `--admin-days`), against the same figures by plain SQL on raw rows;
 *  - digest: the Monday digest of 1,000 clinics (`--digest-clinics`, `--digest-days`) from the cron
 *    trigger through the queue to an SMTP server in this process, until the last message arrives;
 *  - cost: how cost grows: `admin/metrics`, `admin/clinics`, a clinic's year of history and the
 *    Monday digest at 100, 1,000 and 10,000 clinics (`--cost-clinics`, `--cost-days`), time and
 *    database rows read per request or per digest, with the ratios from one size to the next;
 *  - estimates: Pulse's wait quotes against PRODUCT's naive rule over a year of generated days of
 *    the 13 demo clinic profiles (`--estimates-clinics`, `--estimates-days`, `--estimates-seed`),
 *    in this process: no stack, no database;
 *  - foresight: the day forecast against the seasonal naive one and the walk-out risk against the
 *    base rate, on a year of the same generated clinics (`--foresight-clinics`, `--foresight-days`,
 *    `--foresight-seed`), in this process: no stack, no database.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase } from '../db/client.ts';
import { applyMigrations } from '../db/migrate.ts';
import { ensureDemoData } from '../db/seed/ensure-demo-data.ts';
import { startSqld } from '../scripts/lib/sqld.ts';
import { startStack } from '../scripts/lib/stack.ts';
import { DEMO_LOGINS } from '../db/seed/demo-users.ts';
import { measureLatency, type LatencyFigures } from './latency.ts';
import { sessionCookie } from './sign-in.ts';
import { describeMachine } from './machine.ts';
import { benchLighthouse, initialJavaScript } from './lighthouse.ts';
import { benchAdmin } from './admin-bench.ts';
import { benchHistory } from './history-bench.ts';
import { benchDigest } from './digest-bench.ts';
import { benchCost } from './cost-bench.ts';
import { benchEstimates } from './estimates-bench.ts';
import { benchForesight } from './foresight-bench.ts';
import { benchIngest, benchLive, benchToday, RUNNERS, startLoadStack, type Runner } from './queue-bench.ts';
import { benchReadRatios, measureBaseline, ratio } from './ratios-bench.ts';
import { hashPassword } from '../worker/auth/password.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'ratios,seed,health,queue,pwa,history,admin,digest,estimates,foresight,cost' },
    'cost-clinics': { type: 'string', default: '100,1000,10000' },
    'cost-days': { type: 'string', default: '21' },
    'admin-clinics': { type: 'string', default: '1000' },
    'admin-days': { type: 'string', default: '35' },
    'digest-clinics': { type: 'string', default: '1000' },
    'digest-days': { type: 'string', default: '21' },
    'estimates-clinics': { type: 'string', default: '13' },
    'estimates-days': { type: 'string', default: '365' },
    // Not the seed the estimator was tuned on (7): the figures are on days nobody tuned on.
    'estimates-seed': { type: 'string', default: '16' },
    'foresight-clinics': { type: 'string', default: '13' },
    'foresight-days': { type: 'string', default: '365' },
    // Not the seed the forecast and the walk-out model were tuned on (7).
    'foresight-seed': { type: 'string', default: '16' },
    'history-clinics': { type: 'string', default: '100' },
    'history-days': { type: 'string', default: '365' },
    clinics: { type: 'string', default: '13' },
    days: { type: 'string', default: '120' },
    seconds: { type: 'string', default: '60' },
    // How the Worker runs for the HTTP phases: under wrangler dev, straight in workerd, or both.
    runners: { type: 'string', default: RUNNERS.join(',') },
  },
});
const parts = new Set(values.only.split(','));
const runners = values.runners.split(',').map((name) => {
  const runner = RUNNERS.find((known) => known === name);
  if (runner === undefined) throw new Error(`--runners: ${name} is none of ${RUNNERS.join(', ')}`);
  return runner;
});
/** The estimates and foresight benches end on a fixed day, so their year does not move with the calendar. */
const ESTIMATES_LAST_DAY = '2026-11-23';
const say = (line: string) => process.stdout.write(`${line}\n`);
const scratch = await mkdtemp(join(tmpdir(), 'pulse-bench-'));

async function record(name: string, figures: object): Promise<void> {
  const results = { date: new Date().toISOString(), machine: describeMachine(), ...figures };
  say(`${name}: ${JSON.stringify(figures, null, 2)}`);
  const dir = new URL('./results/', import.meta.url);
  await mkdir(dir, { recursive: true });
  await writeFile(new URL(`${name}.json`, dir), `${JSON.stringify(results, null, 2)}\n`);
}

async function benchSeed(clinics: number, days: number) {
  const sqld = await startSqld(join(scratch, 'seed-sqld'));
  try {
    const db = createDatabase(sqld);
    await applyMigrations(db);
    const started = performance.now();
    await ensureDemoData(db, { hashPassword, clinics, days });
    return { clinics, days, seconds: Math.round((performance.now() - started) / 100) / 10 };
  } finally {
    await sqld.process.stop();
  }
}

async function benchHealth() {
  const started = performance.now();
  const stack = await startStack({ dataDir: join(scratch, 'stack'), seed: false });
  const readySeconds = Math.round((performance.now() - started) / 100) / 10;
  try {
    const baseline = await measureBaseline(stack.url, [1, 16]);
    const send = () => fetch(`${stack.url}/api/v1/health`);
    await measureLatency(send, { count: 50, concurrency: 4 });
    const sequential = await measureLatency(send, { count: 500, concurrency: 1 });
    const concurrent = await measureLatency(send, { count: 1000, concurrency: 16 });
    const [one, sixteen] = [baseline.c1, baseline.c16];
    if (one === undefined || sixteen === undefined) throw new Error('no baseline');
    const ratios = { sequentialP50: ratio(sequential.p50Ms, one.p50Ms), concurrentRequestsPerSecond: ratio(concurrent.requestsPerSecond, sixteen.requestsPerSecond) };
    return { readySeconds, baseline, sequential, concurrent, ratios };
  } finally {
    await stack.stop();
  }
}

/**
 * A part's figures as ratios to the same stack's baseline, merged into bench/results/ratios.json
 * beside the other parts' (a run of one part keeps the others' last figures).
 */
async function recordRatios(part: string, ratios: object): Promise<void> {
  const file = new URL('./results/ratios.json', import.meta.url);
  let earlier: Record<string, unknown> = {};
  try {
    earlier = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // No earlier run, or one of another shape: this part's figures start the file.
  }
  // The date and machine are this run's, written by `record`.
  const { date: _date, machine: _machine, ...parts } = earlier;
  await record('ratios', { ...parts, [part]: ratios });
}

/**
 * The live queue's phases on one runner, each recorded as soon as it ends (a long run that is cut
 * short keeps what it measured): the baseline, `stats/today`, live updates on fresh clinics, the two
 * long ingestion phases, live updates again right after them, `stats/today` again.
 */
async function benchQueue(seconds: number, runner: Runner, figuresSoFar: Record<string, unknown>) {
  const load = await startLoadStack(join(scratch, `queue-${runner}`), 50, runner);
  const figures: Record<string, unknown> = { runner, clinics: 50 };
  figuresSoFar[runner] = figures;
  const progress = () => record('queue', figuresSoFar);
  const baselines: Record<string, LatencyFigures> = {};
  figures.baselines = baselines;
  // Each figure is compared with the baseline measured just before it: the machine drifts over a long part.
  const floor = async (name: string, concurrency: number) => {
    say(`queue (${runner}): the baseline at ${concurrency} in flight, before ${name}…`);
    const measured = (await measureBaseline(load.stack.url, [concurrency]))[`c${concurrency}`];
    if (measured === undefined) throw new Error('no baseline');
    baselines[name] = measured;
    return measured;
  };
  try {
    const beforeToday = await floor('today', 1);
    say(`queue (${runner}): stats/today on a fresh clinic…`);
    const today = await benchToday(load, 1000);
    figures.today = today;
    const beforeLive = await floor('liveBeforeLoad', 1);
    say(`queue (${runner}): live updates at 10 phones per clinic, before the load…`);
    const liveBefore = await benchLive(load, 50, 10, 10);
    figures.liveBeforeLoad = liveBefore;
    await progress();
    const beforeIngest = await floor('ingestion', 50);
    say(`queue (${runner}): ${seconds} s batched (50 events per request) from 50 clinics…`);
    const batched = await benchIngest(load, 50, seconds);
    figures.batched = batched;
    await progress();
    say(`queue (${runner}): ${seconds} s single (1 event per request) from 50 clinics…`);
    const single = await benchIngest(load, 1, seconds);
    figures.single = single;
    await progress();
    const afterLoad = await floor('afterLoad', 1);
    say(`queue (${runner}): live updates right after the load…`);
    const liveAfter = await benchLive(load, 50, 10, 10);
    figures.liveAfterLoad = liveAfter;
    say(`queue (${runner}): stats/today after the load…`);
    const todayAfter = await benchToday(load, 1000);
    figures.todayAfterLoad = todayAfter;
    // Issue 20's targets, each against this stack's own floor measured just before.
    figures.ratios = {
      todayP50: ratio(today.p50Ms, beforeToday.p50Ms),
      todayAfterLoadP50: ratio(todayAfter.p50Ms, afterLoad.p50Ms),
      singleRequestsPerSecondOverBaselineAt50: ratio(single.eventsPerSecond, beforeIngest.requestsPerSecond),
      batchedEventsPerSecondOverBaselineRequestsAt50: ratio(batched.eventsPerSecond, beforeIngest.requestsPerSecond),
      liveBeforeLoadP99: ratio(liveBefore.p99Ms, beforeLive.p99Ms),
      liveAfterLoadP99: ratio(liveAfter.p99Ms, afterLoad.p99Ms),
      liveAfterOverBeforeP99: ratio(liveAfter.p99Ms, liveBefore.p99Ms),
    };
    await progress();
    return figures.ratios;
  } finally {
    await load.stop();
  }
}

/** A part's ratios on each runner it ran on (the first, then `otherRunners`). */
function ratiosPerRunner(figures: { runner: string; ratios: object; otherRunners: Record<string, unknown> }): Record<string, unknown> {
  const others = Object.entries(figures.otherRunners).map(([runner, other]) => [runner, (other as { ratios: unknown }).ratios]);
  return { [figures.runner]: figures.ratios, ...Object.fromEntries(others) };
}

/** The signed-in reads against the empty route, on one runner. */
async function benchRatios(runner: Runner) {
  const load = await startLoadStack(join(scratch, `ratios-${runner}`), 5, runner);
  try {
    return await benchReadRatios(load, (line) => say(`${line} (${runner})`));
  } finally {
    await load.stop();
  }
}

async function benchPwa() {
  const stack = await startStack({ dataDir: join(scratch, 'pwa'), seed: true });
  try {
    const cookie = await sessionCookie(stack.url, DEMO_LOGINS.doctor);
    return { initialJavaScript: await initialJavaScript(), lighthouse: await benchLighthouse(`${stack.url}/today`, cookie) };
  } finally {
    await stack.stop();
  }
}

try {
  if (parts.has('ratios')) {
    const reads: Record<string, unknown> = {};
    for (const runner of runners) reads[runner] = await benchRatios(runner);
    await recordRatios('reads', reads);
  }
  if (parts.has('pwa')) await record('pwa', await benchPwa());
  if (parts.has('seed')) await record(`seed-${values.clinics}x${values.days}`, await benchSeed(Number(values.clinics), Number(values.days)));
  if (parts.has('health')) {
    const figures = await benchHealth();
    await record('health', figures);
    await recordRatios('health', { 'wrangler-dev': figures.ratios });
  }
  if (parts.has('queue')) {
    const figures: Record<string, unknown> = {};
    const ratios: Record<string, unknown> = {};
    for (const runner of runners) ratios[runner] = await benchQueue(Number(values.seconds), runner, figures);
    await recordRatios('queue', ratios);
  }
  if (parts.has('history')) {
    const figures = await benchHistory(scratch, Number(values['history-clinics']), Number(values['history-days']), say, runners);
    await record('history', figures);
    await recordRatios('history', ratiosPerRunner(figures));
  }
  if (parts.has('admin')) {
    const figures = await benchAdmin(scratch, Number(values['admin-clinics']), Number(values['admin-days']), say, runners);
    await record('admin', figures);
    await recordRatios('admin', ratiosPerRunner(figures));
  }
  if (parts.has('digest')) await record('digest', await benchDigest(scratch, Number(values['digest-clinics']), Number(values['digest-days']), say));
  if (parts.has('cost')) await record('cost', await benchCost(scratch, values['cost-clinics'].split(',').map(Number), Number(values['cost-days']), say));
  if (parts.has('estimates')) {
    const options = { seed: Number(values['estimates-seed']), clinics: Number(values['estimates-clinics']), days: Number(values['estimates-days']), lastDay: ESTIMATES_LAST_DAY };
    await record('estimates', benchEstimates(options, say));
  }
  if (parts.has('foresight')) {
    const options = { seed: Number(values['foresight-seed']), clinics: Number(values['foresight-clinics']), days: Number(values['foresight-days']), lastDay: ESTIMATES_LAST_DAY };
    await record('foresight', benchForesight(options, say));
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
