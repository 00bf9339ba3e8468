import { beforeAll, describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../worker/domain/queue-events.ts';
import { eventId, ingest, todaysTimeline } from '../support/queue-story.ts';
import { api, createWorld, signIn, type World } from '../support/world.ts';

describe('a morning at clinic A, sent by its queue app', () => {
  let world: World;
  let doctor: string;
  const t = todaysTimeline('Africa/Tunis', 10);
  const ids = { e1: eventId('entry'), e2: eventId('entry'), e3: eventId('entry') };
  const story: QueueEvent[] = [
    { id: eventId('ev'), type: 'doctor_presence_changed', present: true, occurredAt: t.iso(0) },
    { id: eventId('ev'), type: 'patient_added', entryId: ids.e1, method: 'qr', occurredAt: t.iso(1) },
    { id: eventId('ev'), type: 'patient_added', entryId: ids.e2, method: 'manual', occurredAt: t.iso(2) },
    { id: eventId('ev'), type: 'patient_added', entryId: ids.e3, method: 'qr', occurredAt: t.iso(3) },
    { id: eventId('ev'), type: 'patient_called', entryId: ids.e1, occurredAt: t.iso(4) },
    { id: eventId('ev'), type: 'consultation_started', entryId: ids.e1, occurredAt: t.iso(5) },
    { id: eventId('ev'), type: 'patient_completed', entryId: ids.e1, occurredAt: t.iso(7) },
    { id: eventId('ev'), type: 'patient_called', entryId: ids.e2, occurredAt: t.iso(8) },
    { id: eventId('ev'), type: 'patient_no_show', entryId: ids.e2, occurredAt: t.iso(9) },
  ];

  beforeAll(async () => {
    world = await createWorld();
    doctor = await signIn(world, world.ownerA);
  });

  it('should accept every event once, in any order within the batch', async () => {
    const shuffled = [...story].reverse();
    expect(await ingest(world, world.keyA, shuffled)).toEqual({ status: 200, body: { accepted: 9, duplicates: 0, rejected: [] } });
  });

  it('should count a resent batch as duplicates and change nothing', async () => {
    const before = await (await api(world, `/clinics/${world.clinicA}/stats/today`, { token: doctor })).json<{ waiting: number }>();
    expect(await ingest(world, world.keyA, story)).toEqual({ status: 200, body: { accepted: 0, duplicates: 9, rejected: [] } });
    const after = await (await api(world, `/clinics/${world.clinicA}/stats/today`, { token: doctor })).json<{ waiting: number }>();
    expect(after.waiting).toBe(before.waiting);
  });

  it("should give the doctor today's figures exactly as PRODUCT.md defines them", async () => {
    const asked = Date.now();
    const response = await api(world, `/clinics/${world.clinicA}/stats/today`, { token: doctor });
    const answered = Date.now();
    expect(response.status).toBe(200);
    const figures = await response.json<Record<string, unknown> & { maxWaitMinutes: number; estimatedEndAt: string }>();
    const minutes = (ms: number) => Math.round(ms / 6_000) / 10;
    expect(figures).toMatchObject({
      waiting: 1,
      seenToday: 1,
      // Waits of entries called today: e1 waited 3 steps, e2 6 steps.
      avgWaitMinutes: minutes(4.5 * t.step),
      noShowsToday: 1,
      checkIns: { qr: 2, manual: 1, qrShare: 2 / 3 },
      avgConsultationMinutes: minutes(2 * t.step),
      doctorPresent: true,
      timezone: 'Africa/Tunis',
    });
    // e3 has been waiting since step 3: the longest wait grows while the request is in flight.
    expect(figures.maxWaitMinutes).toBeGreaterThanOrEqual(minutes(asked - t.at(3)) - 0.1);
    expect(figures.maxWaitMinutes).toBeLessThanOrEqual(minutes(answered - t.at(3)) + 0.1);
    // One patient ahead, fewer than 3 consultations today and no history: 15 minutes each.
    const end = Date.parse(figures.estimatedEndAt);
    expect(end).toBeGreaterThanOrEqual(asked + 15 * 60_000 - 1_000);
    expect(end).toBeLessThanOrEqual(answered + 15 * 60_000 + 1_000);
    expect(figures.estimatedEndAt).toMatch(/\+01:00$/);
  });

  it("should list today's tickets without personal data", async () => {
    const list = await (await api(world, `/clinics/${world.clinicA}/queue`, { token: doctor })).json<{ entries: Array<Record<string, unknown>> }>();
    expect(list.entries.map(({ ticketNumber, state, method }) => ({ ticketNumber, state, method }))).toEqual([
      { ticketNumber: 1, state: 'completed', method: 'qr' },
      { ticketNumber: 2, state: 'no_show', method: 'manual' },
      { ticketNumber: 3, state: 'waiting', method: 'qr' },
    ]);
    expect(Object.keys(list.entries[0] ?? {}).sort()).toEqual(['checkedInAt', 'entryId', 'estimate', 'method', 'minutesWaited', 'position', 'quote', 'state', 'ticketNumber', 'waitedMinutes', 'walkOutRisk']);
  });

  it("should keep clinic B's figures apart", async () => {
    const ownerB = await signIn(world, world.ownerB);
    const b = await (await api(world, `/clinics/${world.clinicB}/stats/today`, { token: ownerB })).json<{ waiting: number; seenToday: number }>();
    expect(b).toMatchObject({ waiting: 0, seenToday: 0 });
    expect((await api(world, `/clinics/${world.clinicA}/stats/today`, { token: ownerB })).status).toBe(404);
  });
});
