// The Worker first: its routes extend zod with OpenAPI before any shared schema module is read.
import { deliverJobs } from '../support/jobs.ts';
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { alertToDeliver } from '../../db/queries/alert-deliveries.ts';
import { pendingAlerts } from '../../db/queries/alert-pending.ts';
import { alertInstancesOfClinic } from '../../db/queries/alert-rows.ts';
import { clinics, queueEntries } from '../../db/schema/index.ts';
import { clinicQueueOf } from '../../worker/clinic-queue/stub.ts';
import { alertWords } from '../../worker/domain/alert-words.ts';
import { addClinicDays } from '../../worker/domain/clinic-time.ts';
import type { QueueEvent } from '../../worker/domain/queue-events.ts';
import { clinicQueueHourReader, evaluateAlerts, type HourComparisonReader } from '../../worker/jobs/alert-evaluation.ts';
import { eventually } from '../support/eventually.ts';
import { drainOutbox } from '../support/queue-story.ts';
import { smtpMessagesTo } from '../support/smtp-inbox.ts';
import { createWorld, testDatabase } from '../support/world.ts';
import { insertClinics } from '../../db/queries/clinic-prices.ts';

/**
 * "Unusual for this hour" as an alert, on a Tuesday in Tunis (UTC+1) far from other tests'
 * instants. On the clinic's three Tuesdays before, `usualWaiting` patients arrive at 09:55 and are
 * called at 10:50: the waiting room usually holds that many all through ten o'clock.
 */
const DAY = '2037-06-09';
const MINUTE = 60_000;
const TZ = 'Africa/Tunis';
const RULE = 'default-unusual-hour';
const tunis = (time: string, day = DAY) => Date.parse(`${day}T${time}+01:00`);
const db = testDatabase();

/** The three Tuesdays before `today` of a clinic (a new one unless given). */
async function usualTuesdays(usualWaiting: number, today = DAY, existing?: string): Promise<string> {
  const clinicId = existing ?? `clinic-unusual-${crypto.randomUUID().slice(0, 8)}`;
  if (existing === undefined) await insertClinics(db, [{ id: clinicId, name: `Cabinet ${clinicId}`, timezone: TZ, planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: 0 }]);
  const rows = [7, 14, 21].flatMap((back) => {
    const day = addClinicDays(today, -back);
    return Array.from({ length: usualWaiting }, (_, index) => {
      const checkedInAt = tunis('09:55:00', day) + index * 1000;
      return {
        clinicId, id: `${day}-${index}`, clinicDay: day, ticketNumber: index + 1, method: 'qr' as const, state: 'completed' as const,
        checkedInAt, calledAt: tunis('10:50:00', day), completedAt: tunis('11:00:00', day), updatedAt: tunis('11:00:00', day),
      };
    });
  });
  await db.insert(queueEntries).values(rows);
  return clinicId;
}

const at = (clinicId: string, label: string, time: string, body: Record<string, unknown>, day = DAY) => ({ id: `${clinicId}-${day}-${label}`, occurredAt: `${day}T${time}+01:00`, ...body }) as QueueEvent;

/** Today from 09:59: the doctor in, `count` patients checked in a second apart from 10:00; libSQL has it all (the queue is open). */
async function arrive(clinicId: string, count: number, day = DAY): Promise<void> {
  const events = [
    at(clinicId, 'in', '09:59:00', { type: 'doctor_presence_changed', present: true }, day),
    ...Array.from({ length: count }, (_, index) => at(clinicId, `p${index}`, `10:00:${String(index).padStart(2, '0')}`, { type: 'patient_added', entryId: `p${index}`, method: 'qr' }, day)),
  ];
  expect(await clinicQueueOf(env, clinicId).ingest(clinicId, events, tunis('10:01:00', day))).toMatchObject({ accepted: events.length, rejected: [] });
  await drainOutbox(clinicId);
}

async function call(clinicId: string, entries: readonly number[], time: string): Promise<void> {
  const events = entries.map((index) => at(clinicId, `call-${index}`, time, { type: 'patient_called', entryId: `p${index}` }));
  expect(await clinicQueueOf(env, clinicId).ingest(clinicId, events, tunis(time))).toMatchObject({ accepted: events.length, rejected: [] });
  await drainOutbox(clinicId);
}

describe('an "unusual for this hour" alert', () => {
  const readHour = clinicQueueHourReader({ clinicQueue: (clinicId) => clinicQueueOf(env, clinicId) });
  /** A ClinicQueue that does not answer for `clinicId` (the others do). */
  const silentFor =
    (clinicId: string): HourComparisonReader =>
    (asked, now) =>
      asked === clinicId ? Promise.reject(new Error('ClinicQueue did not answer')) : readHour(asked, now);
  let busy: string;
  let quiet: string;
  const instancesOf = (clinicId: string) => alertInstancesOfClinic(db, clinicId, { ruleId: RULE });
  const pendingOf = async (clinicId: string) => (await pendingAlerts(db, [RULE])).filter((row) => row.subjectKey === clinicId).map((row) => row.since);
  const evaluate = (time: string, reader: HourComparisonReader = readHour) => evaluateAlerts(db, tunis(time), ['unusual_hour'], reader);

  beforeAll(async () => {
    // 14 waiting where 6 usually wait: 2.3×. And 3 waiting where 1 usually waits: 3×, but under the volume floor of 4.
    [busy, quiet] = await Promise.all([usualTuesdays(6), usualTuesdays(1)]);
    await arrive(busy, 14);
    await arrive(quiet, 3);
  });

  it('should fire after 10 minutes at 2× the usual, unmoved by a queue that did not answer, and say the figure against the usual', async () => {
    await evaluate('10:05:00');
    expect(await pendingOf(busy)).toEqual([tunis('10:05:00')]);
    expect(await instancesOf(busy)).toEqual([]);
    // Its queue does not answer: the wait keeps its first sighting, nothing lapses.
    await evaluate('10:10:00', silentFor(busy));
    expect(await pendingOf(busy)).toEqual([tunis('10:05:00')]);
    const notices = await evaluate('10:15:00');

    const [fired, ...more] = await instancesOf(busy);
    expect(more).toEqual([]);
    expect(fired).toMatchObject({ subjectKey: busy, clinicId: busy, value: 14 / 6, firedAt: tunis('10:15:00'), resolvedAt: null });
    expect(notices.filter((notice) => notice.instanceId === fired?.id).map((notice) => notice.step)).toEqual(['fire']);
    expect(await pendingOf(busy)).toEqual([]);
    const delivered = await alertToDeliver(db, fired?.id ?? '');
    expect(delivered).toMatchObject({ kind: 'unusual_hour', priority: 'P2', threshold: 2 });
    expect(delivered?.detail).toEqual({ kind: 'unusual_hour', figure: 'waiting', value: 14, usual: 6, ratio: 14 / 6, weekday: 1, hour: 10 });
    expect(alertWords({ kind: 'unusual_hour', locale: 'fr', value: fired?.value ?? 0, threshold: 2, clinicName: 'Cabinet Ennasr', reminder: false, detail: delivered?.detail ?? null }).body).toBe(
      'Salle d’attente : 14 patients, 2,3× l’habituel du mardi à 10 h.',
    );
  });

  it('should hold between 1.5× and 2×, stay open while its queue does not answer, and resolve below 1.5×', async () => {
    // Four called at 10:16: 10 wait where 6 usually do, 1.7×.
    await call(busy, [0, 1, 2, 3], '10:16:00');
    await evaluate('10:20:00');
    expect((await instancesOf(busy)).map((instance) => instance.resolvedAt)).toEqual([null]);
    // Two more at 10:21: 8 waiting, 1.3× — but the queue does not answer at 10:25.
    await call(busy, [4, 5], '10:21:00');
    await evaluate('10:25:00', silentFor(busy));
    expect((await instancesOf(busy)).map((instance) => instance.resolvedAt)).toEqual([null]);
    await evaluate('10:30:00');
    expect((await instancesOf(busy)).map((instance) => instance.resolvedAt)).toEqual([tunis('10:30:00')]);
    await evaluate('10:35:00');
    expect(await instancesOf(busy)).toHaveLength(1);
    expect(await pendingOf(busy)).toEqual([]);
  });

  it('should say nothing of a clinic under the volume floor, however large its ratio', async () => {
    expect(await instancesOf(quiet)).toEqual([]);
    expect(await pendingOf(quiet)).toEqual([]);
    const comparisons = await readHour(quiet, tunis('10:35:00'));
    expect(comparisons).toEqual([]);
  });
});

describe('an "unusual for this hour" alert through the job queue', () => {
  it("should reach the clinic's owner by e-mail, in French, with the figure against the usual Tuesday at ten", async () => {
    const day = '2037-06-16';
    const world = await createWorld();
    await usualTuesdays(6, day, world.clinicA);
    await arrive(world.clinicA, 15, day);
    // The 5-minute job as the queue runs it: through the Worker's runtime and each clinic's ClinicQueue.
    for (const time of ['10:05:00', '10:15:00']) {
      const { retryMessages } = await deliverJobs([{ type: 'alerts.evaluate', at: tunis(time, day), kinds: ['unusual_hour'] }]);
      expect(retryMessages).toEqual([]);
    }
    expect((await alertInstancesOfClinic(db, world.clinicA, { ruleId: RULE })).map((instance) => [instance.value, instance.firedAt])).toEqual([[2.5, tunis('10:15:00', day)]]);
    const mails = await eventually(() => smtpMessagesTo(world.ownerA.email), (received) => received.length > 0);
    expect(mails.map((mail) => mail.subject)).toEqual([`Inhabituel pour l’heure — Cabinet A ${world.suffix}`]);
    expect(mails[0]?.text).toContain('Salle d’attente : 15 patients, 2,5× l’habituel du mardi à 10 h.');
    expect(await smtpMessagesTo(world.staffA.email)).toEqual([]);
  });
});
