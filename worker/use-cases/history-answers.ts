import type { Database } from '../../db/client.ts';
import { readArrivals, readGroupedDays, readHistoryClinic, readHourlyServiceCounters, readRangeTotals, type HistoryClinic } from '../../db/queries/history.ts';
import { clinicDayOf } from '../domain/clinic-time.ts';
import {
  chartPoints,
  estimatesByHour,
  figuresOf,
  hasData,
  mondayFirstWeekday,
  noShowsByWeekday,
  peakHours,
  periodComparison,
  sumDays,
  windowsOf,
  type DayRange,
} from '../domain/history-figures.ts';
import type { AnalyticsAnswer, ChartsAnswer, EstimatesAnswer, NoShowsAnswer, PeakHoursAnswer, Timeframe, WeeklyAnswer } from '../domain/history-wire.ts';
import type { Clock } from '../runtime/clock.ts';
import { chartNotesBetween } from './annotations.ts';
import { failed, succeeded, type Result } from './result.ts';
import type { Unstamped } from './unstamped-answer.ts';

/** What the history answers read: the rollups, and the clinic's today. */
export interface HistoryRuntime {
  db: Database;
  clock: Clock;
}

type HistoryResult<Answer> = Promise<Result<Unstamped<Answer>, 'no_such_clinic'>>;

/** The clinic (its zone decides "today") and its today. */
async function clinicToday(runtime: HistoryRuntime, clinicId: string): Promise<{ clinic: HistoryClinic; today: string } | undefined> {
  const clinic = await readHistoryClinic(runtime.db, clinicId);
  return clinic === undefined ? undefined : { clinic, today: clinicDayOf(runtime.clock.now(), clinic.timezone) };
}

function windowOf(clinic: HistoryClinic, timeframe: Timeframe, period: DayRange) {
  return { clinicId: clinic.id, timezone: clinic.timezone, currency: clinic.currency, timeframe, period };
}

/** Totals of the window and of the window before, with the change in percent. */
export async function analyticsOf(runtime: HistoryRuntime, clinicId: string, timeframe: Timeframe): HistoryResult<AnalyticsAnswer> {
  const found = await clinicToday(runtime, clinicId);
  if (found === undefined) return failed('no_such_clinic');
  const { current, previous } = windowsOf(timeframe, found.today);
  const [now, before] = await readRangeTotals(runtime.db, found.clinic.id, [current, previous]);
  if (now === undefined || before === undefined) throw new Error('two windows asked, fewer answered');
  return succeeded({
    ...windowOf(found.clinic, timeframe, current),
    previousPeriod: previous,
    current: figuresOf(now, found.clinic.serviceTargetMinutes),
    previous: figuresOf(before, found.clinic.serviceTargetMinutes),
    periodComparison: periodComparison(now, before),
  });
}

/** One zero-filled point per day of the window (per week for a year), and the notes on its days. */
export async function chartsOf(runtime: HistoryRuntime, clinicId: string, timeframe: Timeframe): HistoryResult<ChartsAnswer> {
  const found = await clinicToday(runtime, clinicId);
  if (found === undefined) return failed('no_such_clinic');
  const { current } = windowsOf(timeframe, found.today);
  const granularity = timeframe === '1y' ? 'week' : 'day';
  const [rows, annotations] = await Promise.all([readGroupedDays(runtime.db, found.clinic.id, current, granularity), chartNotesBetween(runtime.db, found.clinic.id, current)]);
  return succeeded({
    ...windowOf(found.clinic, timeframe, current),
    granularity,
    points: chartPoints(rows, current, granularity, found.clinic.serviceTargetMinutes),
    insufficientData: !hasData(rows, current),
    annotations,
  });
}

/** The last 7 clinic days, day by day, and their totals. */
export async function weeklyOf(runtime: HistoryRuntime, clinicId: string): HistoryResult<WeeklyAnswer> {
  const found = await clinicToday(runtime, clinicId);
  if (found === undefined) return failed('no_such_clinic');
  const { clinic } = found;
  const { current } = windowsOf('7d', found.today);
  const rows = await readGroupedDays(runtime.db, clinic.id, current, 'day');
  const days = chartPoints(rows, current, 'day', clinic.serviceTargetMinutes).map((point) => ({ day: point.date, weekday: mondayFirstWeekday(point.date), figures: point.figures }));
  return succeeded({ clinicId: clinic.id, timezone: clinic.timezone, currency: clinic.currency, period: current, days, totals: figuresOf(sumDays(rows, current), clinic.serviceTargetMinutes) });
}

/** The no-show rate per weekday over the window. */
export async function noShowsOf(runtime: HistoryRuntime, clinicId: string, timeframe: Timeframe): HistoryResult<NoShowsAnswer> {
  const found = await clinicToday(runtime, clinicId);
  if (found === undefined) return failed('no_such_clinic');
  const { current } = windowsOf(timeframe, found.today);
  const byWeekday = await readGroupedDays(runtime.db, found.clinic.id, current, 'weekday');
  return succeeded({ ...windowOf(found.clinic, timeframe, current), ...noShowsByWeekday(byWeekday) });
}

/** Mean check-ins per hour of day, and per weekday × hour, over the window. */
export async function peakHoursOf(runtime: HistoryRuntime, clinicId: string, timeframe: Timeframe): HistoryResult<PeakHoursAnswer> {
  const found = await clinicToday(runtime, clinicId);
  if (found === undefined) return failed('no_such_clinic');
  const { current } = windowsOf(timeframe, found.today);
  const { arrivals, openDaysByWeekday } = await readArrivals(runtime.db, found.clinic.id, current);
  return succeeded({ ...windowOf(found.clinic, timeframe, current), ...peakHours(arrivals, openDaysByWeekday) });
}

/** The accuracy of the quotes and the service level over the window, and per local hour of the call. */
export async function estimatesOf(runtime: HistoryRuntime, clinicId: string, timeframe: Timeframe): HistoryResult<EstimatesAnswer> {
  const found = await clinicToday(runtime, clinicId);
  if (found === undefined) return failed('no_such_clinic');
  const { current } = windowsOf(timeframe, found.today);
  const hours = await readHourlyServiceCounters(runtime.db, found.clinic.id, current);
  return succeeded({ ...windowOf(found.clinic, timeframe, current), ...estimatesByHour(hours, found.clinic.serviceTargetMinutes) });
}
