/** Latency percentiles of `count` requests sent `concurrency` at a time. */
export interface LatencyFigures {
  requests: number;
  concurrency: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  requestsPerSecond: number;
  failures: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 100) / 100;
}

/** Percentiles of already sorted durations, in ms to two decimals. */
export function percentiles(sorted: readonly number[]): { p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number } {
  return { p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), p99Ms: percentile(sorted, 99), maxMs: percentile(sorted, 100) };
}

export async function measureLatency(
  send: () => Promise<Response>,
  { count, concurrency }: { count: number; concurrency: number },
): Promise<LatencyFigures> {
  const durations: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      next += 1;
      const t0 = performance.now();
      const response = await send();
      await response.arrayBuffer();
      durations.push(performance.now() - t0);
      if (!response.ok) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const elapsedS = (performance.now() - started) / 1000;
  durations.sort((a, b) => a - b);
  return {
    requests: count,
    concurrency,
    ...percentiles(durations),
    requestsPerSecond: Math.round(count / elapsedS),
    failures,
  };
}
