/**
 * What an alert saw when it fired, beyond its one value, for the alerts whose sentence needs more
 * than a number and a threshold: which figure of the hour was unusual and against which usual
 * value, which SMS budget level of which month. Kept as JSON with the alert's line on the clinic's
 * timeline (`alert_fired`), so it is checked when read back, not trusted.
 */
import { z } from 'zod';

/** "Unusual for this hour": the waiting room or the wait, now against the usual for the weekday and hour. */
export const UnusualHourDetailSchema = z.object({
  kind: z.literal('unusual_hour'),
  figure: z.enum(['waiting', 'wait']),
  /** Patients waiting, or the last hour's mean wait in minutes. */
  value: z.number().nonnegative(),
  usual: z.number().nonnegative(),
  ratio: z.number().nonnegative(),
  /** 0 = Monday, as hour-baselines numbers them; the clinic's local hour. */
  weekday: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
});

/** The SMS budget: a share of it spent (0.8, 1), or the month's projection past it. */
export const SmsBudgetDetailSchema = z.object({
  kind: z.literal('sms_budget'),
  level: z.enum(['share', 'projection']),
  /** The share of the budget this level is about: the spent share that fired it, or 1 for the projection. */
  share: z.number().positive(),
  /** `YYYY-MM`, the clinic's own month. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  currency: z.string().min(1),
  budgetMinor: z.number().int().positive(),
  costMinor: z.number().int().nonnegative(),
  projectedMonthEndMinor: z.number().int().nonnegative().nullable(),
});

export const AlertDetailSchema = z.discriminatedUnion('kind', [UnusualHourDetailSchema, SmsBudgetDetailSchema]);

export type UnusualHourDetail = z.infer<typeof UnusualHourDetailSchema>;
export type SmsBudgetDetail = z.infer<typeof SmsBudgetDetailSchema>;
export type AlertDetail = z.infer<typeof AlertDetailSchema>;

/** A stored detail read back: null when absent or not one this version knows. */
export function parseAlertDetail(stored: unknown): AlertDetail | null {
  const parsed = AlertDetailSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
