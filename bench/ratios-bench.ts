/**
 * Figures as ratios to the runtime's own floor, measured in one run on one stack: the empty route
 * (`/api/v1/health/live`, which asks nothing of libSQL or any Durable Object) is the baseline, and
 * each authenticated read is measured in the same rounds, interleaved with it, so drift of the
 * machine (the load generator, wrangler's Node proxy, workerd and sqld share its cores) falls on
 * both alike. A ratio near 1 means the route costs little more than the Worker answering at all.
 */
import { measureLatency, type LatencyFigures } from './latency.ts';
import type { LoadStack } from './queue-bench.ts';

export interface RatioFigures {
  baseline: { sequential: LatencyFigures; concurrent: LatencyFigures };
  reads: Record<string, { sequential: LatencyFigures; concurrent: LatencyFigures; p50Ratio: number; p99Ratio: number; concurrentP50Ratio: number }>;
}

const ROUNDS = 5;
const SEQUENTIAL_PER_ROUND = 200;
const CONCURRENT_PER_ROUND = 400;
const CONCURRENCY = 16;

/** Latencies of several rounds put together as if they were one run. */
function merged(rounds: LatencyFigures[][]): LatencyFigures[] {
  return rounds.length === 0 ? [] : (rounds[0] ?? []).map((_, at) => mean(rounds.map((round) => round[at]).filter((figure) => figure !== undefined)));
}

function mean(figures: LatencyFigures[]): LatencyFigures {
  const average = (pick: (figure: LatencyFigures) => number) => Math.round((figures.reduce((sum, figure) => sum + pick(figure), 0) / figures.length) * 100) / 100;
  return {
    requests: figures.reduce((sum, figure) => sum + figure.requests, 0),
    concurrency: figures[0]?.concurrency ?? 1,
    p50Ms: average((figure) => figure.p50Ms),
    p95Ms: average((figure) => figure.p95Ms),
    p99Ms: average((figure) => figure.p99Ms),
    maxMs: Math.max(...figures.map((figure) => figure.maxMs)),
    requestsPerSecond: Math.round(average((figure) => figure.requestsPerSecond)),
    failures: figures.reduce((sum, figure) => sum + figure.failures, 0),
  };
}

/** `value` ÷ `baseline`, to 0.01. */
export const ratio = (value: number, baseline: number) => (baseline > 0 ? Math.round((value / baseline) * 100) / 100 : 0);

/** The empty route's latency at each concurrency (`c1`, `c16`…), measured as every phase is. */
export type Baseline = Record<`c${number}`, LatencyFigures>;

/**
 * The runtime's own floor on this stack, before a part measures anything else: `/api/v1/health/live`
 * (no libSQL, no Durable Object), warmed, then `count` requests at each concurrency.
 */
export async function measureBaseline(url: string, concurrencies: number[], count = 1000): Promise<Baseline> {
  const send = () => fetch(`${url}/api/v1/health/live`);
  await measureLatency(send, { count: 100, concurrency: 4 });
  const baseline: Baseline = {};
  for (const concurrency of concurrencies) baseline[`c${concurrency}`] = await measureLatency(send, { count, concurrency });
  return baseline;
}

/** The empty route and the signed-in reads (`stats/today`, `queue`, `me`), round after round. */
export async function benchReadRatios(load: LoadStack, say: (line: string) => void): Promise<RatioFigures> {
  const clinic = load.clinics[0];
  if (clinic === undefined) throw new Error('no clinic');
  const signedIn = { headers: { Cookie: load.cookie } };
  const routes: Record<string, () => Promise<Response>> = {
    baseline: () => fetch(`${load.stack.url}/api/v1/health/live`),
    'stats/today': () => fetch(`${load.stack.url}/api/v1/clinics/${clinic.id}/stats/today`, signedIn),
    queue: () => fetch(`${load.stack.url}/api/v1/clinics/${clinic.id}/queue`, signedIn),
    me: () => fetch(`${load.stack.url}/api/v1/me`, signedIn),
  };
  const names = Object.keys(routes);
  // Warm every path (isolates, the session's directory, the clinic's queue) before measuring.
  for (const name of names) await measureLatency(routes[name] ?? routes.baseline!, { count: 100, concurrency: 4 });
  const rounds: Record<string, LatencyFigures[][]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    say(`ratios: round ${round + 1} of ${ROUNDS}…`);
    for (const name of names) {
      const send = routes[name];
      if (send === undefined) continue;
      rounds[name]?.push([
        await measureLatency(send, { count: SEQUENTIAL_PER_ROUND, concurrency: 1 }),
        await measureLatency(send, { count: CONCURRENT_PER_ROUND, concurrency: CONCURRENCY }),
      ]);
    }
  }
  const figures = Object.fromEntries(names.map((name) => [name, merged(rounds[name] ?? [])]));
  const [sequential, concurrent] = figures.baseline ?? [];
  if (sequential === undefined || concurrent === undefined) throw new Error('no baseline');
  const reads: RatioFigures['reads'] = {};
  for (const name of names.filter((candidate) => candidate !== 'baseline')) {
    const [readSequential, readConcurrent] = figures[name] ?? [];
    if (readSequential === undefined || readConcurrent === undefined) continue;
    reads[name] = {
      sequential: readSequential,
      concurrent: readConcurrent,
      p50Ratio: ratio(readSequential.p50Ms, sequential.p50Ms),
      p99Ratio: ratio(readSequential.p99Ms, sequential.p99Ms),
      concurrentP50Ratio: ratio(readConcurrent.p50Ms, concurrent.p50Ms),
    };
  }
  return { baseline: { sequential, concurrent }, reads };
}
