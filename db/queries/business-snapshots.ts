import { businessStandingAt } from '../../worker/domain/business-figures.ts';
import { nextClinicDay, startOfClinicDay } from '../../worker/domain/clinic-time.ts';
import type { Database } from '../client.ts';
import { clinicsStandingAt, saveBusinessDay } from './business.ts';

/**
 * Writes the business as it stood at the end of each UTC day of `from`…`to` (upserts: safe to
 * repeat). The daily job and the demo seed both write through it.
 */
export async function snapshotBusinessDays(db: Database, range: { from: string; to: string }, now: number): Promise<number> {
  let written = 0;
  for (let day = range.from; day <= range.to; day = nextClinicDay(day)) {
    const end = Math.min(startOfClinicDay(nextClinicDay(day), 'UTC') - 1, now);
    // business_days keeps no onboarding count (its churned column leaves them out, as every figure does).
    const { onboarding: _onboarding, ...standing } = businessStandingAt(await clinicsStandingAt(db, end), end);
    await saveBusinessDay(db, { day, ...standing, mrr: JSON.stringify(standing.mrr), takenAt: now });
    written += 1;
  }
  return written;
}
