/**
 * Increments as plain data: what one isolate gathers between two flushes, and the totals the
 * Metrics object keeps. Both are the same shape, so a batch crosses RPC as is and adding it to
 * the totals is the same merge as adding one increment to a batch.
 */
import { addErrorRecords, type ErrorRecord } from './error-records.ts';

export type Labels = Readonly<Record<string, string>>;

export interface CounterSeries {
  name: string;
  labels: Labels;
  value: number;
}

/** Observations per bucket (not cumulative; the last one is +Inf), their sum and count. */
export interface HistogramSeries {
  name: string;
  labels: Labels;
  buckets: number[];
  sum: number;
  count: number;
}

/** What a clinic's queue last said about its write-behind and its phones. */
export interface QueueReport {
  outboxRows: number;
  /** When the oldest row still in the outbox was enqueued; null when it is empty. */
  oldestEnqueuedAt: number | null;
  sockets: number;
  reportedAt: number;
}

export interface SeriesTotals {
  /** By series key (`name{label="value",…}`). */
  counters: Record<string, CounterSeries>;
  histograms: Record<string, HistogramSeries>;
}

export interface MetricsBatch extends SeriesTotals {
  /**
   * The latest report of each clinic queue, by clinic id. Clinic ids stop at the Metrics object:
   * they are summed and maxed there, never used as labels.
   */
  queues: Record<string, QueueReport>;
  /** The 5xx answers since the last flush (error-records.ts); absent from a batch that has none. */
  errors?: ErrorRecord[];
}

export function emptyBatch(): MetricsBatch {
  return { counters: {}, histograms: {}, queues: {}, errors: [] };
}

export function isEmptyBatch(batch: MetricsBatch): boolean {
  return Object.keys(batch.counters).length === 0 && Object.keys(batch.histograms).length === 0 && Object.keys(batch.queues).length === 0 && (batch.errors?.length ?? 0) === 0;
}

/** A label value as the text format writes it between quotes. */
export function escapeLabelValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

/** `{a="x",b="y"}` with names sorted, or '' without labels: the same labels always give the same text. */
export function labelText(labels: Labels, extra = ''): string {
  const parts = Object.keys(labels)
    .sort()
    .map((name) => `${name}="${escapeLabelValue(labels[name] ?? '')}"`);
  if (extra !== '') parts.push(extra);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

export function seriesKey(name: string, labels: Labels): string {
  return `${name}${labelText(labels)}`;
}

export function addCount(batch: SeriesTotals, name: string, labels: Labels, by = 1): void {
  const key = seriesKey(name, labels);
  const series = batch.counters[key];
  if (series === undefined) batch.counters[key] = { name, labels, value: by };
  else series.value += by;
}

/** The bucket `value` falls in: the first bound it does not exceed, else +Inf (the last). */
export function bucketIndex(bounds: readonly number[], value: number): number {
  const index = bounds.findIndex((bound) => value <= bound);
  return index === -1 ? bounds.length : index;
}

export function addObservation(batch: SeriesTotals, name: string, labels: Labels, bounds: readonly number[], value: number): void {
  const key = seriesKey(name, labels);
  const series = (batch.histograms[key] ??= { name, labels, buckets: new Array<number>(bounds.length + 1).fill(0), sum: 0, count: 0 });
  const index = bucketIndex(bounds, value);
  series.buckets[index] = (series.buckets[index] ?? 0) + 1;
  series.sum += value;
  series.count += 1;
}

/**
 * Adds `from` to `into`, keyed by each series' own name and labels. A series new to `into` is
 * accepted only while `admit` says so (known metric, its labels, the bound on series); what is
 * refused is counted and returned so the refusal shows too. Returns the keys that changed.
 */
export function mergeTotals(
  into: SeriesTotals,
  from: SeriesTotals,
  admit: (name: string, labels: Labels) => boolean = () => true,
): { changed: string[]; refused: number } {
  const changed: string[] = [];
  let refused = 0;
  for (const series of Object.values(from.counters)) {
    const key = seriesKey(series.name, series.labels);
    const existing = into.counters[key];
    if (existing !== undefined) existing.value += series.value;
    else if (admit(series.name, series.labels)) into.counters[key] = { ...series };
    else {
      refused += series.value;
      continue;
    }
    changed.push(key);
  }
  for (const series of Object.values(from.histograms)) {
    const key = seriesKey(series.name, series.labels);
    const existing = into.histograms[key];
    if (existing !== undefined && existing.buckets.length === series.buckets.length) {
      series.buckets.forEach((count, index) => (existing.buckets[index] = (existing.buckets[index] ?? 0) + count));
      existing.sum += series.sum;
      existing.count += series.count;
    } else if (existing === undefined && admit(series.name, series.labels)) into.histograms[key] = { ...series, buckets: [...series.buckets] };
    else {
      refused += series.count;
      continue;
    }
    changed.push(key);
  }
  return { changed, refused };
}

/** Adds a whole batch to another one: totals add up, the newer report of a queue wins, errors join. */
export function mergeBatch(into: MetricsBatch, from: MetricsBatch): void {
  mergeTotals(into, from);
  if (from.errors !== undefined && from.errors.length > 0) addErrorRecords((into.errors ??= []), from.errors);
  for (const [clinicId, report] of Object.entries(from.queues)) {
    const known = into.queues[clinicId];
    if (known === undefined || known.reportedAt <= report.reportedAt) into.queues[clinicId] = report;
  }
}
