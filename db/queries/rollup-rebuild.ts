/**
 * Rebuilding a clinic's rollups from its raw rows (`npm run db:rollup`): after a fix to the
 * rollup rules, or to check the incremental ones. Idempotent: the range's rollups are replaced
 * as a whole in one transaction, so running it twice, or over rollups that were already right,
 * leaves the same rows.
 */
import { and, between, eq, gte, lt } from 'drizzle-orm';
import { addClinicDays, clinicDayOf, nextClinicDay, startOfClinicDay } from '../../worker/domain/clinic-time.ts';
import type { DayRange } from '../../worker/domain/history-figures.ts';
import { rollupClinic } from '../../worker/domain/rollup.ts';
import { chunksOf } from '../chunks.ts';
import type { Database } from '../client.ts';
import { clinics } from '../schema/clinics.ts';
import { queueEntries, smsMessages } from '../schema/queue.ts';
import { dailyRollups, hourlyRollups } from '../schema/rollups.ts';
import { writeBatch } from '../write-batch.ts';

const ROWS_PER_STATEMENT = 400;

export class RollupRebuildRefused extends Error {}

/**
 * Replaces the clinic's daily and hourly rollups of `range` (clinic days, inclusive) with ones
 * computed from its entries and SMS. Refuses days retention may have thinned (any part before
 * `retentionCutoff`): their rollups are the only full record left and must not be wiped.
 */
export async function rebuildRollups(
  db: Database,
  options: { clinicId: string; range: DayRange; retentionCutoff: number; now: number },
): Promise<{ daily: number; hourly: number }> {
  const { clinicId, range, now } = options;
  if (range.from > range.to) throw new RollupRebuildRefused(`--from ${range.from} is after --to ${range.to}`);
  const [clinic] = await db.select({ timezone: clinics.timezone, serviceTargetMinutes: clinics.serviceTargetMinutes }).from(clinics).where(eq(clinics.id, clinicId)).limit(1);
  if (clinic === undefined) throw new RollupRebuildRefused(`no clinic ${clinicId}`);
  const firstWholeDay = firstDayFrom(options.retentionCutoff, clinic.timezone);
  if (range.from < firstWholeDay) {
    throw new RollupRebuildRefused(`raw rows before ${firstWholeDay} are deleted by retention; the rollups before it are the only record and are kept`);
  }
  const startsAt = startOfClinicDay(range.from, clinic.timezone);
  const endsAt = startOfClinicDay(nextClinicDay(range.to), clinic.timezone);
  // A patient who checked in the evening before may be called after midnight, inside the range.
  const [entries, sms] = await db.batch([
    db.select().from(queueEntries).where(and(eq(queueEntries.clinicId, clinicId), between(queueEntries.clinicDay, addClinicDays(range.from, -1), range.to))),
    db.select().from(smsMessages).where(and(eq(smsMessages.clinicId, clinicId), gte(smsMessages.sentAt, startsAt), lt(smsMessages.sentAt, endsAt))),
  ]);
  const { daily, hourly } = rollupClinic({ clinicId, timezone: clinic.timezone, serviceTargetMinutes: clinic.serviceTargetMinutes, entries, sms, now, days: range });
  await writeBatch(db, [
    db.delete(dailyRollups).where(and(eq(dailyRollups.clinicId, clinicId), between(dailyRollups.day, range.from, range.to))),
    db.delete(hourlyRollups).where(and(eq(hourlyRollups.clinicId, clinicId), between(hourlyRollups.day, range.from, range.to))),
    ...chunksOf(daily, ROWS_PER_STATEMENT).map((rows) => db.insert(dailyRollups).values(rows)),
    ...chunksOf(hourly, ROWS_PER_STATEMENT).map((rows) => db.insert(hourlyRollups).values(rows)),
  ]);
  return { daily: daily.length, hourly: hourly.length };
}

/** The first clinic day that starts at or after `instant`. */
function firstDayFrom(instant: number, timezone: string): string {
  const day = clinicDayOf(instant, timezone);
  return startOfClinicDay(day, timezone) >= instant ? day : nextClinicDay(day);
}
