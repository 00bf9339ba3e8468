import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { dailyRollups, events, loginFailures, queueEntries, sessions, sessionSockets, smsMessages } from '../../db/schema/index.ts';
import { storedEventsOf } from '../../db/queries/event-rows.ts';
import { loginFailuresOf } from '../../db/queries/login-attempt-rows.ts';
import { queueEntriesOf, smsMessagesOf } from '../../db/queries/queue-rows.ts';
import { dailyRollupsOf } from '../../db/queries/rollup-rows.ts';
import { sessionSocketsOfClinic } from '../../db/queries/session-rows.ts';
import { emptyRollupCounters } from '../../worker/domain/rollup.ts';
import { SCHEDULES } from '../../worker/scheduled.ts';
import { fireCron, jobAttempts, untilJobAttempts } from '../support/jobs.ts';
import { createWorld, testDatabase, type World } from '../support/world.ts';

const DAY = 86_400_000;
// Long before any other test's rows: this file's retention runs cannot touch theirs.
const RUN_AT = Date.parse('2001-05-01T03:00:00Z');
const CUTOFF = RUN_AT - 90 * DAY;
const OLD = CUTOFF - 10 * DAY;
const KEPT = CUTOFF + 10 * DAY;

/** The nightly trigger, then its retention job through the queue. */
async function runCron(scheduledTime: number): Promise<void> {
  const before = await jobAttempts('retention.run', 'done');
  await fireCron(SCHEDULES.nightly, scheduledTime);
  expect(await untilJobAttempts('retention.run', 'done', before, 1)).toBe(1);
}

describe('retention (daily cron)', () => {
  let world: World;
  const rowsOf = { events: storedEventsOf, entries: queueEntriesOf, sms: smsMessagesOf };
  const count = async (rows: keyof typeof rowsOf) => (await rowsOf[rows](testDatabase(), world.clinicA)).length;

  beforeAll(async () => {
    world = await createWorld();
    const db = testDatabase();
    // More old events than one batch deletes: the run must go on until none is left.
    const eventRows = [
      ...Array.from({ length: 2_500 }, (_, index) => ({ at: OLD + index, id: `old-${index}` })),
      ...Array.from({ length: 3 }, (_, index) => ({ at: KEPT + index, id: `kept-${index}` })),
    ].map(({ at, id }) => ({ clinicId: world.clinicA, id, type: 'clinic_login' as const, entryId: null, occurredAt: at, receivedAt: at, payload: '{"platform":"web"}' }));
    for (let start = 0; start < eventRows.length; start += 500) await db.insert(events).values(eventRows.slice(start, start + 500));
    const entry = (id: string, at: number) => ({ clinicId: world.clinicA, id, clinicDay: new Date(at).toISOString().slice(0, 10), ticketNumber: 1, method: 'qr' as const, state: 'completed' as const, checkedInAt: at, calledAt: at + 60_000, completedAt: at + 120_000, updatedAt: at });
    await db.insert(queueEntries).values([entry('old-entry', OLD), entry('kept-entry', KEPT)]);
    const sms = (id: string, at: number) => ({ clinicId: world.clinicA, id, entryId: null, kind: 'your_turn' as const, status: 'delivered' as const, costMinor: 40, sentAt: at });
    await db.insert(smsMessages).values([sms('old-sms', OLD), sms('kept-sms', KEPT)]);
    // Password attempts: one past the throttle's 15-minute window, one still in it.
    await db.insert(loginFailures).values([
      { keyHash: `attempts-${world.suffix}`, at: RUN_AT - 20 * 60_000 },
      { keyHash: `attempts-${world.suffix}`, at: RUN_AT - 60_000 },
    ]);
    // Where two sessions opened live sockets: one revoked two hours before RUN_AT, one still going.
    await db.insert(sessions).values([
      { tokenHash: `ended-${world.suffix}`, userId: world.ownerA.id, createdAt: OLD, lastSeenAt: OLD, expiresAt: RUN_AT + DAY, revokedAt: RUN_AT - 2 * 3_600_000 },
      { tokenHash: `going-${world.suffix}`, userId: world.ownerA.id, createdAt: OLD, lastSeenAt: OLD, expiresAt: RUN_AT + DAY },
    ]);
    await db.insert(sessionSockets).values([
      { tokenHash: `ended-${world.suffix}`, clinicId: world.clinicA, openedAt: OLD },
      { tokenHash: `going-${world.suffix}`, clinicId: world.clinicA, openedAt: OLD },
    ]);
    await db.insert(dailyRollups).values([
      { clinicId: world.clinicA, day: new Date(OLD).toISOString().slice(0, 10), ...emptyRollupCounters(), checkinsQr: 1, seen: 1, updatedAt: OLD, finalizedAt: OLD },
      { clinicId: world.clinicA, day: new Date(KEPT).toISOString().slice(0, 10), ...emptyRollupCounters(), checkinsQr: 1, seen: 1, updatedAt: KEPT, finalizedAt: KEPT },
    ]);
  });

  it('should delete raw rows older than RETENTION_DAYS, keep newer ones, and keep every rollup', async () => {
    expect(env.RETENTION_DAYS).toBe('90');
    await runCron(RUN_AT);
    expect(await count('events')).toBe(3);
    expect((await queueEntriesOf(testDatabase(), world.clinicA)).map((row) => row.id)).toEqual(['kept-entry']);
    expect((await smsMessagesOf(testDatabase(), world.clinicA)).map((row) => row.id)).toEqual(['kept-sms']);
    const attempts = await loginFailuresOf(testDatabase(), `attempts-${world.suffix}`);
    expect(attempts.map(({ at }) => ({ at }))).toEqual([{ at: RUN_AT - 60_000 }]);
    const sockets = await sessionSocketsOfClinic(testDatabase(), world.clinicA);
    expect(sockets.map(({ tokenHash }) => ({ tokenHash }))).toEqual([{ tokenHash: `going-${world.suffix}` }]);
    const rollups = await dailyRollupsOf(testDatabase(), world.clinicA);
    expect(rollups.map((row) => [row.checkinsQr, row.seen])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('should change nothing when the cron fires twice', async () => {
    await runCron(RUN_AT);
    expect(await count('events')).toBe(3);
    expect(await count('entries')).toBe(1);
    expect(await count('sms')).toBe(1);
  });
});
