// The Worker first: its routes extend zod with OpenAPI before any shared schema module is read.
import { deliverJobs, fireCron, jobAttempts, untilJobAttempts } from '../support/jobs.ts';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliveriesOf } from '../../db/queries/alert-deliveries.ts';
import { heldPushesOf } from '../../db/queries/held-pushes.ts';
import { alertInstances, alertRules } from '../../db/schema/index.ts';
import type { AlertPriority } from '../../worker/domain/vocabulary.ts';
import { SCHEDULES } from '../../worker/scheduled.ts';
import { newDevice, receivedBy } from '../support/push-devices.ts';
import { smtpMessagesTo } from '../support/smtp-inbox.ts';
import { api, createWorld, sessionFor, testDatabase, type Person, type World } from '../support/world.ts';

/**
 * Nights years after any other test's instants: a release run of another file (at its own, earlier
 * instant) never reaches the pushes held here.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const db = testDatabase();

/**
 * An alert that has just fired, as the alert job leaves it, on a rule of the test's own (switched
 * off, so no evaluation ever checks it): delivery reads the rule's kind, priority and channels.
 */
async function firedAlert(world: World, alert: { kind: 'queue_too_long' | 'sms_failures' | 'churn_risk'; clinicId: string | null; priority: AlertPriority; channels: string[]; firedAt: number; value: number }): Promise<string> {
  const ruleId = `quiet-${alert.kind}-${crypto.randomUUID().slice(0, 8)}-${world.suffix}`;
  const id = `alert-${ruleId}`;
  await db.insert(alertRules).values({
    id: ruleId, kind: alert.kind, scope: alert.clinicId === null ? 'service' : 'clinic', clinicId: alert.clinicId, threshold: alert.kind === 'queue_too_long' ? 30 : 0.1,
    channels: JSON.stringify(alert.channels), priority: alert.priority, cooldownMinutes: 60, enabled: false, createdAt: alert.firedAt,
  });
  await db.insert(alertInstances).values({ id, ruleId, subjectKey: alert.clinicId ?? 'service', clinicId: alert.clinicId, value: alert.value, firedAt: alert.firedAt, lastNotifiedAt: alert.firedAt });
  return id;
}

async function deliver(alertId: string, noticeAt: number): Promise<void> {
  const result = await deliverJobs([{ type: 'alert.deliver', alertId, noticeAt }]);
  expect(result.retryMessages).toEqual([]);
}

async function release(at: number): Promise<void> {
  const result = await deliverJobs([{ type: 'alerts.release_held', at }]);
  expect(result.retryMessages).toEqual([]);
}

async function mySettings(world: World, person: Person, change: unknown): Promise<void> {
  const response = await api(world, '/me/settings', { method: 'PATCH', token: await sessionFor(person), json: change });
  expect(response.status, await response.clone().text()).toBe(200);
}

const channelsOf = async (alertId: string) => (await deliveriesOf(db, alertId)).map((row) => [row.userId, row.channel, row.ok]);
const pushTexts = async (device: Awaited<ReturnType<typeof newDevice>>) => (await receivedBy(device)).map((push) => JSON.parse(push.plaintext ?? '{}') as { title: string; body: string });

describe("a clinic owner's quiet hours, across midnight on the clinic's clocks", () => {
  let world: World;

  beforeAll(async () => {
    world = await createWorld();
  });

  it('should hold the 23:30 push in Tunis until 07:00, e-mail at once, push once at 07:00, and never twice', async () => {
    await mySettings(world, world.ownerA, { quietHours: { from: '20:00', to: '07:00' } });
    const device = await newDevice();
    expect((await api(world, '/push/subscriptions', { method: 'POST', token: await sessionFor(world.ownerA), json: device })).status).toBe(204);

    // 23:30 in Tunis (UTC+1): 34 patients still waiting on a late evening.
    const firedAt = Date.parse('2041-01-14T22:30:00Z');
    const alertId = await firedAlert(world, { kind: 'queue_too_long', clinicId: world.clinicA, priority: 'P2', channels: ['push', 'email'], firedAt, value: 34 });
    await deliver(alertId, firedAt);

    expect(await receivedBy(device)).toEqual([]);
    const [mail, ...moreMail] = await smtpMessagesTo(world.ownerA.email);
    expect(moreMail).toEqual([]);
    expect(mail?.subject).toBe(`File d’attente trop longue — Cabinet A ${world.suffix}`);
    const morning = Date.parse('2041-01-15T06:00:00Z'); // 07:00 in Tunis
    expect(await heldPushesOf(db, alertId)).toEqual([{ instanceId: alertId, userId: world.ownerA.id, noticeAt: firedAt, heldAt: expect.any(Number), releaseAt: morning, doneAt: null, outcome: null }]);
    expect(await channelsOf(alertId)).toEqual([[world.ownerA.id, 'email', true]]);

    // The queue delivers the job again: still one held push, one e-mail.
    await deliver(alertId, firedAt);
    expect(await heldPushesOf(db, alertId)).toHaveLength(1);
    expect(await smtpMessagesTo(world.ownerA.email)).toHaveLength(1);

    // 06:55: still quiet.
    await release(morning - 5 * MINUTE);
    expect(await receivedBy(device)).toEqual([]);

    // 07:00: the push goes, and says what the alert says now.
    await release(morning);
    expect(await pushTexts(device)).toEqual([{ title: `File d’attente trop longue — Cabinet A ${world.suffix}`, body: '34 patients attendent (seuil : 30).', url: '/today', tag: `alert-${alertId}` }]);
    expect(await heldPushesOf(db, alertId)).toMatchObject([{ doneAt: morning, outcome: 'sent' }]);
    expect((await channelsOf(alertId)).sort()).toEqual([
      [world.ownerA.id, 'email', true],
      [world.ownerA.id, 'push', true],
    ]);

    // The release job delivered twice, or run again five minutes later: one push.
    await Promise.all([release(morning), release(morning + 5 * MINUTE)]);
    expect(await receivedBy(device)).toHaveLength(1);
  });

  it('should push at once outside the quiet hours (19:59 in Tunis)', async () => {
    const device = await newDevice();
    await api(world, '/push/subscriptions', { method: 'POST', token: await sessionFor(world.ownerA), json: device });
    const firedAt = Date.parse('2041-02-04T18:59:00Z');
    const alertId = await firedAlert(world, { kind: 'queue_too_long', clinicId: world.clinicA, priority: 'P2', channels: ['push'], firedAt, value: 31 });
    await deliver(alertId, firedAt);
    expect(await pushTexts(device)).toHaveLength(1);
    expect(await heldPushesOf(db, alertId)).toEqual([]);
  });
});

describe('a push held through a night when the alert resolves before the morning', () => {
  let world: World;

  beforeAll(async () => {
    world = await createWorld();
  });

  it('should not wake anyone at 06:30 in Paris but leave the alert to the digest, through the 5-minute cron', async () => {
    // Push only for this kind: no e-mail either.
    await mySettings(world, world.ownerB, { quietHours: { from: '22:00', to: '06:30' }, channels: { queue_too_long: ['push'] } });
    const device = await newDevice();
    await api(world, '/push/subscriptions', { method: 'POST', token: await sessionFor(world.ownerB), json: device });

    // 23:00 in Paris in winter (UTC+1).
    const firedAt = Date.parse('2041-03-05T22:00:00Z');
    const alertId = await firedAlert(world, { kind: 'queue_too_long', clinicId: world.clinicB, priority: 'P2', channels: ['push', 'email'], firedAt, value: 33 });
    await deliver(alertId, firedAt);
    const sixThirty = Date.parse('2041-03-06T05:30:00Z');
    expect(await heldPushesOf(db, alertId)).toMatchObject([{ releaseAt: sixThirty, doneAt: null }]);

    // The waiting room empties at 00:40.
    await db.update(alertInstances).set({ resolvedAt: firedAt + 100 * MINUTE }).where(eq(alertInstances.id, alertId));

    const before = await jobAttempts('alerts.release_held', 'done');
    await fireCron(SCHEDULES.alerts, sixThirty);
    await untilJobAttempts('alerts.release_held', 'done', before, 1);
    expect(await heldPushesOf(db, alertId)).toMatchObject([{ doneAt: sixThirty, outcome: 'digest' }]);
    expect(await receivedBy(device)).toEqual([]);
    expect(await smtpMessagesTo(world.ownerB.email)).toEqual([]);
    expect(await deliveriesOf(db, alertId)).toEqual([]);
  });
});

describe("the super admin's quiet hours", () => {
  let world: World;

  beforeAll(async () => {
    world = await createWorld();
  });

  it('should let a P1 through at midnight in Tunis, and hold a P2 until 07:00', async () => {
    await mySettings(world, world.superAdmin, { quietHours: { from: '20:00', to: '07:00' } });
    const device = await newDevice();
    await api(world, '/push/subscriptions', { method: 'POST', token: await sessionFor(world.superAdmin), json: device });

    const midnight = Date.parse('2041-04-09T22:00:00Z'); // 00:00 on 10 April in Tunis (UTC+1)
    const failures = await firedAlert(world, { kind: 'sms_failures', clinicId: null, priority: 'P1', channels: ['push'], firedAt: midnight, value: 0.25 });
    const churn = await firedAlert(world, { kind: 'churn_risk', clinicId: null, priority: 'P2', channels: ['push'], firedAt: midnight, value: 0.3 });
    await deliver(failures, midnight);
    await deliver(churn, midnight);

    const [pushed, ...more] = await receivedBy(device);
    expect(more).toEqual([]);
    expect(pushed?.urgency).toBe('high');
    expect(JSON.parse(pushed?.plaintext ?? '{}')).toMatchObject({ title: 'Échecs d’envoi de SMS', url: '/admin', tag: `alert-${failures}` });
    expect((await heldPushesOf(db, failures)).filter((held) => held.userId === world.superAdmin.id)).toEqual([]);
    // Service alerts go to every super admin of the shared database: other files' worlds have theirs.
    const ours = (await heldPushesOf(db, churn)).filter((held) => held.userId === world.superAdmin.id);
    expect(ours).toMatchObject([{ userId: world.superAdmin.id, releaseAt: Date.parse('2041-04-10T06:00:00Z'), doneAt: null }]);
  });
});

describe('channels chosen per alert kind', () => {
  let world: World;

  beforeAll(async () => {
    world = await createWorld();
  });

  it('should e-mail only when e-mail is all the owner kept, and list it in the digest only when that is all', async () => {
    const device = await newDevice();
    await api(world, '/push/subscriptions', { method: 'POST', token: await sessionFor(world.ownerA), json: device });
    const noon = Date.parse('2041-05-07T11:00:00Z');

    await mySettings(world, world.ownerA, { channels: { queue_too_long: ['email'] } });
    const emailed = await firedAlert(world, { kind: 'queue_too_long', clinicId: world.clinicA, priority: 'P2', channels: ['push', 'email'], firedAt: noon, value: 35 });
    await deliver(emailed, noon);
    expect(await receivedBy(device)).toEqual([]);
    expect(await smtpMessagesTo(world.ownerA.email)).toHaveLength(1);
    expect(await channelsOf(emailed)).toEqual([[world.ownerA.id, 'email', true]]);

    await mySettings(world, world.ownerA, { channels: { queue_too_long: ['digest'] } });
    const listed = await firedAlert(world, { kind: 'queue_too_long', clinicId: world.clinicA, priority: 'P2', channels: ['push', 'email'], firedAt: noon + HOUR, value: 36 });
    await deliver(listed, noon + HOUR);
    await deliver(listed, noon + HOUR);
    expect(await receivedBy(device)).toEqual([]);
    expect(await smtpMessagesTo(world.ownerA.email)).toHaveLength(1);
    // "Whom it reached": the owner, through their Monday digest — once, however often the job runs.
    expect(await channelsOf(listed)).toEqual([[world.ownerA.id, 'digest', true]]);
  });

  it('should push a kind whose rule only e-mails, when the owner chose push', async () => {
    const device = await newDevice();
    await api(world, '/push/subscriptions', { method: 'POST', token: await sessionFor(world.ownerB), json: device });
    await mySettings(world, world.ownerB, { channels: { queue_too_long: ['push'] } });
    const noon = Date.parse('2041-05-08T11:00:00Z');
    const pushed = await firedAlert(world, { kind: 'queue_too_long', clinicId: world.clinicB, priority: 'P2', channels: ['email'], firedAt: noon, value: 40 });
    await deliver(pushed, noon);
    expect(await pushTexts(device)).toMatchObject([{ title: `File d’attente trop longue — Cabinet B ${world.suffix}` }]);
    expect(await smtpMessagesTo(world.ownerB.email)).toEqual([]);
  });
});
