/**
 * A clinic's Monday digest as data (`GET /reports/weekly/preview?clinicId&format=json`): what the
 * e-mail says, figure by figure, with its one insight written in the reader's language. Rates and
 * shares are fractions in [0, 1], minutes to 0.1, money in minor units of the clinic's currency.
 */
import { AlertDetailSchema } from './alert-detail.ts';
import { z } from 'zod';
import type { InsightKind } from './digest-insights.ts';
import { ALERT_KINDS } from './vocabulary.ts';
import { COMPARED_FIGURES, DayRangeSchema, HistoryFiguresSchema } from './history-wire.ts';

export const INSIGHT_KINDS = ['day_change', 'slowest_hour', 'no_show_spike', 'qr_drop', 'estimates_off', 'steady'] as const satisfies readonly InsightKind[];

/**
 * The sentence the digest leads with (domain/digest-insights.ts: detectors and ranking): `figure`
 * triggered it, `against` is what it was compared with (null: nothing yet to compare with),
 * `change` = (figure − against) ÷ against, to 0.0001.
 */
export const DigestInsightSchema = z.object({
  kind: z.enum(INSIGHT_KINDS),
  text: z.string(),
  figure: z.number(),
  against: z.number().nullable(),
  change: z.number().nullable(),
});

export const WeeklyDigestJsonSchema = z.object({
  clinicId: z.string(),
  week: DayRangeSchema,
  /** The week's figures, the week before's, and the change in percent (PRODUCT "period comparison"). */
  figures: HistoryFiguresSchema,
  previous: HistoryFiguresSchema,
  change: z.record(z.enum(COMPARED_FIGURES), z.number().nullable()),
  busiestDay: z.object({ day: z.string(), patients: z.number().int() }).nullable(),
  busiestHour: z.object({ hour: z.number().int(), patients: z.number().int() }).nullable(),
  /** Null for a week without patients. */
  insight: DigestInsightSchema.nullable(),
  /** Each day of the week, and the mean of the same weekday over the 4 weeks before (null: no 4 weeks of history yet). */
  sameWeekday: z.array(
    z.object({
      day: z.string(),
      patients: z.number().int(),
      seen: z.number().int(),
      avgWaitMinutes: z.number().nullable(),
      usual: z.object({ patients: z.number(), avgWaitMinutes: z.number().nullable() }).nullable(),
    }),
  ),
  /** The week's bars: a day's patients and seen, `share` of the week's busiest day (0.0001). */
  chart: z.array(z.object({ day: z.string(), patients: z.number().int(), seen: z.number().int(), share: z.number() })),
  /** The week's notes, the clinic's and the service-wide ones (`serviceWide`), by day. */
  notes: z.array(z.object({ day: z.string(), text: z.string(), author: z.string(), serviceWide: z.boolean() })),
  /** The month's SMS up to the week's last day against the clinic's budget; null without a budget. */
  smsBudget: z
    .object({ month: z.string(), upToDay: z.string(), count: z.number().int(), costMinor: z.number().int(), budgetMinor: z.number().int(), share: z.number() })
    .nullable(),
  /** The clinic's alerts fired or resolved during the week, oldest first (instants in epoch ms). */
  alerts: z.array(
    z.object({
      kind: z.enum(ALERT_KINDS),
      value: z.number(),
      threshold: z.number(),
      firedAt: z.number().int(),
      resolvedAt: z.number().int().nullable(),
      detail: AlertDetailSchema.nullable(),
    }),
  ),
});
export type WeeklyDigestJson = z.infer<typeof WeeklyDigestJsonSchema>;
