import { eq } from 'drizzle-orm';
import { dailyRollups, queueEntries } from '../../db/schema/index.ts';
import { emptyRollupCounters } from '../../worker/domain/rollup.ts';
import { testDatabase } from './world.ts';

/**
 * Opens a clinic's queue on `day`: a rollup with `checkInsQr` check-ins, which is what the alert
 * job takes for an open queue. A day already open keeps the rollup it has.
 */
export async function openQueueDay(clinicId: string, day: string, at: number, checkInsQr: number): Promise<void> {
  await testDatabase().insert(dailyRollups).values({ clinicId, day, ...emptyRollupCounters(), checkinsQr: checkInsQr, updatedAt: at, finalizedAt: null }).onConflictDoNothing();
}

/**
 * Leaves exactly `count` patients waiting in a clinic's queue on `day`, checked in `waitedMs`
 * before `at`, and nobody else: the alert job counts the waiting rows libSQL holds.
 * The one test write that deletes: a queue never forgets an entry, so no db/queries function does.
 */
export async function setWaiting(
  clinicId: string,
  waiting: { day: string; at: number; count: number; waitedMs: number; idPrefix: string; method?: 'qr' | 'manual' },
): Promise<void> {
  const db = testDatabase();
  await db.delete(queueEntries).where(eq(queueEntries.clinicId, clinicId));
  if (waiting.count === 0) return;
  await db.insert(queueEntries).values(
    Array.from({ length: waiting.count }, (_, index) => ({
      clinicId, id: `${waiting.idPrefix}-${index}`, clinicDay: waiting.day, ticketNumber: index + 1, method: waiting.method ?? 'qr', state: 'waiting' as const,
      checkedInAt: waiting.at - waiting.waitedMs, updatedAt: waiting.at - waiting.waitedMs,
    })),
  );
}
