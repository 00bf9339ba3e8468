/**
 * The answers of a clinic's history endpoints (`analytics`, `charts`, `stats/weekly`,
 * `stats/peak-hours`, `stats/no-shows`, `stats/estimates`) and of its service target. Shared by the Worker (answers `satisfies` them) and the
 * PWA's "Historique" screen (parses them). All built from rollups; no personal data.
 *
 * Windows: `7d | 30d | 90d | 1y` are the 7, 30, 90 or 365 clinic days ending today (today
 * included, as it stands); the previous window is the same number of days just before.
 */
import { z } from 'zod';
import { ChartNoteSchema } from './chart-notes.ts';
import { EstimateAccuracySchema, ServiceLevelSchema, WalkOutScoreSchema } from './live-messages.ts';

export { EstimateAccuracySchema, ServiceLevelSchema };

export const TIMEFRAMES = ['7d', '30d', '90d', '1y'] as const;
export type Timeframe = (typeof TIMEFRAMES)[number];
export const TIMEFRAME_DAYS: Record<Timeframe, number> = { '7d': 7, '30d': 30, '90d': 90, '1y': 365 };

/** Clinic days, inclusive, `YYYY-MM-DD`. */
export const DayRangeSchema = z.object({ from: z.string(), to: z.string() });

/**
 * The figures of a set of days. Rates and shares are fractions in [0, 1]; minutes are rounded to
 * 0.1; null where nothing is known (no wait measured, no check-in…).
 * - patients: check-ins (QR + manual); noShowRate = noShows ÷ patients;
 * - avgWaitMinutes / maxWaitMinutes over entries called in those days;
 * - avgConsultationMinutes over entries completed in those days;
 * - qrShare = QR check-ins ÷ patients; SMS counted on the day they were sent, cost in minor units;
 * - unfinished: entries checked in those days still open at the clinic's midnight (never seen);
 * - estimates: accuracy of the quotes of entries called in those days (PRODUCT "Trust and
 *   foresight"), the median exact over any window;
 * - serviceLevel over entries called in those days: `targetMinutes` is the clinic's target now,
 *   each day's calls were judged against the target it had that day; called = waits measured;
 * - walkOutModel: the walk-out risk of the entries that ended in those days, scored (Brier, to
 *   0.0001) against the base rate's.
 */
export const HistoryFiguresSchema = z.object({
  patients: z.number().int(),
  checkInsQr: z.number().int(),
  checkInsManual: z.number().int(),
  seen: z.number().int(),
  noShows: z.number().int(),
  cancelled: z.number().int(),
  noShowRate: z.number().nullable(),
  avgWaitMinutes: z.number().nullable(),
  maxWaitMinutes: z.number().nullable(),
  avgConsultationMinutes: z.number().nullable(),
  qrShare: z.number().nullable(),
  smsSent: z.number().int(),
  smsFailed: z.number().int(),
  smsCostMinor: z.number().int(),
  unfinished: z.number().int(),
  estimates: EstimateAccuracySchema,
  serviceLevel: ServiceLevelSchema,
  walkOutModel: WalkOutScoreSchema,
});
export type HistoryFigures = z.infer<typeof HistoryFiguresSchema>;

/**
 * Figures compared: (current − previous) ÷ previous × 100, rounded to 0.1; null when previous is 0
 * or unknown. `meanAbsoluteErrorMinutes` and `withinRangeShare` are the quotes' (`estimates`),
 * `serviceLevelShare` is `serviceLevel.share`.
 */
export const COMPARED_FIGURES = [
  'patients',
  'seen',
  'noShows',
  'noShowRate',
  'avgWaitMinutes',
  'maxWaitMinutes',
  'avgConsultationMinutes',
  'qrShare',
  'smsSent',
  'smsCostMinor',
  'meanAbsoluteErrorMinutes',
  'withinRangeShare',
  'serviceLevelShare',
] as const;
export type ComparedFigure = (typeof COMPARED_FIGURES)[number];

/**
 * How fresh an answer is: `live` computed for this request, `cached` served from an answer at
 * most 5 minutes old. `stale: true` (with `ageSeconds`) only when the database could not answer
 * and an older answer is served instead.
 */
const Freshness = {
  /** When the answer was computed (ISO 8601). */
  lastUpdated: z.string(),
  dataFreshness: z.enum(['live', 'cached']),
  stale: z.boolean().optional(),
  ageSeconds: z.number().int().optional(),
};

const Window = {
  clinicId: z.string(),
  timezone: z.string(),
  currency: z.string(),
  timeframe: z.enum(TIMEFRAMES),
  period: DayRangeSchema,
};

export const AnalyticsAnswerSchema = z.object({
  ...Window,
  previousPeriod: DayRangeSchema,
  current: HistoryFiguresSchema,
  previous: HistoryFiguresSchema,
  periodComparison: z.record(z.enum(COMPARED_FIGURES), z.number().nullable()),
  ...Freshness,
});
export type AnalyticsAnswer = z.infer<typeof AnalyticsAnswerSchema>;

/** One chart point: a day, or for `1y` a Monday-to-Sunday week clipped to the window. */
export const ChartPointSchema = z.object({
  /** The point's first day (a Monday for weeks, except where the window starts mid-week). */
  date: z.string(),
  from: z.string(),
  to: z.string(),
  figures: HistoryFiguresSchema,
});

export const ChartsAnswerSchema = z.object({
  ...Window,
  granularity: z.enum(['day', 'week']),
  /** Every day (or week) of the window, zero-filled: a chart never has holes. */
  points: z.array(ChartPointSchema),
  /** True when the window holds no check-in, SMS or other fact at all. */
  insufficientData: z.boolean(),
  /**
   * The notes on the window's days, the clinic's and the service's (`scope`), by day: each lands on
   * the point holding its day (`notePointIndex`). Read afresh on every request, even when the points
   * come from the answer cache: a note shows at once. `author` is an e-mail, for members only.
   * None when absent: an answer kept on a phone, or given by a Worker, from before notes existed.
   */
  annotations: z.array(ChartNoteSchema).default([]),
  ...Freshness,
});
export type ChartsAnswer = z.infer<typeof ChartsAnswerSchema>;

export const WeeklyAnswerSchema = z.object({
  clinicId: z.string(),
  timezone: z.string(),
  currency: z.string(),
  period: DayRangeSchema,
  /** The last 7 clinic days, oldest first, today last; weekday 0 = Monday … 6 = Sunday. */
  days: z.array(z.object({ day: z.string(), weekday: z.number().int(), figures: HistoryFiguresSchema })),
  totals: HistoryFiguresSchema,
  ...Freshness,
});
export type WeeklyAnswer = z.infer<typeof WeeklyAnswerSchema>;

export const PeakHoursAnswerSchema = z.object({
  ...Window,
  /** Days of the window with at least one check-in: the divisor of every mean below. */
  openDays: z.number().int(),
  /** 24 entries, hour 0–23 of clinic time: mean check-ins per open day in that hour. */
  hours: z.array(z.object({ hour: z.number().int(), meanArrivals: z.number(), arrivals: z.number().int() })),
  /**
   * 7 rows (0 = Monday … 6 = Sunday) × 24 hours: mean check-ins in that hour over the open days
   * of that weekday (0 where the weekday had no open day).
   */
  weekdayHours: z.array(z.object({ weekday: z.number().int(), openDays: z.number().int(), meanArrivals: z.array(z.number()) })),
  ...Freshness,
});
export type PeakHoursAnswer = z.infer<typeof PeakHoursAnswerSchema>;

export const NoShowsAnswerSchema = z.object({
  ...Window,
  /** 7 rows, 0 = Monday … 6 = Sunday; rate = noShows ÷ patients of that weekday, null without patients. */
  weekdays: z.array(z.object({ weekday: z.number().int(), patients: z.number().int(), noShows: z.number().int(), rate: z.number().nullable() })),
  overallRate: z.number().nullable(),
  ...Freshness,
});
export type NoShowsAnswer = z.infer<typeof NoShowsAnswerSchema>;

export const EstimatesAnswerSchema = z.object({
  ...Window,
  /** The quotes of every entry called in the window. */
  overall: EstimateAccuracySchema,
  serviceLevel: ServiceLevelSchema,
  /** 24 entries, hour 0–23 of clinic time when the entries were called. */
  hours: z.array(z.object({ hour: z.number().int(), estimates: EstimateAccuracySchema, serviceLevel: ServiceLevelSchema })),
  ...Freshness,
});
export type EstimatesAnswer = z.infer<typeof EstimatesAnswerSchema>;

/** PRODUCT: the wait within which a clinic means to call its patients; its owner sets it. */
export const SERVICE_TARGET_MINUTES = { min: 5, max: 240 } as const;

export const ServiceTargetSchema = z.object({
  /** Minutes, whole, the clinic's target now (`DEFAULT_SERVICE_TARGET_MINUTES` until its owner sets one). */
  minutes: z.number().int(),
  defaultMinutes: z.number().int(),
});
export type ServiceTarget = z.infer<typeof ServiceTargetSchema>;

export const ServiceTargetChangeSchema = z
  .object({ minutes: z.number().int().min(SERVICE_TARGET_MINUTES.min).max(SERVICE_TARGET_MINUTES.max) })
  .strict();
export type ServiceTargetChange = z.infer<typeof ServiceTargetChangeSchema>;
