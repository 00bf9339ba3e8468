import type { Database } from '../../db/client.ts';
import { businessDaysBetween, clinicsStandingAt, saveBusinessDay } from '../../db/queries/business.ts';
import { businessStandingAt } from '../domain/business-figures.ts';
import { addClinicDays, clinicDayOf, nextClinicDay, startOfClinicDay } from '../domain/clinic-time.ts';

/** How far back a first run (or a long outage) fills in: trends show a year. */
const MAX_BACKFILL_DAYS = 400;

/** Writes the business as it stood at the end of each UTC day of `from`…`to` (upserts: safe to repeat). */
export async function snapshotBusinessDays(db: Database, range: { from: string; to: string }, now: number): Promise<number> {
  let written = 0;
  for (let day = range.from; day <= range.to; day = nextClinicDay(day)) {
    const end = Math.min(startOfClinicDay(nextClinicDay(day), 'UTC') - 1, now);
    const standing = businessStandingAt(await clinicsStandingAt(db, end), end);
    await saveBusinessDay(db, { day, ...standing, mrr: JSON.stringify(standing.mrr), takenAt: now });
    written += 1;
  }
  return written;
}

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
