import { DurableObject } from 'cloudflare:workers';
import { durableObjectRuntime } from '../runtime/durable-object-runtime.ts';
import type { MailLoginOutcome } from '../mail/login-watch.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { addCount, mergeTotals, type CounterSeries, type HistogramSeries, type Labels, type MetricsBatch, type QueueReport, type SeriesTotals } from './batch.ts';
import { definitionOf } from './catalog.ts';
import { ERRORS_KEPT_MS, MAX_KEPT_ERRORS, type ErrorRecord } from './error-records.ts';
import { summarizeQueues } from './queue-summary.ts';
import type { CronResult, MetricsSnapshot, MetricsStatus } from './status.ts';

/**
 * A bound per metric on distinct label sets. Labels come from closed lists and route patterns, so
 * real series stay in the hundreds; the bound protects the object's memory (and every scrape) from
 * a labelling bug that would otherwise grow without end.
 */
const MAX_SERIES_PER_METRIC = 2_000;
/**
 * Totals live in memory and reach storage at most this long after they changed: storage writes
 * are billed per row, and one row per changed series every few seconds costs little, where one
 * write per flushed batch would cost a row per series per isolate per second. A crash loses at
 * most this much; Prometheus reads a counter that went back as a reset, which `rate` absorbs.
 */
const SNAPSHOT_AFTER_MS = 5_000;

/**
 * The service's metrics, global across isolates: every isolate sends its increments here in
 * batches (see recorder.ts), every clinic queue its outbox and phones, every cron run its result.
 * One object for the whole service is enough: it receives about one small RPC per busy isolate per
 * second and answers one scrape every few seconds. SQLite storage keeps the totals across restarts
 * (counters must not fall back to zero with each deployment) and the cron runs health relies on.
 */
export class Metrics extends DurableObject<Env> {
  /** For its clock: this object records nothing through the runtime, since that would be sending increments to itself. */
  readonly #runtime: Runtime;
  #totals: SeriesTotals = { counters: {}, histograms: {} };
  #seriesPerMetric = new Map<string, number>();
  #dirty = new Set<string>();
  #queues = new Map<string, QueueReport>();
  #trackingSince = 0;
  #snapshotDue = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#runtime = durableObjectRuntime(ctx, env, 'Metrics');
    void ctx.blockConcurrencyWhile(async () => this.#load());
  }

  /** Adds one isolate's batch to the totals; queue reports replace older ones of the same clinic. */
  async add(batch: MetricsBatch): Promise<void> {
    this.#merge(batch);
    const sql = this.ctx.storage.sql;
    for (const [clinicId, report] of Object.entries(batch.queues)) {
      const known = this.#queues.get(clinicId);
      if (known !== undefined && known.reportedAt > report.reportedAt) continue;
      this.#queues.set(clinicId, report);
      // Written at once: a lost "outbox empty again" would leave a false lag behind until the next report.
      sql.exec(
        'insert or replace into queues (clinic_id, outbox_rows, oldest_enqueued_at, sockets, reported_at) values (?, ?, ?, ?, ?)',
        clinicId, report.outboxRows, report.oldestEnqueuedAt, report.sockets, report.reportedAt,
      );
    }
    if (batch.errors !== undefined && batch.errors.length > 0) this.#keepErrors(batch.errors);
    await this.#scheduleSnapshot();
  }

  /**
   * An erased clinic's queue (PRODUCT: erasure): its last report leaves the figures and this
   * object's storage, so its id is kept nowhere here.
   */
  async forgetQueue(clinicId: string): Promise<void> {
    this.#queues.delete(clinicId);
    this.ctx.storage.sql.exec('delete from queues where clinic_id = ?', clinicId);
  }

  /** The 5xx answers since `since` (epoch ms), the newest first, at most `limit`. */
  async recentErrors(since: number, limit: number): Promise<ErrorRecord[]> {
    return this.ctx.storage.sql
      .exec<{ at: number; request_id: string; route: string; method: string; status: number; code: string | null; message: string | null }>(
        'select * from errors where at >= ? order by at desc, id desc limit ?',
        since,
        limit,
      )
      .toArray()
      .map((row) => ({ at: row.at, requestId: row.request_id, route: row.route, method: row.method, status: row.status, code: row.code, message: row.message }));
  }

  /**
   * Written at once (an error is rare, and its record is what someone looks for next), then the
   * records older than the window or beyond the cap are dropped, oldest first.
   */
  #keepErrors(records: readonly ErrorRecord[]): void {
    const sql = this.ctx.storage.sql;
    for (const record of records) {
      sql.exec(
        'insert into errors (at, request_id, route, method, status, code, message) values (?, ?, ?, ?, ?, ?, ?)',
        record.at, record.requestId, record.route, record.method, record.status, record.code, record.message,
      );
    }
    sql.exec('delete from errors where at < ?', this.#runtime.clock.now() - ERRORS_KEPT_MS);
    sql.exec('delete from errors where id <= (select id from errors order by id desc limit 1 offset ?)', MAX_KEPT_ERRORS);
  }

  /** A cron run and its result, written at once: health judges staleness from it. */
  async recordCronRun(job: string, result: CronResult, at: number): Promise<void> {
    const runs: SeriesTotals = { counters: {}, histograms: {} };
    addCount(runs, 'pulse_cron_runs_total', { job, result });
    this.#merge(runs);
    this.ctx.storage.sql.exec(
      `insert into cron_jobs (job, last_success_at, last_run_at, last_result) values (?1, case when ?3 = 'success' then ?2 end, ?2, ?3)
       on conflict (job) do update set last_run_at = ?2, last_result = ?3,
         last_success_at = case when ?3 = 'success' then max(coalesce(last_success_at, 0), ?2) else last_success_at end`,
      job, at, result,
    );
    this.#writeDirty();
  }

  /**
   * How the SMTP server answered a send's login, written at once: health shows the mail part
   * failing from a refusal until a later login is accepted. Outcomes may arrive out of order
   * (concurrent sends); each timestamp only moves forward.
   */
  async recordMailLogin(outcome: MailLoginOutcome): Promise<void> {
    const sql = this.ctx.storage.sql;
    if (outcome.accepted) {
      sql.exec('insert into mail_login (id, last_accepted_at) values (1, ?1) on conflict (id) do update set last_accepted_at = max(coalesce(last_accepted_at, 0), ?1)', outcome.at);
      return;
    }
    sql.exec(
      `insert into mail_login (id, last_refused_at, refusal) values (1, ?1, ?2) on conflict (id) do update set
         refusal = case when ?1 >= coalesce(last_refused_at, 0) then ?2 else refusal end,
         last_refused_at = max(coalesce(last_refused_at, 0), ?1)`,
      outcome.at, outcome.refusal,
    );
  }

  async status(now: number): Promise<MetricsStatus> {
    const sql = this.ctx.storage.sql;
    const cron = sql
      .exec<{ job: string; last_success_at: number | null; last_run_at: number; last_result: CronResult }>('select * from cron_jobs order by job')
      .toArray()
      .map((row) => ({ job: row.job, lastSuccessAt: row.last_success_at, lastRunAt: row.last_run_at, lastResult: row.last_result }));
    const login = sql.exec<{ last_accepted_at: number | null; last_refused_at: number | null; refusal: string | null }>('select * from mail_login').toArray()[0];
    const mailLogin = { lastAcceptedAt: login?.last_accepted_at ?? null, lastRefusedAt: login?.last_refused_at ?? null, refusal: login?.refusal ?? null };
    return { trackingSince: this.#trackingSince, queues: summarizeQueues(this.#queues.values(), now), cron, mailLogin };
  }

  /** Everything a scrape renders. */
  async snapshot(now: number): Promise<MetricsSnapshot> {
    return {
      ...(await this.status(now)),
      counters: Object.values(this.#totals.counters),
      histograms: Object.values(this.#totals.histograms),
    };
  }

  override async alarm(): Promise<void> {
    this.#snapshotDue = false;
    this.#writeDirty();
  }

  #merge(totals: SeriesTotals): void {
    const admit = (name: string, labels: Labels) => {
      const count = this.#seriesPerMetric.get(name) ?? 0;
      if (count >= MAX_SERIES_PER_METRIC || !hasCatalogLabels(name, labels)) return false;
      this.#seriesPerMetric.set(name, count + 1);
      return true;
    };
    const { changed, refused } = mergeTotals(this.#totals, totals, admit);
    for (const key of changed) this.#dirty.add(key);
    if (refused > 0) {
      const dropped: SeriesTotals = { counters: {}, histograms: {} };
      addCount(dropped, 'pulse_metrics_series_dropped_total', {}, refused);
      for (const key of mergeTotals(this.#totals, dropped).changed) this.#dirty.add(key);
    }
  }

  async #scheduleSnapshot(): Promise<void> {
    if (this.#snapshotDue || this.#dirty.size === 0) return;
    this.#snapshotDue = true;
    await this.ctx.storage.setAlarm(this.#runtime.clock.now() + SNAPSHOT_AFTER_MS);
  }

  #writeDirty(): void {
    const sql = this.ctx.storage.sql;
    for (const key of this.#dirty) {
      const series = this.#totals.counters[key] ?? this.#totals.histograms[key];
      if (series !== undefined) sql.exec('insert or replace into series (key, body) values (?, ?)', key, JSON.stringify(series));
    }
    this.#dirty.clear();
  }

  #load(): void {
    const sql = this.ctx.storage.sql;
    sql.exec(`
      create table if not exists meta (key text primary key, value text not null);
      create table if not exists series (key text primary key, body text not null);
      create table if not exists queues (clinic_id text primary key, outbox_rows integer not null, oldest_enqueued_at integer, sockets integer not null, reported_at integer not null);
      create table if not exists cron_jobs (job text primary key, last_success_at integer, last_run_at integer not null, last_result text not null);
      create table if not exists mail_login (id integer primary key check (id = 1), last_accepted_at integer, last_refused_at integer, refusal text);
      create table if not exists errors (id integer primary key, at integer not null, request_id text not null, route text not null, method text not null, status integer not null, code text, message text);
      create index if not exists errors_at_idx on errors (at);
    `);
    sql.exec("insert or ignore into meta (key, value) values ('tracking_since', ?)", String(this.#runtime.clock.now()));
    this.#trackingSince = Number(sql.exec<{ value: string }>("select value from meta where key = 'tracking_since'").one().value);
    for (const row of sql.exec<{ key: string; body: string }>('select key, body from series')) {
      const series: unknown = JSON.parse(row.body);
      if (isHistogram(series)) this.#totals.histograms[row.key] = series;
      else if (isCounter(series)) this.#totals.counters[row.key] = series;
      else continue;
      this.#seriesPerMetric.set(series.name, (this.#seriesPerMetric.get(series.name) ?? 0) + 1);
    }
    for (const row of sql.exec<{ clinic_id: string; outbox_rows: number; oldest_enqueued_at: number | null; sockets: number; reported_at: number }>('select * from queues')) {
      this.#queues.set(row.clinic_id, { outboxRows: row.outbox_rows, oldestEnqueuedAt: row.oldest_enqueued_at, sockets: row.sockets, reportedAt: row.reported_at });
    }
  }
}

/** A series of a metric the catalog knows, with exactly its label names: nothing else is kept. */
function hasCatalogLabels(name: string, labels: Labels): boolean {
  const expected = definitionOf(name)?.labels;
  return expected !== undefined && expected.length === Object.keys(labels).length && expected.every((label) => typeof labels[label] === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCounter(value: unknown): value is CounterSeries {
  return isRecord(value) && typeof value.name === 'string' && isRecord(value.labels) && typeof value.value === 'number';
}

function isHistogram(value: unknown): value is HistogramSeries {
  return isRecord(value) && typeof value.name === 'string' && isRecord(value.labels) && Array.isArray(value.buckets) && typeof value.sum === 'number' && typeof value.count === 'number';
}
