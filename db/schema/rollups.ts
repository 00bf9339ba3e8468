import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clinics } from './clinics.ts';

/** The counters kept for every rollup bucket, daily or hourly. */
function rollupCounters() {
  return {
    checkinsQr: integer('checkins_qr').notNull().default(0),
    checkinsManual: integer('checkins_manual').notNull().default(0),
    seen: integer('seen').notNull().default(0),
    noShows: integer('no_shows').notNull().default(0),
    cancelled: integer('cancelled').notNull().default(0),
    waitSumMs: integer('wait_sum_ms').notNull().default(0),
    waitCount: integer('wait_count').notNull().default(0),
    waitMaxMs: integer('wait_max_ms').notNull().default(0),
    consultSumMs: integer('consult_sum_ms').notNull().default(0),
    consultCount: integer('consult_count').notNull().default(0),
    smsSent: integer('sms_sent').notNull().default(0),
    smsFailed: integer('sms_failed').notNull().default(0),
    smsCostMinor: integer('sms_cost_minor').notNull().default(0),
    unfinished: integer('unfinished').notNull().default(0),
    calledWithinTarget: integer('called_within_target').notNull().default(0),
    quoted: integer('quoted').notNull().default(0),
    quoteAbsErrorSum: integer('quote_abs_error_sum').notNull().default(0),
    quoteWithinRange: integer('quote_within_range').notNull().default(0),
    quoteUnderQuoted: integer('quote_under_quoted').notNull().default(0),
    /** |waited − quoted| in whole minutes → count, as JSON: medians over any window stay exact. */
    quoteAbsErrors: text('quote_abs_errors', { mode: 'json' }).$type<Record<string, number>>().notNull().default({}),
    /** Entries whose walk-out risk was scored when they ended (PRODUCT: walk-out risk), and their Brier sums. */
    walkOutScored: integer('walk_out_scored').notNull().default(0),
    walkOutBrierSum: real('walk_out_brier_sum').notNull().default(0),
    walkOutBaseRateBrierSum: real('walk_out_base_rate_brier_sum').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  };
}

/** One clinic day (YYYY-MM-DD in the clinic's zone). Kept forever: history outlives raw rows. */
export const dailyRollups = sqliteTable(
  'daily_rollups',
  {
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    day: text('day').notNull(),
    ...rollupCounters(),
    /** Set at the clinic's midnight; a finalised day no longer changes. */
    finalizedAt: integer('finalized_at'),
  },
  (table) => [
    primaryKey({ columns: [table.clinicId, table.day] }),
    // Business trends: one day across all clinics.
    index('daily_rollups_day_idx').on(table.day),
  ],
);

/**
 * One local hour of a clinic. Keyed by the hour's UTC start so the repeated hour of a DST
 * fall-back day stays two buckets; `day` and `hour` are its local labels for grouping.
 */
export const hourlyRollups = sqliteTable(
  'hourly_rollups',
  {
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    hourStart: integer('hour_start').notNull(),
    day: text('day').notNull(),
    hour: integer('hour').notNull(),
    ...rollupCounters(),
  },
  (table) => [
    primaryKey({ columns: [table.clinicId, table.hourStart] }),
    // Peak hours and the weekday x hour heat map of one clinic over a window of days.
    index('hourly_rollups_clinic_day_idx').on(table.clinicId, table.day),
  ],
);
