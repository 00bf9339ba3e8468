import { z } from 'zod';
import type { SmsMonthBeforeToday } from '../../db/queries/sms-budget.ts';
import { firstDayOfMonth, monthOfDay, smsBudgetFigures, type SmsCount } from '../domain/sms-budget.ts';
import type { SmsMonth } from '../domain/sms-budget-wire.ts';
import type { TodayFigures } from '../domain/today-figures.ts';

/** A read from libSQL, or the last one kept when libSQL could not answer (`ageSeconds` set). */
export interface Kept<Value> {
  value: Value;
  /** Null: read just now (or within the minute it is trusted for). */
  ageSeconds: number | null;
}

/** `GET …/stats/today`: today's figures and the SMS month (`sms`: null when libSQL could not answer and nothing was kept). */
export type TodayAnswer = TodayFigures & { sms: SmsMonth | null };

/**
 * What the clinic's live queue answers for today: the figures, today's SMS so far, and the
 * budget, the clinic's creation and the rollups of every day its month can hold (`month`: libSQL's,
 * read at most once a minute; the last kept copy while libSQL is down; undefined when neither).
 */
export interface LiveTodayWithMonth {
  figures: TodayFigures;
  smsToday: SmsCount;
  month: Kept<SmsMonthBeforeToday | undefined> | undefined;
}

/** How a kept copy of `SmsMonthBeforeToday` is checked when it is read back. */
export const SmsMonthBeforeTodaySchema: z.ZodType<SmsMonthBeforeToday | undefined> = z
  .object({
    budgetMinor: z.number().int().nullable(),
    currency: z.string(),
    createdAt: z.number(),
    days: z.array(z.object({ day: z.string(), count: z.number(), costMinor: z.number(), seen: z.number() })),
  })
  .optional();

/**
 * Today's figures from the live queue, with the month's SMS: the month's earlier days from libSQL's
 * rollups, today's live from the queue (so the month is as live as the rest), counted by
 * `smsBudgetFigures` like the budget alerts and the digest.
 */
export function todayWithSms({ figures, smsToday, month: kept }: LiveTodayWithMonth, now: number): TodayAnswer {
  const around = kept?.value;
  if (kept === undefined || around === undefined) return { ...figures, sms: null };
  const month = monthBeforeToday(around, figures.day);
  const sms = smsBudgetFigures({
    now,
    timezone: figures.timezone,
    createdAt: month.createdAt,
    budgetMinor: month.budgetMinor,
    days: [...month.days, { day: figures.day, ...smsToday, seen: figures.seenToday }],
  });
  const staleness = kept.ageSeconds === null ? {} : { stale: true as const, ageSeconds: kept.ageSeconds };
  return { ...figures, sms: { ...sms, currency: month.currency, ...staleness } };
}

/** The days of `today`'s month before it, out of a wider read. */
export function monthBeforeToday(around: SmsMonthBeforeToday, today: string): SmsMonthBeforeToday {
  const first = firstDayOfMonth(monthOfDay(today));
  return { ...around, days: around.days.filter((day) => day.day >= first && day.day < today) };
}
