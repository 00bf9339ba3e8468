import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { ForecastHour } from '../../worker/domain/arrival-forecast.ts';
import { clinics } from './clinics.ts';

/**
 * A clinic day's arrivals forecast as it stood at the clinic's midnight (PRODUCT: forecast),
 * frozen once and never rewritten, then scored once the day has ended against its hourly rollups.
 */
export const dayForecasts = sqliteTable(
  'day_forecasts',
  {
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    day: text('day').notNull(),
    method: text('method').notNull(),
    /** [{ hour, expected, low, high }] per local hour of the day. */
    hours: text('hours', { mode: 'json' }).$type<ForecastHour[]>().notNull(),
    expected: real('expected').notNull(),
    low: integer('low').notNull(),
    high: integer('high').notNull(),
    frozenAt: integer('frozen_at').notNull(),
    /** Set once, when the day has ended: what happened and how far the forecast was. */
    actual: integer('actual'),
    /** [{ hour, actual, absError, inside }] per scored hour. */
    actualHours: text('actual_hours', { mode: 'json' }).$type<Array<{ hour: number; actual: number; absError: number; inside: boolean }>>(),
    absError: real('abs_error'),
    totalInside: integer('total_inside', { mode: 'boolean' }),
    hoursScored: integer('hours_scored'),
    hoursInside: integer('hours_inside'),
    hourlyAbsErrorSum: real('hourly_abs_error_sum'),
    /** The same errors for the seasonal naive forecast (the same weekday a week before), the baseline shown with them. */
    naiveAbsError: real('naive_abs_error'),
    naiveHourlyAbsErrorSum: real('naive_hourly_abs_error_sum'),
    scoredAt: integer('scored_at'),
  },
  (table) => [primaryKey({ columns: [table.clinicId, table.day] })],
);

/**
 * Today's end as the forecast answered it (PRODUCT: forecast, "today's end as a range"): the first
 * answer of each local hour is kept, and scored once the day has ended against when its last
 * patient was done.
 */
export const dayEndPredictions = sqliteTable(
  'day_end_predictions',
  {
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    day: text('day').notNull(),
    /** The local hour the prediction was made in. */
    hour: integer('hour').notNull(),
    madeAt: integer('made_at').notNull(),
    expected: integer('expected').notNull(),
    low: integer('low').notNull(),
    high: integer('high').notNull(),
    /** When the day's last patient was done (completed, or marked absent); null when nobody was called. */
    actual: integer('actual'),
    absErrorMinutes: real('abs_error_minutes'),
    inside: integer('inside', { mode: 'boolean' }),
    scoredAt: integer('scored_at'),
  },
  (table) => [primaryKey({ columns: [table.clinicId, table.day, table.hour] })],
);
