/**
 * What a clinic owner's Monday digest says about last week (PRODUCT.md "Digest"): patients seen,
 * average and longest wait, no-shows, QR share, the busiest day and hour, the change against the
 * week before, SMS count and cost. Pure, from rollups: the week's and the previous week's days,
 * and the week's check-ins per local hour.
 */
import type { AlertDetail } from './alert-detail.ts';
import { addClinicDays } from './clinic-time.ts';
import type { InsightCandidate, SameWeekday } from './digest-insights.ts';
import { daysOf, figuresOf, periodComparison, sumDays, type DayCounters, type DayRange } from './history-figures.ts';
import type { ComparedFigure, HistoryFigures } from './history-wire.ts';
import type { AlertKind } from './vocabulary.ts';

export interface ClinicWeekDigest {
  week: DayRange;
  figures: HistoryFigures;
  previous: HistoryFigures;
  change: Record<ComparedFigure, number | null>;
  /** The day with the most check-ins (the earliest on a tie); null for a week without any. */
  busiestDay: { day: string; patients: number } | null;
  /** The local hour with the most check-ins over the week (the earliest on a tie). */
  busiestHour: { hour: number; patients: number } | null;
}

export function clinicWeekDigest(week: DayRange, days: readonly DayCounters[], hours: ReadonlyArray<{ hour: number; arrivals: number }>): ClinicWeekDigest {
  const previousWeek = { from: addClinicDays(week.from, -7), to: addClinicDays(week.to, -7) };
  const now = sumDays(days, week);
  const before = sumDays(days, previousWeek);
  let busiestDay: ClinicWeekDigest['busiestDay'] = null;
  for (const row of [...days].sort((a, b) => a.day.localeCompare(b.day))) {
    if (row.day < week.from || row.day > week.to) continue;
    const patients = row.checkinsQr + row.checkinsManual;
    if (patients > 0 && (busiestDay === null || patients > busiestDay.patients)) busiestDay = { day: row.day, patients };
  }
  let busiestHour: ClinicWeekDigest['busiestHour'] = null;
  for (const { hour, arrivals } of [...hours].sort((a, b) => a.hour - b.hour)) {
    if (arrivals > 0 && (busiestHour === null || arrivals > busiestHour.patients)) busiestHour = { hour, patients: arrivals };
  }
  return { week, figures: figuresOf(now), previous: figuresOf(before), change: periodComparison(now, before), busiestDay, busiestHour };
}

/** One bar of the week's chart: a day's patients (and seen), and the bar's length as a share of the week's busiest day. */
export interface WeekChartDay {
  day: string;
  patients: number;
  seen: number;
  /** patients ÷ the week's most patients in a day, to 0.0001; 0 for a week without patients. */
  share: number;
}

/** The week's days, Monday to Sunday, each a bar (days without a rollup are zero). */
export function weekChart(week: DayRange, days: readonly DayCounters[]): WeekChartDay[] {
  const bars = daysOf(week).map((day) => {
    const counters = sumDays(days, { from: day, to: day });
    return { day, patients: counters.checkinsQr + counters.checkinsManual, seen: counters.seen };
  });
  const most = Math.max(0, ...bars.map((bar) => bar.patients));
  return bars.map((bar) => ({ ...bar, share: most === 0 ? 0 : Math.round((bar.patients / most) * 10_000) / 10_000 }));
}

/** A note (annotation) on a day of the week: the clinic's, or the service's (`serviceWide`). */
export interface WeekNote {
  day: string;
  text: string;
  author: string;
  serviceWide: boolean;
}

/** The month's SMS up to the week's last day, against the clinic's monthly budget. */
export interface SmsBudgetLine {
  /** `YYYY-MM`, the month of `upToDay`. */
  month: string;
  upToDay: string;
  count: number;
  costMinor: number;
  budgetMinor: number;
  /** costMinor ÷ budgetMinor, to 0.0001. */
  share: number;
}

/** One of the clinic's alerts that fired or resolved during the week. */
export interface WeekAlert {
  kind: AlertKind;
  value: number;
  threshold: number;
  firedAt: number;
  resolvedAt: number | null;
  /** What it saw beyond its value (which figure was unusual, which budget level), when its kind says more. */
  detail: AlertDetail | null;
}

/** Everything a clinic's digest says: the week's figures, the insight it leads with, its chart, notes, SMS budget and alerts. */
export interface ClinicWeekReport extends ClinicWeekDigest {
  insight: InsightCandidate | null;
  sameWeekday: SameWeekday[];
  chart: WeekChartDay[];
  notes: WeekNote[];
  /** Null for a clinic without a budget. */
  smsBudget: SmsBudgetLine | null;
  alerts: WeekAlert[];
}

/** The budget line, or none without a budget. */
export function smsBudgetLine(budgetMinor: number | null, month: string, upToDay: string, sms: { count: number; costMinor: number }): SmsBudgetLine | null {
  if (budgetMinor === null || budgetMinor <= 0) return null;
  return { month, upToDay, count: sms.count, costMinor: sms.costMinor, budgetMinor, share: Math.round((sms.costMinor / budgetMinor) * 10_000) / 10_000 };
}
