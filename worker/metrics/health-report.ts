/**
 * `GET /api/v1/health` as a pure function of what was probed: which parts fail, and whether the
 * service is ok. Shared with /metrics (cron staleness), so health and alerts judge alike.
 */
import type { MailTransport } from '../mail/mailer.ts';
import type { GaugeValues } from './exposition.ts';
import type { QueueSummary } from './queue-summary.ts';
import type { MailLoginRecord, MetricsStatus } from './status.ts';

export const HEALTH_PARTS = ['database', 'durableObject', 'outbox', 'cron', 'mail'] as const;
export type HealthPart = (typeof HEALTH_PARTS)[number];

/**
 * An outbox whose oldest row waits longer than this means libSQL has been failing or falling
 * behind for minutes: live figures still answer, but history and the admin console lag.
 */
export const MAX_OUTBOX_LAG_SECONDS = 300;

/** A round trip to one dependency. */
export type Probe = { reachable: true; latencyMs: number } | { reachable: false; latencyMs: null; error: string };

/** A scheduled job as health judges it: its cron expression and how old its last success may be. */
export interface CronSchedule {
  schedule: string;
  staleAfterMs: number;
}

export interface CronJobHealth {
  schedule: string;
  /** ISO 8601; null until it has once succeeded (since the Metrics object started counting). */
  lastSuccessAt: string | null;
  staleAfterSeconds: number;
  /** null when the Metrics object could not be asked. */
  stale: boolean | null;
}

export interface OutboxHealth {
  backlogRows: number | null;
  clinicsBehind: number | null;
  lagSeconds: number | null;
  maxLagSeconds: number;
}

/**
 * E-mail as health judges it: `misconfigured` when the transport lacks a setting it needs (an
 * SMTP login), `login_refused` when the SMTP server refused the login on the latest send that got
 * that far (messages are retried meanwhile, none is given up), else `ok`.
 */
export interface MailHealth {
  transport: MailTransport;
  state: 'ok' | 'misconfigured' | 'login_refused';
  /** Why it fails, in words for an operator; null when ok. */
  problem: string | null;
  /** ISO 8601; null when no send has seen it since the Metrics object began (or it could not be asked). */
  lastLoginAcceptedAt: string | null;
  lastLoginRefusedAt: string | null;
}

/** What the Worker's configuration says about mail, for health. */
export interface MailSetup {
  transport: MailTransport;
  /** A configuration error (worker/mail/config.ts, mailLoginProblem); null when none. */
  problem: string | null;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  version: string;
  time: string;
  /** The parts that fail, in a fixed order; empty when ok. */
  failing: HealthPart[];
  database: Probe;
  durableObject: Probe;
  outbox: OutboxHealth;
  cron: Record<string, CronJobHealth>;
  mail: MailHealth;
}

/**
 * A job is stale when its last success (or, if it never succeeded, the moment counting began: a
 * fresh deployment is not stale) is older than its bound.
 */
export function cronHealth(jobs: Readonly<Record<string, CronSchedule>>, status: MetricsStatus | null, now: number): Record<string, CronJobHealth> {
  return Object.fromEntries(
    Object.entries(jobs).map(([job, { schedule, staleAfterMs }]) => {
      const lastSuccessAt = status?.cron.find((record) => record.job === job)?.lastSuccessAt ?? null;
      const since = lastSuccessAt ?? status?.trackingSince;
      return [
        job,
        {
          schedule,
          lastSuccessAt: lastSuccessAt === null ? null : new Date(lastSuccessAt).toISOString(),
          staleAfterSeconds: staleAfterMs / 1000,
          stale: since === undefined ? null : now - since > staleAfterMs,
        },
      ];
    }),
  );
}

function outboxHealth(queues: QueueSummary | undefined): OutboxHealth {
  return {
    backlogRows: queues?.backlogRows ?? null,
    clinicsBehind: queues?.clinicsBehind ?? null,
    lagSeconds: queues?.lagSeconds ?? null,
    maxLagSeconds: MAX_OUTBOX_LAG_SECONDS,
  };
}

/** A refusal stands until a later login is accepted: fixing the secret clears it with the next e-mail (a retried job's, say). */
export function mailHealth(setup: MailSetup, login: MailLoginRecord | undefined): MailHealth {
  const at = (time: number | null | undefined) => (time === null || time === undefined ? null : new Date(time).toISOString());
  const lastLoginAcceptedAt = at(login?.lastAcceptedAt);
  const lastLoginRefusedAt = at(login?.lastRefusedAt);
  const times = { lastLoginAcceptedAt, lastLoginRefusedAt };
  if (setup.problem !== null) return { transport: setup.transport, state: 'misconfigured', problem: setup.problem, ...times };
  const refusedAt = login?.lastRefusedAt ?? null;
  if (setup.transport === 'smtp' && refusedAt !== null && refusedAt > (login?.lastAcceptedAt ?? -Infinity)) {
    return { transport: setup.transport, state: 'login_refused', problem: `the SMTP server refused Pulse's login (SMTP_USER / SMTP_PASSWORD): ${login?.refusal ?? 'no reason given'}`, ...times };
  }
  return { transport: setup.transport, state: 'ok', problem: null, ...times };
}

export function healthReport(input: {
  version: string;
  now: number;
  database: Probe;
  durableObject: Probe;
  /** The Metrics object's answer; null when it could not be reached (then durableObject says why). */
  status: MetricsStatus | null;
  jobs: Readonly<Record<string, CronSchedule>>;
  mail: MailSetup;
}): HealthReport {
  const outbox = outboxHealth(input.status?.queues);
  const cron = cronHealth(input.jobs, input.status, input.now);
  const mail = mailHealth(input.mail, input.status?.mailLogin);
  const failed: Record<HealthPart, boolean> = {
    database: !input.database.reachable,
    durableObject: !input.durableObject.reachable,
    outbox: outbox.lagSeconds !== null && outbox.lagSeconds > MAX_OUTBOX_LAG_SECONDS,
    cron: Object.values(cron).some((job) => job.stale === true),
    mail: mail.state !== 'ok',
  };
  const failing = HEALTH_PARTS.filter((part) => failed[part]);
  return {
    status: failing.length === 0 ? 'ok' : 'degraded',
    version: input.version,
    time: new Date(input.now).toISOString(),
    failing,
    database: input.database,
    durableObject: input.durableObject,
    outbox,
    cron,
    mail,
  };
}

/** The queue and cron gauges of /metrics, from the same status health reads. */
export function statusGauges(status: MetricsStatus, jobs: Readonly<Record<string, CronSchedule>>, now: number): GaugeValues {
  const cron = Object.entries(cronHealth(jobs, status, now));
  return {
    pulse_active_websockets: [{ value: status.queues.sockets }],
    pulse_outbox_lag_seconds: [{ value: status.queues.lagSeconds }],
    pulse_outbox_backlog_rows: [{ value: status.queues.backlogRows }],
    pulse_outbox_clinics_behind: [{ value: status.queues.clinicsBehind }],
    pulse_cron_last_success_timestamp_seconds: cron.flatMap(([job, health]) => (health.lastSuccessAt === null ? [] : [{ labels: { job }, value: Date.parse(health.lastSuccessAt) / 1000 }])),
    pulse_cron_stale_after_seconds: cron.map(([job, health]) => ({ labels: { job }, value: health.staleAfterSeconds })),
    pulse_cron_stale: cron.map(([job, health]) => ({ labels: { job }, value: health.stale === true ? 1 : 0 })),
  };
}
