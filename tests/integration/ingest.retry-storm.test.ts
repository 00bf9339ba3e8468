import { beforeAll, describe, expect, it } from 'vitest';
import { storedEventTally } from '../../db/queries/event-rows.ts';
import { queueEntriesOf } from '../../db/queries/queue-rows.ts';
import type { QueueEvent } from '../../worker/domain/queue-events.ts';
import { drainOutbox, eventId, ingest, todaysTimeline } from '../support/queue-story.ts';
import { api, createWorld, signIn, testDatabase, type World } from '../support/world.ts';

const PATIENTS = 500;
const EVENTS_PER_PATIENT = 4;
const PATIENTS_PER_BATCH = 10;
const IN_FLIGHT = 16;

/** A deterministic shuffle, so a failure can be replayed. */
function mulberry(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('a retry storm: 2,000 events, each sent 1–3 times, concurrently', () => {
  let world: World;
  const random = mulberry(2026);
  const t = todaysTimeline('Africa/Tunis', PATIENTS * EVENTS_PER_PATIENT + 1);
  const batches: QueueEvent[][] = [];

  beforeAll(async () => {
    world = await createWorld();
    for (let first = 0; first < PATIENTS; first += PATIENTS_PER_BATCH) {
      const batch: QueueEvent[] = [];
      for (let patient = first; patient < first + PATIENTS_PER_BATCH; patient += 1) {
        const entryId = `storm-${world.suffix}-${patient}`;
        const step = (n: number) => t.iso(patient * EVENTS_PER_PATIENT + n + 1);
        batch.push(
          { id: eventId('storm'), type: 'patient_added', entryId, method: patient % 3 === 0 ? 'manual' : 'qr', occurredAt: step(0) },
          { id: eventId('storm'), type: 'patient_called', entryId, occurredAt: step(1) },
          { id: eventId('storm'), type: 'consultation_started', entryId, occurredAt: step(2) },
          { id: eventId('storm'), type: 'patient_completed', entryId, occurredAt: step(3) },
        );
      }
      // The queue app's batches arrive in any order inside, and are retried whole.
      batches.push(batch.sort(() => random() - 0.5));
    }
  });

  it('should store every event exactly once and count the resends as duplicates', async () => {
    const sends = batches.flatMap((batch) => Array.from({ length: 1 + Math.floor(random() * 3) }, () => batch)).sort(() => random() - 0.5);
    let accepted = 0;
    let duplicates = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < sends.length) {
          const batch = sends[next];
          next += 1;
          if (batch === undefined) continue;
          const { status, body } = await ingest(world, world.keyA, batch);
          expect(status).toBe(200);
          expect(body.rejected).toEqual([]);
          accepted += body.accepted;
          duplicates += body.duplicates;
        }
      }),
    );
    expect(accepted).toBe(PATIENTS * EVENTS_PER_PATIENT);
    expect(duplicates).toBe(sends.length * PATIENTS_PER_BATCH * EVENTS_PER_PATIENT - accepted);

    await drainOutbox(world.clinicA);
    const db = testDatabase();
    const stored = await storedEventTally(db, world.clinicA);
    expect(stored).toEqual({ rows: 2_000, distinctIds: 2_000 });
    const entries = await queueEntriesOf(db, world.clinicA);
    expect(entries).toHaveLength(PATIENTS);
    expect(new Set(entries.map((entry) => entry.state))).toEqual(new Set(['completed']));
    expect(entries.map((entry) => entry.ticketNumber).sort((a, b) => a - b)).toEqual(Array.from({ length: PATIENTS }, (_, index) => index + 1));
  });

  it('should give exact figures after the storm', async () => {
    const doctor = await signIn(world, world.ownerA);
    const figures = await (await api(world, `/clinics/${world.clinicA}/stats/today`, { token: doctor })).json<Record<string, unknown>>();
    const minutes = (ms: number) => Math.round(ms / 6_000) / 10;
    expect(figures).toMatchObject({
      waiting: 0,
      seenToday: PATIENTS,
      avgWaitMinutes: minutes(t.step),
      maxWaitMinutes: minutes(t.step),
      noShowsToday: 0,
      checkIns: { qr: 333, manual: 167 },
      avgConsultationMinutes: minutes(t.step),
      estimatedEndAt: null,
    });
  });
});
