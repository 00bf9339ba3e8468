import type { Database } from '../../db/client.ts';
import { businessDaysBetween } from '../../db/queries/business.ts';
import { snapshotBusinessDays } from '../../db/queries/business-snapshots.ts';
import { addClinicDays, clinicDayOf, nextClinicDay } from '../domain/clinic-time.ts';

export { snapshotBusinessDays };

/** How far back a first run (or a long outage) fills in: trends show a year. */
const MAX_BACKFILL_DAYS = 400;

/**
 * The daily job: every finished UTC day without a snapshot, up to yesterday, is written. A cron
 * fired twice, or after days of outage, ends with the same rows.
 */
export async function snapshotMissingBusinessDays(db: Database, now: number): Promise<number> {
  const yesterday = addClinicDays(clinicDayOf(now, 'UTC'), -1);
  const earliest = addClinicDays(yesterday, -(MAX_BACKFILL_DAYS - 1));
  const existing = new Set((await businessDaysBetween(db, earliest, yesterday)).map((row) => row.day));
  let written = 0;
  for (let day = earliest; day <= yesterday; day = nextClinicDay(day)) {
    if (existing.has(day)) continue;
    written += await snapshotBusinessDays(db, { from: day, to: day }, now);
  }
  return written;
}
