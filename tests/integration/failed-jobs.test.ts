// The Worker first: its routes extend zod with OpenAPI before any shared schema module is read.
import { deliverJobs, fireCron, jobAttempts, untilJobAttempts } from '../support/jobs.ts';
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliveriesOf } from '../../db/queries/alert-deliveries.ts';
import { alertInstancesOfClinic } from '../../db/queries/alert-rows.ts';
import { auditRowsAbout } from '../../db/queries/audit-rows.ts';
import { deadLetterOfMessage } from '../../db/queries/dead-letter-rows.ts';
import { jobFailureOf } from '../../db/queries/job-failures.ts';
import type { FailedJob, FailedJobPage } from '../../worker/domain/back-office-wire.ts';
import { UNREADABLE_JOB_ERROR } from '../../worker/domain/failed-jobs.ts';
import worker from '../../worker/index.ts';
import type { JobMessage } from '../../worker/jobs/job-messages.ts';
import { SCHEDULES } from '../../worker/scheduled.ts';
import { eventually } from '../support/eventually.ts';
import { answerWith, newDevice, receivedBy } from '../support/push-devices.ts';
import { openQueueDay, setWaiting } from '../support/waiting-room.ts';
import { api, apiJson, changeClinic, createWorld, sessionFor, testDatabase, type World } from '../support/world.ts';

const MINUTE = 60_000;
// A Monday far from other tests' instants: at it only this file's clinic has an open queue.
const AT = Date.parse('2033-05-02T09:00:00Z');
const DAY = '2033-05-02';

/** One delivery of `job` under message id `id`, attempted `attempts` times, as the queue hands it over. */
async function delivered(id: string, attempts: number, job: JobMessage) {
  const batch = createMessageBatch<unknown>('pulse-jobs', [{ id, timestamp: new Date(), attempts, body: job }]);
  await worker.queue(batch, env);
  return getQueueResult(batch, createExecutionContext());
}

describe('failed jobs in the back office', () => {
  let world: World;
  let admin: string;
  /** B's owner's browser, whose push service fails until the test fixes it. */
  let device: Awaited<ReturnType<typeof newDevice>>;
  const db = testDatabase();
  const failedJobs = async () => (await apiJson<FailedJobPage>(world, '/admin/jobs/failed?pageSize=100', { token: admin })).body;
  const listed = async (id: string): Promise<FailedJob | undefined> => (await failedJobs()).jobs.find((job) => job.id === id);

  beforeAll(async () => {
    world = await createWorld();
    admin = await sessionFor(world.superAdmin);
    await changeClinic(world, world.clinicB, { timezone: 'UTC' });
  });

  it('should keep a job that failed six times with its error and failure times, list it, and run it again by hand once its cause is fixed', async () => {
    const owner = await sessionFor(world.ownerB);
    // This browser's push service answers 500 to every push: worth retrying, never successful until it is fixed.
    device = await newDevice(500);
    expect((await api(world, '/push/subscriptions', { method: 'POST', token: owner, json: device })).status).toBe(204);
    await openQueueDay(world.clinicB, DAY, AT, 31);
    await setWaiting(world.clinicB, { day: DAY, at: AT, count: 31, waitedMs: 30 * MINUTE, idPrefix: `failed-${world.clinicB}` });
    // Seen once five minutes earlier, the breach waits out the rule's minimum; at AT it fires.
    const evaluated = await jobAttempts('alerts.evaluate', 'done');
    await fireCron(SCHEDULES.alerts, AT - 5 * MINUTE);
    await untilJobAttempts('alerts.evaluate', 'done', evaluated, 1);

    const [retried, dead] = [await jobAttempts('alert.deliver', 'retried'), await jobAttempts('alert.deliver', 'dead_lettered')];
    await fireCron(SCHEDULES.alerts, AT);
    // wrangler.toml: max_retries = 5, so six attempts, then the dead-letter queue.
    expect(await untilJobAttempts('alert.deliver', 'retried', retried, 6, 45_000)).toBe(6);
    expect(await untilJobAttempts('alert.deliver', 'dead_lettered', dead, 1, 45_000)).toBe(1);
    const [instance] = await alertInstancesOfClinic(db, world.clinicB, { firedAt: AT });
    const alertId = instance?.id ?? '-';

    const page = await eventually(failedJobs, (answer) => answer.jobs.some((job) => job.scope.alertId === alertId));
    const letter = page.jobs.find((job) => job.scope.alertId === alertId);
    expect(letter).toMatchObject({
      kind: 'alert.deliver',
      attempts: 6,
      scope: { clinicId: world.clinicB, clinicName: `Cabinet B ${world.suffix}`, alertId, weekStart: null, at: new Date(AT).toISOString() },
      error: `alert delivery failed, will retry: push to ${world.ownerB.id}: push service answered 500`,
      retryable: true,
    });
    expect(Date.parse(letter?.firstFailedAt ?? '')).toBeLessThan(Date.parse(letter?.lastFailedAt ?? ''));
    expect(Date.parse(letter?.lastFailedAt ?? '')).toBeLessThanOrEqual(Date.parse(letter?.receivedAt ?? ''));
    // The dead-letter queue kept the message id its attempts failed under: their row was folded into the letter.
    expect(await jobFailureOf(db, letter?.id ?? '')).toBeUndefined();
    expect(JSON.stringify(page)).not.toContain('"noticeAt"');
    expect(await receivedBy(device)).toHaveLength(6);

    // The push service is back; the super admin runs the job again, and it succeeds.
    await answerWith(device, 201);
    const done = await jobAttempts('alert.deliver', 'done');
    const retry = await api(world, `/admin/jobs/failed/${letter?.id}/retry`, { method: 'POST', token: admin });
    expect(retry.status).toBe(204);
    await untilJobAttempts('alert.deliver', 'done', done, 1);
    expect((await receivedBy(device)).map((push) => push.answered)).toEqual([500, 500, 500, 500, 500, 500, 201]);
    expect((await deliveriesOf(db, alertId)).filter((row) => row.channel === 'push').map((row) => row.ok)).toEqual([false, false, false, false, false, false, true]);
    expect(await listed(letter?.id ?? '')).toBeUndefined();
    expect(await deadLetterOfMessage(db, letter?.id ?? '')).toBeUndefined();
    const [audit, ...moreAudit] = await auditRowsAbout(db, letter?.id ?? '');
    expect(moreAudit).toEqual([]);
    expect(audit).toMatchObject({ action: 'job_retry', actorId: world.superAdmin.id, targetType: 'dead_letter', success: true, detail: '{"job":"alert.deliver"}' });

    // A second click finds nothing to retry, and sends nothing.
    const again = await api(world, `/admin/jobs/failed/${letter?.id}/retry`, { method: 'POST', token: admin });
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No such failed job', details: {} } });
    expect(await jobAttempts('alert.deliver', 'done')).toBe(done + 1);
  });

  it('should keep each failed attempt under its message id until the job succeeds, the same attempt twice counted once', async () => {
    const [instance] = await alertInstancesOfClinic(db, world.clinicB, { firedAt: AT });
    await answerWith(device, 500);
    // A reminder of the same alert: a new notice, so every channel is tried again.
    const job: JobMessage = { type: 'alert.deliver', alertId: instance?.id ?? '-', noticeAt: AT + 60 * MINUTE };
    const id = `kept-${crypto.randomUUID()}`;

    expect((await delivered(id, 1, job)).retryMessages).toHaveLength(1);
    const first = await jobFailureOf(db, id);
    expect(first).toMatchObject({ jobType: 'alert.deliver', attempts: 1, error: `alert delivery failed, will retry: push to ${world.ownerB.id}: push service answered 500` });
    expect(first?.firstFailedAt).toBe(first?.lastFailedAt);
    // The queue delivers the same attempt again: still one attempt, first failure unchanged.
    await delivered(id, 1, job);
    expect(await jobFailureOf(db, id)).toMatchObject({ attempts: 1, firstFailedAt: first?.firstFailedAt });
    await delivered(id, 2, job);
    const second = await jobFailureOf(db, id);
    expect(second).toMatchObject({ attempts: 2, firstFailedAt: first?.firstFailedAt });
    expect(second?.lastFailedAt).toBeGreaterThan(first?.firstFailedAt ?? Infinity);

    await answerWith(device, 201);
    const result = await delivered(id, 3, job);
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks).toEqual([id]);
    expect(await jobFailureOf(db, id)).toBeUndefined();
  });

  it('should keep the error of a job that can never succeed, refuse to retry a body that is no job, and delete a letter once', async () => {
    const nobody = `alert-${crypto.randomUUID()}`;
    const permanent = await deliverJobs([{ type: 'alert.deliver', alertId: nobody, noticeAt: AT }], env, 2);
    const permanentId = permanent.explicitAcks[0] ?? '';
    const kept = await deadLetterOfMessage(db, permanentId);
    expect(kept).toMatchObject({ jobType: 'alert.deliver', attempts: 2, error: `no alert ${nobody}` });
    expect(kept?.firstFailedAt).toBe(kept?.lastFailedAt);
    expect(kept?.lastFailedAt).toBe(kept?.receivedAt);
    // An alert that no longer exists: the scope names it, with no clinic.
    expect((await listed(permanentId))?.scope).toEqual({ clinicId: null, clinicName: null, alertId: nobody, weekStart: null, at: new Date(AT).toISOString() });

    const unreadable = await deliverJobs([{ type: 'no.such.job', email: 'someone@example.com' } as never]);
    const id = unreadable.explicitAcks[0] ?? '';
    expect(await listed(id)).toMatchObject({
      kind: 'unreadable',
      scope: { clinicId: null, clinicName: null, alertId: null, weekStart: null, at: null },
      error: UNREADABLE_JOB_ERROR,
      attempts: 1,
      retryable: false,
    });
    expect(JSON.stringify(await failedJobs())).not.toContain('someone@example.com');

    const refused = await api(world, `/admin/jobs/failed/${id}/retry`, { method: 'POST', token: admin });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: { code: 'CONFLICT', message: 'This failed job is no job Pulse can run; it can only be deleted', details: {} } });
    expect(await deadLetterOfMessage(db, id)).toBeDefined();

    expect((await api(world, `/admin/jobs/failed/${id}`, { method: 'DELETE', token: admin })).status).toBe(204);
    expect(await deadLetterOfMessage(db, id)).toBeUndefined();
    expect(await listed(id)).toBeUndefined();
    expect((await api(world, `/admin/jobs/failed/${id}`, { method: 'DELETE', token: admin })).status).toBe(404);
    const audit = await auditRowsAbout(db, id);
    expect(audit.map((row) => [row.action, row.success, row.errorCode])).toEqual([
      ['job_discard', false, 'NOT_FOUND'],
      ['job_discard', true, null],
      ['job_retry', false, 'CONFLICT'],
    ]);
  });

  it('should answer 404 to anyone but the super admin and 401 signed out, and refuse bad pages and ids, changing nothing', async () => {
    const kept = await deliverJobs([{ type: 'still.no.job' } as never]);
    const id = kept.explicitAcks[0] ?? '';
    for (const person of [world.ownerA, world.staffA]) {
      const token = await sessionFor(person);
      expect((await api(world, '/admin/jobs/failed', { token })).status).toBe(404);
      expect((await api(world, `/admin/jobs/failed/${id}/retry`, { method: 'POST', token })).status).toBe(404);
      expect((await api(world, `/admin/jobs/failed/${id}`, { method: 'DELETE', token })).status).toBe(404);
    }
    expect((await api(world, '/admin/jobs/failed')).status).toBe(401);
    expect((await api(world, `/admin/jobs/failed/${id}`, { method: 'DELETE' })).status).toBe(401);
    for (const query of ['page=0', 'pageSize=0', 'pageSize=101', 'page=x']) {
      expect((await api(world, `/admin/jobs/failed?${query}`, { token: admin })).status).toBe(400);
    }
    const tooLong = 'x'.repeat(65);
    expect((await api(world, `/admin/jobs/failed/${tooLong}/retry`, { method: 'POST', token: admin })).status).toBe(400);
    expect((await api(world, `/admin/jobs/failed/${tooLong}`, { method: 'DELETE', token: admin })).status).toBe(400);
    expect(await deadLetterOfMessage(db, id)).toBeDefined();
    expect(await auditRowsAbout(db, id)).toEqual([]);
  });
});
