import { describe, expect, it } from 'vitest';
import { healthReport, mailHealth, statusGauges, type MailSetup, type Probe } from './health-report.ts';
import type { MetricsStatus } from './status.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The SMTP relay Pulse logs in to, as deployed: nothing wrong with its settings. */
const smtp: MailSetup = { transport: 'smtp', problem: null };
const NO_LOGIN_YET = { lastAcceptedAt: null, lastRefusedAt: null, refusal: null };

describe('the health report', () => {
  const NOW = Date.parse('2026-11-25T10:00:00Z');
  const up: Probe = { reachable: true, latencyMs: 3 };
  const jobs = { retention: { schedule: '0 3 * * *', staleAfterMs: 26 * HOUR } };
  const status = (lastSuccessAt: number | null, trackingSince = NOW - 3 * DAY): MetricsStatus => ({
    trackingSince,
    queues: { reporting: 2, backlogRows: 0, clinicsBehind: 0, lagSeconds: 0, sockets: 1 },
    cron: lastSuccessAt === null ? [] : [{ job: 'retention', lastSuccessAt, lastRunAt: lastSuccessAt, lastResult: 'success' }],
    mailLogin: NO_LOGIN_YET,
  });

  it('should be ok with every part answering and the daily job run this morning', () => {
    const report = healthReport({ version: '1.2.3', now: NOW, database: up, durableObject: up, status: status(NOW - 7 * HOUR), jobs, mail: smtp });
    expect(report).toEqual({
      status: 'ok',
      version: '1.2.3',
      time: '2026-11-25T10:00:00.000Z',
      failing: [],
      database: up,
      durableObject: up,
      outbox: { backlogRows: 0, clinicsBehind: 0, lagSeconds: 0, maxLagSeconds: 300 },
      cron: { retention: { schedule: '0 3 * * *', lastSuccessAt: '2026-11-25T03:00:00.000Z', staleAfterSeconds: 93_600, stale: false } },
      mail: { transport: 'smtp', state: 'ok', problem: null, lastLoginAcceptedAt: null, lastLoginRefusedAt: null },
    });
  });

  it('should call a daily job stale after 26 hours without success, and a never-run job only once counting is that old', () => {
    expect(healthReport({ version: 'v', now: NOW, database: up, durableObject: up, status: status(NOW - 27 * HOUR), jobs, mail: smtp })).toMatchObject({ status: 'degraded', failing: ['cron'] });
    expect(healthReport({ version: 'v', now: NOW, database: up, durableObject: up, status: status(null, NOW - HOUR), jobs, mail: smtp }).failing).toEqual([]);
    expect(healthReport({ version: 'v', now: NOW, database: up, durableObject: up, status: status(null, NOW - 2 * DAY), jobs, mail: smtp }).cron.retention?.stale).toBe(true);
  });

  it('should name every failing part in a fixed order, and say "unknown" rather than guess when the object is unreachable', () => {
    const down: Probe = { reachable: false, latencyMs: null, error: 'no answer within 5000 ms' };
    const report = healthReport({ version: 'v', now: NOW, database: { reachable: false, latencyMs: null, error: 'HttpServerError' }, durableObject: down, status: null, jobs, mail: smtp });
    expect(report.failing).toEqual(['database', 'durableObject']);
    expect(report.outbox).toEqual({ backlogRows: null, clinicsBehind: null, lagSeconds: null, maxLagSeconds: 300 });
    expect(report.cron.retention).toMatchObject({ lastSuccessAt: null, stale: null });
  });

  it('should fail the outbox past five minutes of lag, and expose queues and cron as gauges', () => {
    const lagging = { ...status(NOW - HOUR), queues: { reporting: 3, backlogRows: 900, clinicsBehind: 2, lagSeconds: 301, sockets: 5 } };
    expect(healthReport({ version: 'v', now: NOW, database: up, durableObject: up, status: lagging, jobs, mail: smtp }).failing).toEqual(['outbox']);
    expect(statusGauges(lagging, jobs, NOW)).toEqual({
      pulse_active_websockets: [{ value: 5 }],
      pulse_outbox_lag_seconds: [{ value: 301 }],
      pulse_outbox_backlog_rows: [{ value: 900 }],
      pulse_outbox_clinics_behind: [{ value: 2 }],
      pulse_cron_last_success_timestamp_seconds: [{ labels: { job: 'retention' }, value: (NOW - HOUR) / 1000 }],
      pulse_cron_stale_after_seconds: [{ labels: { job: 'retention' }, value: 93_600 }],
      pulse_cron_stale: [{ labels: { job: 'retention' }, value: 0 }],
    });
  });
});

describe('health at its bounds', () => {
  const NOW = Date.parse('2026-11-25T10:00:00Z');
  const up: Probe = { reachable: true, latencyMs: 3 };
  const queues = (lagSeconds: number) => ({ reporting: 1, backlogRows: 4, clinicsBehind: 1, lagSeconds, sockets: 0 });
  const jobs = {
    retention: { schedule: '0 3 * * *', staleAfterMs: 26 * HOUR },
    alerts: { schedule: '*/5 * * * *', staleAfterMs: 15 * 60_000 },
  };
  const status = (lagSeconds: number, alertsAt: number): MetricsStatus => ({
    trackingSince: NOW - 3 * DAY,
    queues: queues(lagSeconds),
    cron: [
      { job: 'alerts', lastSuccessAt: alertsAt, lastRunAt: alertsAt, lastResult: 'success' },
      { job: 'retention', lastSuccessAt: NOW - 7 * HOUR, lastRunAt: NOW - 7 * HOUR, lastResult: 'success' },
    ],
    mailLogin: NO_LOGIN_YET,
  });
  const report = (input: MetricsStatus) => healthReport({ version: 'v', now: NOW, database: up, durableObject: up, status: input, jobs, mail: smtp });

  it('should tolerate exactly five minutes of outbox lag and exactly the staleness bound, and fail just past either', () => {
    expect(report(status(300, NOW - 15 * 60_000)).failing).toEqual([]);
    expect(report(status(300.5, NOW - 15 * 60_000 - 1)).failing).toEqual(['outbox', 'cron']);
  });

  it('should judge each job against its own bound: the 5-minute alerts stale after 16 minutes while the daily job is fine', () => {
    const result = report(status(0, NOW - 16 * 60_000));
    expect(result.status).toBe('degraded');
    expect(result.cron).toEqual({
      retention: { schedule: '0 3 * * *', lastSuccessAt: '2026-11-25T03:00:00.000Z', staleAfterSeconds: 93_600, stale: false },
      alerts: { schedule: '*/5 * * * *', lastSuccessAt: '2026-11-25T09:44:00.000Z', staleAfterSeconds: 900, stale: true },
    });
    expect(statusGauges(status(0, NOW - 16 * 60_000), jobs, NOW).pulse_cron_stale).toEqual([
      { labels: { job: 'retention' }, value: 0 },
      { labels: { job: 'alerts' }, value: 1 },
    ]);
  });

  it('should list all five parts, in order, when everything fails at once', () => {
    const down: Probe = { reachable: false, latencyMs: null, error: 'timeout' };
    const noLogin: MailSetup = { transport: 'smtp', problem: 'SMTP_USER and SMTP_PASSWORD are not set' };
    const result = healthReport({ version: 'v', now: NOW, database: down, durableObject: down, status: status(900, NOW - DAY), jobs, mail: noLogin });
    expect(result).toMatchObject({ status: 'degraded', failing: ['database', 'durableObject', 'outbox', 'cron', 'mail'] });
  });

  it('should leave out the last-success gauge of a job that never succeeded, yet expose its bound and its staleness', () => {
    const fresh: MetricsStatus = { trackingSince: NOW - HOUR, queues: queues(0), cron: [], mailLogin: NO_LOGIN_YET };
    const gauges = statusGauges(fresh, jobs, NOW);
    expect(gauges.pulse_cron_last_success_timestamp_seconds).toEqual([]);
    expect(gauges.pulse_cron_stale_after_seconds).toEqual([{ labels: { job: 'retention' }, value: 93_600 }, { labels: { job: 'alerts' }, value: 900 }]);
    // Counting began an hour ago: the daily job is not late yet, the 5-minute one is.
    expect(gauges.pulse_cron_stale).toEqual([{ labels: { job: 'retention' }, value: 0 }, { labels: { job: 'alerts' }, value: 1 }]);
  });
});

/** Monday 09:00: the digests go out through the SMTP relay, whose password was rotated on Friday. */
describe('the mail part of health', () => {
  const MONDAY = Date.parse('2026-03-02T08:00:00Z');
  const MINUTE = 60_000;
  const refusedThisMorning = { lastAcceptedAt: MONDAY - 3 * DAY, lastRefusedAt: MONDAY, refusal: 'The SMTP server could not be reached or refused the session: 535 Invalid username or password' };

  it('should fail with the server\'s words while the latest login was refused', () => {
    expect(mailHealth(smtp, refusedThisMorning)).toEqual({
      transport: 'smtp',
      state: 'login_refused',
      problem: "the SMTP server refused Pulse's login (SMTP_USER / SMTP_PASSWORD): The SMTP server could not be reached or refused the session: 535 Invalid username or password",
      lastLoginAcceptedAt: '2026-02-27T08:00:00.000Z',
      lastLoginRefusedAt: '2026-03-02T08:00:00.000Z',
    });
  });

  it('should recover once a later send logs in, the password fixed and the digests retried', () => {
    expect(mailHealth(smtp, { ...refusedThisMorning, lastAcceptedAt: MONDAY + 20 * MINUTE })).toMatchObject({ state: 'ok', problem: null, lastLoginRefusedAt: '2026-03-02T08:00:00.000Z' });
  });

  it('should call an SMTP transport without a login misconfigured, before any send tries it', () => {
    const noLogin: MailSetup = { transport: 'smtp', problem: 'SMTP_USER and SMTP_PASSWORD are not set: Pulse logs in to its SMTP server' };
    expect(mailHealth(noLogin, NO_LOGIN_YET)).toMatchObject({ state: 'misconfigured', problem: noLogin.problem });
  });

  it('should be ok for the outbox, and when the Metrics object could not be asked (durableObject says so)', () => {
    expect(mailHealth({ transport: 'outbox', problem: null }, NO_LOGIN_YET).state).toBe('ok');
    expect(mailHealth(smtp, undefined)).toMatchObject({ state: 'ok', lastLoginAcceptedAt: null, lastLoginRefusedAt: null });
  });
});
