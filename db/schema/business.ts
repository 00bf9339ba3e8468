import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The business as it stood at the end of one UTC day, written by the daily job (and backfilled by
 * the seed): what trends plot for MRR, active clinics and logins, with the plan prices and
 * archives as they were then. Patients and SMS come from the clinics' daily rollups instead.
 */
export const businessDays = sqliteTable('business_days', {
  day: text('day').primaryKey(),
  /** Clinics that existed and were not archived at the end of the day. */
  totalClinics: integer('total_clinics').notNull(),
  /** Clinics with a login in the 30 days up to the end of the day (PRODUCT "active clinics"). */
  activeClinics: integer('active_clinics').notNull(),
  atRisk: integer('at_risk').notNull(),
  churned: integer('churned').notNull(),
  /** JSON object currency → plan prices of active clinics, minor units, e.g. {"TND": 650000}. */
  mrr: text('mrr').notNull(),
  /** Distinct clinics with a login in the last 1, 7 and 30 days up to the end of the day. */
  dau: integer('dau').notNull(),
  wau: integer('wau').notNull(),
  mau: integer('mau').notNull(),
  takenAt: integer('taken_at').notNull(),
});
