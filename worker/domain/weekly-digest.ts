/**
 * What a clinic owner's Monday digest says about last week (PRODUCT.md "Digest"): patients seen,
 * average and longest wait, no-shows, QR share, the busiest day and hour, the change against the
 * week before, SMS count and cost. Pure, from rollups: the week's and the previous week's days,
 * and the week's check-ins per local hour.
 */
import { addClinicDays } from './clinic-time.ts';
import { figuresOf, periodComparison, sumDays, type DayCounters, type DayRange } from './history-figures.ts';
import type { ComparedFigure, HistoryFigures } from './history-wire.ts';

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
