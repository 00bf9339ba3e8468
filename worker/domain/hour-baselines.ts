/**
 * Unusual for this hour (PRODUCT: "Trust and foresight"): what a clinic's live figures usually
 * read on a weekday at an hour of its wall clock, and which of them read at least twice that now,
 * or at most half. Pure; the clock and the clinic's zone are parameters.
 *
 * Three figures, as the doctor sees them live: arrivals (check-ins in the last hour), waiting (the
 * waiting room now) and wait (mean wait of the patients called in the last hour). Their baselines
 * are fitted from the days the wait estimator learns from (`ESTIMATOR_HISTORY_DAYS`, four of each
 * weekday; the ClinicQueue object refits them at each midnight), per weekday and local hour:
 *  - arrivals: the hour's check-ins, per hour it lasted (the night hour lived twice when the clocks
 *    go back lasts two);
 *  - waiting: the mean of the waiting room's count at :00, :15, :30 and :45, a level;
 *  - wait: the mean wait of the hour's calls, on the days it had some.
 * A day is observed when it has entries (a closed day is no sample of a weekday); on an observed
 * day an hour without anyone reads 0 arrivals and 0 waiting (the clinic was closed then). The
 * usual value is the median over that weekday's observed days, which one odd Tuesday (the day
 * after a holiday) does not move; the spread, the median absolute deviation, says how steady the
 * hour is. A weekday observed fewer than `MIN_BASELINE_DAYS` times has no baseline.
 *
 * Comparing: the live hour is the 60 minutes before now, astride two clock hours, so the usual
 * arrivals and wait are the two hours' medians weighted by the minutes the window spends in each.
 * At 08:10 the usual arrivals are 5/6 of 07:00's and 1/6 of 08:00's: a clinic that opens at 08:00
 * is not "quieter than usual" every morning at ten past eight. The waiting room is a level, so its
 * usual value is the current hour's. Small numbers are never news (the volume floor): a quiet
 * night with one arrival where none is usual is not "unusual".
 *
 * Weekdays are numbered as the API numbers them, 0 = Monday … 6 = Sunday.
 *
 * Cost: fitting is O(entries × 96) (each day's entries against its 96 quarter-hour samples), once a
 * night; reading the live figures is one pass over today's entries; judging them is O(cells).
 */
import { z } from 'zod';
import { clinicDayOf, hourStartOf, instantOfClinicTime, localHourOf, nextClinicDay, startOfClinicDay } from './clinic-time.ts';
import { mondayFirstWeekday } from './history-figures.ts';
import type { QueueEntryRow } from './queue-projection.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const HOURS_A_DAY = 24;

/** Observed days of a weekday needed before it has a usual value: fewer would make one odd day the norm. */
export const MIN_BASELINE_DAYS = 3;
/** PRODUCT: unusual at this many times the usual value, or at one over it. */
export const UNUSUAL_FACTOR = 2;
/** Volume floor of arrivals and waiting: below this many patients, both now and usually, nothing is news. */
export const PATIENT_FLOOR = 4;
/** Volume floor of the wait: below this many minutes, both now and usually, a wait is short whatever its ratio. */
export const WAIT_FLOOR_MINUTES = 10;
/** Calls in the last hour needed before their mean wait says anything: one long wait is one patient's story. */
export const MIN_WAIT_CALLS = 3;
/**
 * A usual value under one patient (one minute) is compared as one: three arrivals where 0.2 are
 * usual read "3×", not "15×", and a usual of 0 gives a ratio at all.
 */
export const USUAL_FLOOR = 1;
/** When the waiting room is counted within each hour, in minutes. */
const SAMPLE_MINUTES = [0, 15, 30, 45] as const;

/** What a baseline reads of a past entry: stored rows fit as they are. */
export type BaselineEntry = Pick<QueueEntryRow, 'clinicDay' | 'checkedInAt' | 'calledAt' | 'noShowAt' | 'cancelledAt' | 'unfinishedAt'>;

export type UnusualFigureName = 'arrivals' | 'waiting' | 'wait';

/** A figure's usual value in one weekday × hour cell: the median of the days, their spread, and how many days. */
export interface FigureBaseline {
  median: number;
  /** Median absolute deviation from the median, in the figure's unit. */
  spread: number;
  observations: number;
}

/** One weekday × local hour cell (weekday 0 = Monday). */
export interface HourBaseline {
  weekday: number;
  hour: number;
  arrivals: FigureBaseline;
  waiting: FigureBaseline;
  /** Null when fewer than `MIN_BASELINE_DAYS` of the weekday's days had a call in that hour. */
  wait: FigureBaseline | null;
}

/** A clinic's baselines: only the cells of weekdays with enough days, and hours someone was there on at least one of them. */
export interface HourBaselines {
  hours: HourBaseline[];
}

const FigureBaselineSchema = z.object({
  median: z.number().nonnegative(),
  spread: z.number().nonnegative(),
  observations: z.number().int().positive(),
});

/** The baselines as stored (a Durable Object's storage outlives deployments: it is checked, not trusted). */
export const HourBaselinesSchema: z.ZodType<HourBaselines> = z.object({
  hours: z.array(
    z.object({
      weekday: z.number().int().min(0).max(6),
      hour: z.number().int().min(0).max(HOURS_A_DAY - 1),
      arrivals: FigureBaselineSchema,
      waiting: FigureBaselineSchema,
      wait: FigureBaselineSchema.nullable(),
    }),
  ),
});

/** One observed day, hour by hour: what each figure read. */
interface DayHour {
  arrivals: number;
  waiting: number;
  /** Mean wait of the hour's calls in minutes, null without calls. */
  wait: number | null;
  /** Anyone arrived, waited or was called then. */
  attended: boolean;
}

/** When an entry stopped waiting: its call, or its leaving uncalled, or the clinic's midnight. */
function leftWaitingAt(entry: BaselineEntry): number {
  const ends = [entry.calledAt, entry.noShowAt, entry.cancelledAt, entry.unfinishedAt].filter((at) => at !== null);
  return ends.length > 0 ? Math.min(...ends) : Number.POSITIVE_INFINITY;
}

/** How many real hours the local hour `hour` of `day` lasted: 1, 0 when the clocks skip it, 2 when they live it twice. */
function hoursLasted(day: string, hour: number, timezone: string): number {
  const start = instantOfClinicTime(day, hour * 60, timezone);
  const end = hour + 1 < HOURS_A_DAY ? instantOfClinicTime(day, (hour + 1) * 60, timezone) : startOfClinicDay(nextClinicDay(day), timezone);
  return (end - start) / HOUR;
}

/** The waiting room's count at the quarter hours of `hour`, averaged; quarter hours the clocks skip are not counted. */
function waitingLevel(day: string, hour: number, spans: ReadonlyArray<readonly [number, number]>, timezone: string): number {
  let sum = 0;
  let samples = 0;
  for (const minute of SAMPLE_MINUTES) {
    const at = instantOfClinicTime(day, hour * 60 + minute, timezone);
    if (localHourOf(at, timezone) !== hour || clinicDayOf(at, timezone) !== day) continue;
    samples += 1;
    for (const [from, until] of spans) if (from <= at && at < until) sum += 1;
  }
  return samples > 0 ? sum / samples : 0;
}

/** What each hour of one observed day read. */
function readDay(day: string, entries: readonly BaselineEntry[], timezone: string): DayHour[] {
  const arrivals = new Array<number>(HOURS_A_DAY).fill(0);
  const waitSum = new Array<number>(HOURS_A_DAY).fill(0);
  const calls = new Array<number>(HOURS_A_DAY).fill(0);
  const spans: Array<[number, number]> = [];
  for (const entry of entries) {
    const arrivedHour = localHourOf(entry.checkedInAt, timezone);
    arrivals[arrivedHour] = (arrivals[arrivedHour] ?? 0) + 1;
    if (entry.calledAt !== null) {
      const calledHour = localHourOf(entry.calledAt, timezone);
      waitSum[calledHour] = (waitSum[calledHour] ?? 0) + (entry.calledAt - entry.checkedInAt) / MINUTE;
      calls[calledHour] = (calls[calledHour] ?? 0) + 1;
    }
    spans.push([entry.checkedInAt, leftWaitingAt(entry)]);
  }
  return Array.from({ length: HOURS_A_DAY }, (_, hour) => {
    const arrived = arrivals[hour] ?? 0;
    const called = calls[hour] ?? 0;
    const lasted = arrived > 0 ? hoursLasted(day, hour, timezone) : 1;
    const waiting = waitingLevel(day, hour, spans, timezone);
    return {
      arrivals: lasted > 0 ? arrived / lasted : arrived,
      waiting,
      wait: called > 0 ? (waitSum[hour] ?? 0) / called : null,
      attended: arrived > 0 || called > 0 || waiting > 0,
    };
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(middle)] ?? 0) + (sorted[Math.ceil(middle)] ?? 0)) / 2;
}

function baselineOf(values: readonly number[]): FigureBaseline {
  const centre = median(values);
  return { median: centre, spread: median(values.map((value) => Math.abs(value - centre))), observations: values.length };
}

/**
 * Fits a clinic's baselines from its past entries (the `ESTIMATOR_HISTORY_DAYS` before today; the
 * caller chooses them, never today's). The days present among the entries are the observed days.
 */
export function fitHourBaselines(entries: Iterable<BaselineEntry>, timezone: string): HourBaselines {
  const days = new Map<string, BaselineEntry[]>();
  for (const entry of entries) {
    const list = days.get(entry.clinicDay);
    if (list === undefined) days.set(entry.clinicDay, [entry]);
    else list.push(entry);
  }
  const weekdays = new Map<number, DayHour[][]>();
  for (const [day, list] of days) {
    const weekday = mondayFirstWeekday(day);
    const read = readDay(day, list, timezone);
    const observed = weekdays.get(weekday);
    if (observed === undefined) weekdays.set(weekday, [read]);
    else observed.push(read);
  }

  const hours: HourBaseline[] = [];
  for (const [weekday, observed] of [...weekdays].sort(([a], [b]) => a - b)) {
    if (observed.length < MIN_BASELINE_DAYS) continue;
    for (let hour = 0; hour < HOURS_A_DAY; hour += 1) {
      const readings = observed.map((day) => day[hour]).filter((reading) => reading !== undefined);
      if (!readings.some((reading) => reading.attended)) continue;
      const waits = readings.map((reading) => reading.wait).filter((wait) => wait !== null);
      hours.push({
        weekday,
        hour,
        arrivals: baselineOf(readings.map((reading) => reading.arrivals)),
        waiting: baselineOf(readings.map((reading) => reading.waiting)),
        wait: waits.length >= MIN_BASELINE_DAYS ? baselineOf(waits) : null,
      });
    }
  }
  return { hours };
}

/** The live figures the baselines are compared with. */
export interface LiveHourFigures {
  /** Check-ins in the last 60 minutes. */
  arrivals: number;
  /** Patients waiting now. */
  waiting: number;
  /** Mean wait of the patients called in the last 60 minutes, minutes; null when nobody was. */
  waitMinutes: number | null;
  /** How many patients were called in the last 60 minutes. */
  waitCount: number;
}

/** Reads the live figures at `now` from today's entries. */
export function liveHourFigures(entries: Iterable<BaselineEntry & { state: QueueEntryRow['state'] }>, now: number): LiveHourFigures {
  const since = now - HOUR;
  let arrivals = 0;
  let waiting = 0;
  let waitSum = 0;
  let waitCount = 0;
  for (const entry of entries) {
    if (entry.checkedInAt > since && entry.checkedInAt <= now) arrivals += 1;
    if (entry.state === 'waiting') waiting += 1;
    if (entry.calledAt !== null && entry.calledAt > since && entry.calledAt <= now) {
      waitSum += entry.calledAt - entry.checkedInAt;
      waitCount += 1;
    }
  }
  return { arrivals, waiting, waitMinutes: waitCount > 0 ? waitSum / waitCount / MINUTE : null, waitCount };
}

/**
 * A live figure next to its usual value for this weekday and hour, above the volume floor, far
 * from it or not: the alert job needs the ratio below 2 too (an alert resolves below a lower one).
 * Exact, not rounded.
 */
export interface FigureComparison {
  figure: UnusualFigureName;
  value: number;
  usual: number;
  /** value ÷ usual, a usual under `USUAL_FLOOR` counted as `USUAL_FLOOR`. */
  ratio: number;
  /** The weekday (0 = Monday) and local hour of now. */
  weekday: number;
  hour: number;
}

/** A live figure far from its usual value. `value` and `usual` are rounded to 0.1, as `ratio` is. */
export interface UnusualFigure extends FigureComparison {
  direction: 'above' | 'below';
}

const tenth = (value: number) => Math.round(value * 10) / 10;

/** The weekday and local hour of an instant. */
function cellOf(instant: number, timezone: string): { weekday: number; hour: number } {
  return { weekday: mondayFirstWeekday(clinicDayOf(instant, timezone)), hour: localHourOf(instant, timezone) };
}

/** The usual value of the last hour: the current hour's and the previous one's, by the minutes spent in each. */
function blend(currentShare: number, current: number, previous: number | null): number {
  return previous === null ? current : currentShare * current + (1 - currentShare) * previous;
}

function compared(figure: UnusualFigureName, value: number, usual: number, at: { weekday: number; hour: number }): FigureComparison {
  return { figure, value, usual, ratio: value / Math.max(usual, USUAL_FLOOR), ...at };
}

function judged(comparison: FigureComparison): UnusualFigure | null {
  const { ratio } = comparison;
  const direction = ratio >= UNUSUAL_FACTOR ? 'above' : ratio <= 1 / UNUSUAL_FACTOR ? 'below' : null;
  if (direction === null) return null;
  return { ...comparison, value: tenth(comparison.value), usual: tenth(comparison.usual), ratio: tenth(ratio), direction };
}

/**
 * The live figures next to their usual value for this weekday and hour, those above the volume
 * floor only, in the order arrivals, waiting, wait. Empty when the current hour has no baseline.
 */
export function compareWithUsual(baselines: HourBaselines, live: LiveHourFigures, now: number, timezone: string): FigureComparison[] {
  const cells = new Map(baselines.hours.map((cell) => [`${cell.weekday}:${cell.hour}`, cell]));
  const here = cellOf(now, timezone);
  const current = cells.get(`${here.weekday}:${here.hour}`);
  if (current === undefined) return [];
  const hourStart = hourStartOf(now, timezone);
  const currentShare = Math.min(1, (now - hourStart) / HOUR);
  const before = cellOf(hourStart - 1, timezone);
  const previous = cells.get(`${before.weekday}:${before.hour}`);
  // An hour missing from a weekday that has baselines is an hour nobody came: none arrive then.
  const weekdayKnown = baselines.hours.some((cell) => cell.weekday === before.weekday);

  const found: FigureComparison[] = [];
  const usualArrivals = blend(currentShare, current.arrivals.median, previous?.arrivals.median ?? (weekdayKnown ? 0 : null));
  if (Math.max(live.arrivals, usualArrivals) >= PATIENT_FLOOR) found.push(compared('arrivals', live.arrivals, usualArrivals, here));
  const usualWaiting = current.waiting.median;
  if (Math.max(live.waiting, usualWaiting) >= PATIENT_FLOOR) found.push(compared('waiting', live.waiting, usualWaiting, here));
  if (current.wait !== null && live.waitMinutes !== null && live.waitCount >= MIN_WAIT_CALLS) {
    const usualWait = blend(currentShare, current.wait.median, previous?.wait?.median ?? null);
    if (Math.max(live.waitMinutes, usualWait) >= WAIT_FLOOR_MINUTES) found.push(compared('wait', live.waitMinutes, usualWait, here));
  }
  return found;
}

/**
 * The live figures at least `UNUSUAL_FACTOR` times their usual value for this weekday and hour, or
 * at most one over it, above the volume floor; in the order arrivals, waiting, wait. Empty when
 * the current hour has no baseline.
 */
export function unusualFigures(baselines: HourBaselines, live: LiveHourFigures, now: number, timezone: string): UnusualFigure[] {
  return compareWithUsual(baselines, live, now, timezone)
    .map(judged)
    .filter((figure) => figure !== null);
}
