/**
 * Recording a metric costs a request nothing it waits for: increments go into this isolate's
 * pending batch (plain memory), and the first increment after a flush schedules the next flush
 * through `waitUntil`, after the answer has left. One RPC per isolate per second carries
 * everything gathered meanwhile to the Metrics object, where every isolate's increments add up.
 */
import { createLogger } from '../runtime/logger.ts';
import { addCount, addObservation, emptyBatch, isEmptyBatch, mergeBatch, type MetricsBatch, type QueueReport } from './batch.ts';
import { RECORDED, type CounterName, type HistogramName, type LabelsOf } from './catalog.ts';
import { addErrorRecords, type ErrorRecord } from './error-records.ts';
import { metricsObjectOf } from './stub.ts';

/**
 * How long an isolate gathers increments before sending them: the freshness of /metrics against
 * the number of RPCs to the single Metrics object (one per busy isolate per interval).
 */
export const FLUSH_INTERVAL_MS = 1_000;

/** Typed increments: a metric's labels are exactly those its catalog entry names. */
export interface MetricsRecorder {
  count<Name extends CounterName>(name: Name, labels: LabelsOf<Name>, by?: number): void;
  observe<Name extends HistogramName>(name: Name, labels: LabelsOf<Name>, value: number): void;
  /** A clinic queue's outbox and phones now; the latest report per clinic wins. */
  reportQueue(clinicId: string, report: QueueReport): void;
}

/** Where increments may be sent from after the answer: a request's or a Durable Object's. */
export interface MetricsContext {
  env: Env;
  waitUntil(promise: Promise<unknown>): void;
}

/** This isolate's increments since the last flush. Per isolate by nature: that is why they are sent on. */
let pending = emptyBatch();
let flushScheduled = false;

/**
 * Increments added to `batch` and nothing else: whoever owns the batch sends it (a job batch or a
 * cron run, which await their own flush because nothing keeps them alive after they return).
 */
export function batchRecorder(batch: MetricsBatch): MetricsRecorder {
  return {
    count: (name, labels, by = 1) => addCount(batch, name, labels, by),
    observe: (name, labels, value) => addObservation(batch, name, labels, RECORDED[name].buckets, value),
    reportQueue: (clinicId, report) => {
      const known = batch.queues[clinicId];
      if (known === undefined || known.reportedAt <= report.reportedAt) batch.queues[clinicId] = report;
    },
  };
}

/** Records increments now (memory only) and makes sure a flush follows within FLUSH_INTERVAL_MS. */
export function recordMetrics(context: MetricsContext, record: (metrics: MetricsRecorder) => void): void {
  record(batchRecorder(pending));
  if (flushScheduled) return;
  flushScheduled = true;
  context.waitUntil(
    new Promise((resolve) => setTimeout(resolve, FLUSH_INTERVAL_MS)).then(() => {
      flushScheduled = false;
      return flushMetrics(context.env);
    }),
  );
}

/** Keeps a 5xx answer for the back office's recent errors, sent with this isolate's next flush. */
export function recordErrorAnswer(context: MetricsContext, record: ErrorRecord): void {
  recordMetrics(context, () => addErrorRecords((pending.errors ??= []), [record]));
}

/** A recorder over this isolate's pending batch, flushed through `context` (a request's or a Durable Object's). */
export function isolateRecorder(context: MetricsContext): MetricsRecorder {
  return {
    count: (name, labels, by) => recordMetrics(context, (metrics) => metrics.count(name, labels, by)),
    observe: (name, labels, value) => recordMetrics(context, (metrics) => metrics.observe(name, labels, value)),
    reportQueue: (clinicId, report) => recordMetrics(context, (metrics) => metrics.reportQueue(clinicId, report)),
  };
}

/**
 * Sends this isolate's pending increments to the Metrics object. When it cannot be reached they
 * stay pending for the next flush: a counter that silently lost increments would lie.
 */
export async function flushMetrics(env: Env): Promise<void> {
  if (isEmptyBatch(pending)) return;
  const batch = pending;
  pending = emptyBatch();
  try {
    await metricsObjectOf(env).add(batch);
  } catch (error) {
    mergeBatch(pending, batch);
    createLogger().warn('metrics flush failed; kept for the next one', { error: String(error) });
  }
}
