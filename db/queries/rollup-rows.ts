/** A clinic's stored rollups, row by row: what the history screens are computed from. */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { dailyRollups, hourlyRollups } from '../schema/rollups.ts';

export type DailyRollupRecord = typeof dailyRollups.$inferSelect;
export type HourlyRollupRecord = typeof hourlyRollups.$inferSelect;

/** Every daily rollup of a clinic, oldest day first. */
export function dailyRollupsOf(db: Database, clinicId: string): Promise<DailyRollupRecord[]> {
  return db.select().from(dailyRollups).where(eq(dailyRollups.clinicId, clinicId)).orderBy(asc(dailyRollups.day));
}

/** One clinic day's rollup, if that day has one. */
export async function dailyRollupOf(db: Database, clinicId: string, day: string): Promise<DailyRollupRecord | undefined> {
  const [row] = await db.select().from(dailyRollups).where(and(eq(dailyRollups.clinicId, clinicId), eq(dailyRollups.day, day)));
  return row;
}

/** Every hourly rollup of a clinic, oldest hour first. */
export function hourlyRollupsOf(db: Database, clinicId: string): Promise<HourlyRollupRecord[]> {
  return db.select().from(hourlyRollups).where(eq(hourlyRollups.clinicId, clinicId)).orderBy(asc(hourlyRollups.hourStart));
}
