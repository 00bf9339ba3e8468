// The Worker first: its routes extend zod with OpenAPI before any shared schema module is read.
import { deliverJobs, fireCron, jobAttempts, untilJobAttempts } from '../support/jobs.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliveriesOf } from '../../db/queries/alert-deliveries.ts';
import { alertInstanceById, alertInstancesOfClinic } from '../../db/queries/alert-rows.ts';
import { deadLetterOfMessage, deadLettersOfJob } from '../../db/queries/dead-letter-rows.ts';
import { SCHEDULES } from '../../worker/scheduled.ts';
import { eventually } from '../support/eventually.ts';
import { newDevice, receivedBy } from '../support/push-devices.ts';
import { smtpMessagesTo } from '../support/smtp-inbox.ts';
import { openQueueDay, setWaiting } from '../support/waiting-room.ts';
import { api, changeClinic, createWorld, sessionFor, testDatabase, type World } from '../support/world.ts';

const MINUTE = 60_000;

/** Opens the clinic's queue on `day` with `waiting` patients (the alert job reads the open queues). */
async function queueOf(clinicId: string, day: string, at: number, waiting: number): Promise<void> {
  await openQueueDay(clinicId, day, at, waiting);
  await setWaiting(clinicId, { day, at, count: waiting, waitedMs: 30 * MINUTE, idPrefix: `delivery-${clinicId}` });
}

/** One run of the 5-minute alert job at `at`, through the cron and the queue, done. */
async function evaluatedAt(at: number): Promise<void> {
  const before = await jobAttempts('alerts.evaluate', 'done');
  await fireCron(SCHEDULES.alerts, at);
  await untilJobAttempts('alerts.evaluate', 'done', before, 1);
}

// Mondays far from other tests' instants; at these only this file's clinics have an open queue.
const AT = Date.parse('2032-02-02T09:00:00Z');
const DAY = '2032-02-02';

describe('an alert reaching the clinic owner by push and e-mail, through the queue', () => {
  let world: World;
  const db = testDatabase();

  beforeAll(async () => {
    world = await createWorld();
  });

  it("should fire above the owner's own threshold, push and e-mail them once, in their language, and not again on a redelivery", async () => {
    const owner = await sessionFor(world.ownerA);
    const staff = await sessionFor(world.staffA);
    // The owner lowers the clinic's threshold from 30 to 5; staff may read it, not change it.
    const set = await api(world, `/clinics/${world.clinicA}/alert-settings`, { method: 'PUT', token: owner, json: { queueTooLongThreshold: 5 } });
    expect(await set.json()).toEqual({ queueTooLongThreshold: 5, isDefault: false, defaultThreshold: 30 });
    expect((await api(world, `/clinics/${world.clinicA}/alert-settings`, { method: 'PUT', token: staff, json: { queueTooLongThreshold: 50 } })).status).toBe(403);
    expect(await (await api(world, `/clinics/${world.clinicA}/alert-settings`, { token: staff })).json()).toMatchObject({ queueTooLongThreshold: 5 });
    const refused = await api(world, `/clinics/${world.clinicA}/alert-settings`, { method: 'PUT', token: owner, json: { queueTooLongThreshold: 0 } });
    expect(refused.status).toBe(400);
    expect((await api(world, `/clinics/${world.clinicB}/alert-settings`, { token: owner })).status).toBe(404);
    await api(world, '/me/settings', { method: 'PATCH', token: owner, json: { locale: 'en' } });

    const device = await newDevice();
    expect((await api(world, '/push/subscriptions', { method: 'POST', token: owner, json: device })).status).toBe(204);
    await queueOf(world.clinicA, DAY, AT, 6);
    // Seen once, five minutes earlier, the breach waits out the rule's 5-minute minimum; seen again at AT, it fires.
    await evaluatedAt(AT - 5 * MINUTE);
    expect(await alertInstancesOfClinic(db, world.clinicA)).toEqual([]);

    const delivered = await jobAttempts('alert.deliver', 'done');
    await fireCron(SCHEDULES.alerts, AT);
    await untilJobAttempts('alert.deliver', 'done', delivered, 1);

    const [instance, ...others] = await alertInstancesOfClinic(db, world.clinicA);
    expect(others).toHaveLength(0);
    expect(instance).toMatchObject({ ruleId: `queue-too-long@${world.clinicA}`, value: 6, firedAt: AT, resolvedAt: null });
    const [push] = await receivedBy(device);
    expect(push?.urgency).toBe('normal');
    expect(JSON.parse(push?.plaintext ?? '{}')).toEqual({
      title: `Queue too long — Cabinet A ${world.suffix}`,
      body: '6 patients are waiting (threshold: 5).',
      url: '/today',
      tag: `alert-${instance?.id}`,
    });
    const [mail, ...moreMail] = await smtpMessagesTo(world.ownerA.email);
    expect(moreMail).toHaveLength(0);
    expect(mail?.subject).toBe(`Queue too long — Cabinet A ${world.suffix}`);
    expect(mail?.text).toContain('6 patients are waiting (threshold: 5).');
    // Staff are not the alert's recipients.
    expect(await smtpMessagesTo(world.staffA.email)).toEqual([]);
    const deliveries = await deliveriesOf(db, instance?.id ?? '');
    expect(deliveries.map((row) => [row.userId, row.channel, row.ok]).sort()).toEqual([
      [world.ownerA.id, 'email', true],
      [world.ownerA.id, 'push', true],
    ]);

    // The queue delivers the same job again: nobody is told twice.
    const again = await deliverJobs([{ type: 'alert.deliver', alertId: instance?.id ?? '', noticeAt: AT }], undefined, 2);
    expect(again.retryMessages).toEqual([]);
    expect(await receivedBy(device)).toHaveLength(1);
    expect(await smtpMessagesTo(world.ownerA.email)).toHaveLength(1);

    // Five minutes later, still 6 waiting: the alert stays firing, quietly.
    const before = await jobAttempts('alerts.evaluate', 'done');
    await fireCron(SCHEDULES.alerts, AT + 5 * MINUTE);
    await untilJobAttempts('alerts.evaluate', 'done', before, 1);
    expect(await receivedBy(device)).toHaveLength(1);
    // The owner's alert list shows it; another clinic's owner does not see it.
    const listed = await (await api(world, '/alerts', { token: owner })).json<{ alerts: Array<{ id: string }> }>();
    expect(listed.alerts.map((alert) => alert.id)).toContain(instance?.id);
    const elsewhere = await (await api(world, '/alerts', { token: await sessionFor(world.ownerB) })).json<{ alerts: Array<{ id: string }> }>();
    expect(elsewhere.alerts.map((alert) => alert.id)).not.toContain(instance?.id);

    // Back to the default threshold (30): 6 waiting no longer alerts, the open alert resolves.
    const reset = await api(world, `/clinics/${world.clinicA}/alert-settings`, { method: 'PUT', token: owner, json: { queueTooLongThreshold: null } });
    expect(await reset.json()).toEqual({ queueTooLongThreshold: 30, isDefault: true, defaultThreshold: 30 });
    const evaluated = await jobAttempts('alerts.evaluate', 'done');
    await fireCron(SCHEDULES.alerts, AT + 10 * MINUTE);
    await untilJobAttempts('alerts.evaluate', 'done', evaluated, 1);
    const resolved = await alertInstanceById(db, instance?.id ?? '');
    expect(resolved?.resolvedAt).toBe(AT + 10 * MINUTE);
  });
});

describe('a job that always fails', () => {
  let world: World;
  const db = testDatabase();
  const at = Date.parse('2032-03-01T09:00:00Z');

  beforeAll(async () => {
    world = await createWorld();
    await changeClinic(world, world.clinicB, { timezone: 'UTC' });
  });

  it('should be retried by the queue, then dead-lettered and kept, with its e-mail sent once and each push attempt recorded', async () => {
    const owner = await sessionFor(world.ownerB);
    // This browser's push service answers 500 to every push: worth retrying, never successful.
    const broken = await newDevice(500);
    await api(world, '/push/subscriptions', { method: 'POST', token: owner, json: broken });
    await queueOf(world.clinicB, '2032-03-01', at, 31);
    await evaluatedAt(at - 5 * MINUTE);

    const retried = await jobAttempts('alert.deliver', 'retried');
    const dead = await jobAttempts('alert.deliver', 'dead_lettered');
    await fireCron(SCHEDULES.alerts, at);
    // wrangler.toml: max_retries = 5, so six attempts, then the dead-letter queue.
    expect(await untilJobAttempts('alert.deliver', 'retried', retried, 6, 45_000)).toBe(6);
    expect(await untilJobAttempts('alert.deliver', 'dead_lettered', dead, 1, 45_000)).toBe(1);

    const [instance] = await alertInstancesOfClinic(db, world.clinicB, { firedAt: at });
    const letters = await eventually(
      () => deadLettersOfJob(db, 'alert.deliver'),
      (rows) => rows.some((row) => row.body.includes(instance?.id ?? '-')),
    );
    const letter = letters.find((row) => row.body.includes(instance?.id ?? '-'));
    expect(letter).toMatchObject({ queue: 'pulse-jobs', jobType: 'alert.deliver' });
    expect(JSON.parse(letter?.body ?? '{}')).toEqual({ type: 'alert.deliver', alertId: instance?.id, noticeAt: at });
    expect(await receivedBy(broken)).toHaveLength(6);
    const deliveries = await deliveriesOf(db, instance?.id ?? '');
    expect(deliveries.filter((row) => row.channel === 'email').map((row) => row.ok)).toEqual([true]);
    expect(deliveries.filter((row) => row.channel === 'push').map((row) => row.ok)).toEqual([false, false, false, false, false, false]);
    expect(await smtpMessagesTo(world.ownerB.email)).toHaveLength(1);
  });

  it('should dead-letter at once a message that is no job at all', async () => {
    const result = await deliverJobs([{ type: 'no.such.job' } as never]);
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks).toHaveLength(1);
    const kept = await deadLetterOfMessage(db, result.explicitAcks[0] ?? '');
    expect(kept).toMatchObject({ jobType: 'unreadable', body: '{"type":"no.such.job"}' });
  });
});
