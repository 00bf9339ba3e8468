/**
 * Every metric Pulse exposes on `GET /metrics`: its name (seed 000's names, with our prefix), type,
 * help text and label names. Counters and histograms are recorded from requests and Durable
 * Objects and summed in the Metrics object; gauges are read when Prometheus scrapes.
 *
 * Label values are never free text: routes are Hono route patterns, codes and types come from
 * closed lists, and nothing names a clinic or a person. That keeps every series bounded.
 */
import { ENTRY_STATES, EVENT_TYPES, SMS_KINDS, SMS_STATUSES } from '../domain/vocabulary.ts';
import { JOB_TYPES } from '../jobs/job-messages.ts';

/** Request latency buckets, seconds: 2 s is a bound of its own because the p95 alert is at 2 s. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10] as const;
/** libSQL round trips, seconds: a healthy query is a few milliseconds, a sick one a second or more. */
export const DB_DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;

export const INGEST_RESULTS = ['accepted', 'duplicate', 'rejected'] as const;
export const DELIVERY_RESULTS = ['sent', 'failed'] as const;
export const CRON_RESULTS = ['success', 'failure'] as const;
/** What became of one attempt of a background job: done, retried later, or given up (dead letter). */
export const JOB_OUTCOMES = ['done', 'retried', 'dead_lettered'] as const;
/** What a read of a patient's ticket (its page or its JSON, polls included) came to. */
export const TICKET_VIEW_RESULTS = ['shown', 'expired', 'not_found', 'rate_limited', 'unavailable'] as const;
/** How a sign-in with a password ended: signed in, refused (wrong password, unknown or disabled account), or refused unheard by the attempt throttle. */
export const LOGIN_OUTCOMES = ['ok', 'failed', 'throttled'] as const;
/** Whether an audited action of a super admin did what it was asked to (the audit row's `success`). */
export const ADMIN_ACTION_RESULTS = ['success', 'failure'] as const;
/** What a data export wrote (each export route appends its kind): `history`, a clinic's days as CSV; `clinics`, the clinic health table; `revenue`, the MRR movements per month. */
export const EXPORT_KINDS = ['history', 'clinics', 'revenue'] as const;
/** The job types, plus `unreadable` for a body that is none. */
export const JOB_LABELS = [...JOB_TYPES, 'unreadable'] as const;

/** Series exposed at zero before anything happened, so rates and alert rules work from the start. */
type DeclaredSeries = ReadonlyArray<Readonly<Record<string, string>>>;

interface CounterDefinition {
  type: 'counter';
  help: string;
  labels: readonly string[];
  declared?: DeclaredSeries;
}

interface HistogramDefinition {
  type: 'histogram';
  help: string;
  labels: readonly string[];
  buckets: readonly number[];
}

const product = <A extends string, B extends string>(as: readonly A[], bs: readonly B[], [a, b]: [string, string]) =>
  as.flatMap((first) => bs.map((second) => ({ [a]: first, [b]: second })));

const counter = <const Labels extends readonly string[]>(help: string, labels: Labels, declared?: DeclaredSeries) =>
  ({ type: 'counter', help, labels, ...(declared === undefined ? {} : { declared }) }) as const;
const histogram = <const Labels extends readonly string[]>(help: string, labels: Labels, buckets: readonly number[]) =>
  ({ type: 'histogram', help, labels, buckets }) as const;

/** Counters and histograms: recorded as increments, summed across isolates. */
export const RECORDED = {
  http_requests_total: counter('HTTP requests answered by the Worker, by method, route pattern and status code.', ['method', 'route', 'status_code']),
  http_request_duration_seconds: histogram(
    'Time from receiving a request to having its answer, by method, route pattern and status code.',
    ['method', 'route', 'status_code'],
    HTTP_DURATION_BUCKETS,
  ),
  pulse_api_errors_total: counter('Error answers in the one error shape, by route pattern and error code.', ['route', 'code']),
  pulse_events_ingested_total: counter(
    "Events applied to the clinics' queues (from the queue app and from reception), by type and what became of them; type 'invalid' when none is recognisable.",
    ['type', 'result'],
    product(EVENT_TYPES, INGEST_RESULTS, ['type', 'result']),
  ),
  pulse_queue_entries_total: counter(
    'Queue entries that reached each state (from the queue app and from reception).',
    ['status'],
    ENTRY_STATES.map((status) => ({ status })),
  ),
  pulse_sms_sent_total: counter(
    "SMS reported by the queue app, by kind and status ('sent' when sent, then 'delivered' or 'failed').",
    ['kind', 'status'],
    product(SMS_KINDS, SMS_STATUSES, ['kind', 'status']),
  ),
  pulse_push_sent_total: counter('Web push notifications sent, by result.', ['result'], DELIVERY_RESULTS.map((result) => ({ result }))),
  pulse_emails_sent_total: counter('E-mails sent (alerts, digests), by result.', ['result'], DELIVERY_RESULTS.map((result) => ({ result }))),
  pulse_websocket_messages_total: counter('Live updates sent to phones over WebSockets (one per phone per update).', [], [{}]),
  pulse_db_query_duration_seconds: histogram(
    'libSQL round trips (requests, jobs, cron runs, Durable Objects), by statement kind and table (e.g. select:sessions).',
    ['query'],
    DB_DURATION_BUCKETS,
  ),
  pulse_db_query_errors_total: counter('libSQL round trips that failed, by statement kind and table.', ['query']),
  pulse_cron_runs_total: counter('Scheduled job runs, by job and result.', ['job', 'result']),
  pulse_jobs_total: counter(
    'Attempts of background jobs from the pulse-jobs queue, by job type and outcome (done, retried, dead_lettered).',
    ['type', 'outcome'],
    product(JOB_LABELS, JOB_OUTCOMES, ['type', 'outcome']),
  ),
  pulse_ticket_views_total: counter(
    "Reads of patients' ticket pages and their JSON (polls included), by result: shown, expired, not_found (forged or unknown), rate_limited, unavailable.",
    ['result'],
    TICKET_VIEW_RESULTS.map((result) => ({ result })),
  ),
  pulse_logins_total: counter(
    'Sign-ins with a password, by outcome: ok, failed (wrong password, unknown or disabled account), throttled (refused unheard while a delay is owed).',
    ['outcome'],
    LOGIN_OUTCOMES.map((outcome) => ({ outcome })),
  ),
  pulse_admin_actions_total: counter(
    "Audited actions a super admin took in the back office, by result (the audit row's success); sign-ins are counted in pulse_logins_total.",
    ['result'],
    ADMIN_ACTION_RESULTS.map((result) => ({ result })),
  ),
  pulse_exports_total: counter("Data exports served (each one audited), by kind: history (a clinic's days as CSV), clinics (the clinic health table), revenue (the MRR movements per month).", ['kind'], EXPORT_KINDS.map((kind) => ({ kind }))),
  pulse_metrics_series_dropped_total: counter(
    'Increments refused because their metric already had its bound of series (a label bug; never expected).',
    [],
    [{}],
  ),
} as const satisfies Record<string, CounterDefinition | HistogramDefinition>;

export type RecordedName = keyof typeof RECORDED;
export type CounterName = { [Name in RecordedName]: (typeof RECORDED)[Name]['type'] extends 'counter' ? Name : never }[RecordedName];
export type HistogramName = { [Name in RecordedName]: (typeof RECORDED)[Name]['type'] extends 'histogram' ? Name : never }[RecordedName];
/** The labels of one metric, every one of them required. */
export type LabelsOf<Name extends RecordedName> = Record<(typeof RECORDED)[Name]['labels'][number], string>;

export function definitionOf(name: string): CounterDefinition | HistogramDefinition | undefined {
  return Object.hasOwn(RECORDED, name) ? RECORDED[name as RecordedName] : undefined;
}

/** Gauges, read at scrape time from the Metrics object and from libSQL. */
export const GAUGES = {
  pulse_active_websockets: 'Phones connected to a live queue over a WebSocket now.',
  pulse_outbox_lag_seconds: 'Age of the oldest event still waiting in a clinic outbox for libSQL (write-behind lag); 0 when every outbox is empty.',
  pulse_outbox_backlog_rows: 'Rows waiting in the clinic outboxes for libSQL, all clinics together.',
  pulse_outbox_clinics_behind: 'Clinics whose outbox is not empty.',
  pulse_cron_last_success_timestamp_seconds: 'When each scheduled job last succeeded (absent until it has once).',
  pulse_cron_stale_after_seconds: 'How old the last success of each job may be before it counts as stale (its period plus slack).',
  pulse_cron_stale: '1 when a scheduled job has not succeeded within its staleness bound, else 0 (what /api/v1/health reports).',
  pulse_database_up: '1 when the scrape-time libSQL queries answered, else 0.',
  pulse_clinics: 'Clinics that are not archived.',
  pulse_active_clinics: 'Clinics with a login in the past 30 days (PRODUCT.md).',
  pulse_onboarding_clinics: 'Clinics that never logged in and were created under 30 days ago (PRODUCT.md "onboarding"): neither active nor churn risk.',
  pulse_mrr: 'Monthly recurring revenue: plan prices of active clinics, in major units of each currency.',
  pulse_churn_risk_ratio: 'Share of clinics with no login for 7 days or more (0..1); onboarding clinics count in the whole, never as risk.',
  pulse_patients_waiting: "Patients in 'waiting' now, on each clinic's own today, all clinics together.",
  pulse_queues_open: 'Clinics with at least one patient waiting now.',
  pulse_queue_length_max: 'The longest queue (patients waiting) of any one clinic now.',
  pulse_sms_cost_last_hour: 'Cost of the SMS sent in the last hour, in major units of each currency.',
} as const;

export type GaugeName = keyof typeof GAUGES;
