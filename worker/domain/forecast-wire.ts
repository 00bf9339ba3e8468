/**
 * The answers of `GET /clinics/{id}/forecast` and `GET /clinics/{id}/stats/forecast-accuracy`
 * (PRODUCT: forecast). Shared by the Worker and the PWA. Counts are check-ins (arrivals); the
 * forecast's method is documented in arrival-forecast.ts, its scoring in forecast-accuracy.ts.
 */
import { z } from 'zod';
import { FORECAST_METHODS } from './arrival-forecast.ts';
import { DayRangeSchema, TIMEFRAMES } from './history-wire.ts';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ForecastRangeSchema = z.object({ expected: z.number(), low: z.number().int(), high: z.number().int() });
export const ForecastHourSchema = ForecastRangeSchema.extend({ hour: z.number().int().min(0).max(23) });

export const ForecastAnswerSchema = z.object({
  clinicId: z.string(),
  timezone: z.string(),
  day: Day,
  /** The first day the forecast did not know: only the days before it were learnt from. */
  asOf: Day,
  method: z.enum(FORECAST_METHODS),
  hours: z.array(ForecastHourSchema),
  total: ForecastRangeSchema,
  /** When today's forecast was frozen (clinic time); null for the days ahead, which move until their midnight. */
  frozenAt: z.string().nullable(),
  /**
   * Today only: when the last patient should be done (clinic time), as a point and a range, from the
   * wait estimator and the arrivals still expected; null when nobody is waiting or expected.
   */
  end: z.object({ expected: z.string(), low: z.string(), high: z.string() }).nullable().optional(),
});
export type ForecastAnswer = z.infer<typeof ForecastAnswerSchema>;

export const ScoredForecastDaySchema = z.object({
  day: Day,
  method: z.string(),
  expected: z.number(),
  low: z.number().int(),
  high: z.number().int(),
  actual: z.number().int(),
  absError: z.number(),
  inside: z.boolean(),
  hoursScored: z.number().int(),
  hoursInside: z.number().int(),
  /** The seasonal naive forecast's error the same day (same weekday a week before): the baseline. */
  naiveAbsError: z.number().nullable(),
});

const EndAccuracySchema = z.object({ predictions: z.number().int(), meanAbsErrorMinutes: z.number().nullable(), insideShare: z.number().nullable() });

export const ForecastAccuracyAnswerSchema = z.object({
  clinicId: z.string(),
  timezone: z.string(),
  timeframe: z.enum(TIMEFRAMES),
  period: DayRangeSchema,
  days: z.array(ScoredForecastDaySchema),
  /** Per local hour, over the scored hours of the window. */
  byHour: z.array(z.object({ hour: z.number().int(), scored: z.number().int(), meanAbsError: z.number(), insideShare: z.number() })),
  /** Means over the scored days (0.1 for patients, 0.0001 for shares); null without any. */
  summary: z.object({
    days: z.number().int(),
    meanAbsErrorPerDay: z.number().nullable(),
    meanAbsErrorPerHour: z.number().nullable(),
    hoursInsideShare: z.number().nullable(),
    daysInsideShare: z.number().nullable(),
    naiveMeanAbsErrorPerDay: z.number().nullable(),
    naiveMeanAbsErrorPerHour: z.number().nullable(),
  }),
  /**
   * Today's end as the forecast answered it (the first answer of each local hour), against when the
   * last called patient was done: minutes off (0.1) and the share inside the range; days nobody was
   * called are not judged.
   */
  end: EndAccuracySchema,
  endByDay: z.array(EndAccuracySchema.extend({ day: Day })),
});
export type ForecastAccuracyAnswer = z.infer<typeof ForecastAccuracyAnswerSchema>;
