/**
 * Wait estimates (PRODUCT: quote and estimate): when each waiting patient will be called, as a
 * point and a range meant to hold the actual wait 8 times in 10. Pure; time is a parameter.
 *
 * The point. Patients are called in ticket order, one per "interval": the time from one call to
 * the next while someone was waiting (so it holds the consultation, the turnover, and the few
 * minutes lost on a no-show). The interval is today's recent busy intervals, shrunk toward the
 * clinic's own history while today has few. Patients ahead who will leave before their turn are
 * discounted by the clinic's walk-out share. The doctor's time is not uniform over the day: the
 * clinic's history gives, per weekday and local hour, the share of the hour the doctor was
 * calling patients (lunch, late starts, Saturday afternoons). Work accrues at that share, so a
 * patient arriving at 12:10 with six ahead is called after lunch, not at 13:40. With the doctor
 * present the current hour counts as fully worked; with the doctor away, calls resume at the next
 * usual start. After the clinic's usual last hour, work accrues at full rate (overtime), so a late
 * patient still gets an estimate.
 *
 * The range is split-conformal: the clinic's past quotes, each judged against what happened, give
 * scaled errors `(actual − quoted) ÷ (quoted + 10 min)`; their 10th and 90th percentiles (with
 * the finite-sample correction) widen today's point into the range. The errors come from quotes
 * made before each of those days by the model of that time, never from the days a model learnt
 * from, so the coverage is honest. Until a clinic has enough judged quotes, a documented default
 * (measured on the bench's generated clinics) stands in.
 *
 * Cost: one pass over the waiting list and at most a day and a half of hours, O(waiting + 36).
 */
import { z } from 'zod';
import { clinicDayOf, hourStartOf, localHourOf, weekdayOf } from './clinic-time.ts';
import type { QueueDay, QueueEntryRow } from './queue-projection.ts';
import { waitedMinutesOf } from './quote-accuracy.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Days of history the model learns from (four of each weekday). */
export const ESTIMATOR_HISTORY_DAYS = 28;
/** A gap between two calls longer than this is a break, not an interval. */
const MAX_INTERVAL_MS = 45 * MINUTE;
/** Today's most recent busy intervals that count. */
const RECENT_INTERVALS = 8;
/** How many of today's intervals the history is worth. */
const HISTORY_INTERVAL_WEIGHT = 3;
/** Without any history: PRODUCT's default consultation. */
const DEFAULT_INTERVAL_MS = 15 * MINUTE;
/** How many open days of a weekday the "always working" default is worth against that weekday's history. */
const WORK_PRIOR_DAYS = 0.5;
/** An hour worked at least this share counts as the doctor's hours (a session start or its end). */
const WORKING_SHARE = 0.25;
/** Scale floor of the conformal errors: short waits vary by minutes, not by a share of nothing. */
const SCALE_FLOOR_MINUTES = 10;
/** Judged quotes needed before the clinic's own errors set its range. */
const MIN_CALIBRATION = 30;
/** Coverage aimed at: 80 %, from the 10th to the 90th percentile. */
const LOW_QUANTILE = 0.1;
const HIGH_QUANTILE = 0.9;
/** Scaled error percentiles standing in until a clinic has its own (from `npm run bench -- --only estimates`). */
export const DEFAULT_RESIDUALS = { low: -0.45, high: 0.55 } as const;

/** The model as stored (a Durable Object's storage outlives deployments: it is checked, not trusted). */
export const EstimatorModelSchema = z.object({
  intervalMs: z.number().positive().nullable(),
  intervalSamples: z.number().int().nonnegative(),
  workShare: z.array(z.array(z.number().min(0).max(1)).length(24)).length(7),
  openDays: z.array(z.number().int().nonnegative()).length(7),
  walkOutShare: z.number().min(0).max(1),
  residualLow: z.number(),
  residualHigh: z.number(),
  calibrationSize: z.number().int().nonnegative(),
});

/** What the estimator learnt from a clinic's history: small, JSON, kept by its Durable Object. */
export interface EstimatorModel {
  /** Mean busy call-to-call interval in the history, ms; null when it had none. */
  intervalMs: number | null;
  intervalSamples: number;
  /** [weekday 0 = Sunday … 6][local hour 0–23]: share of that hour the doctor was calling patients, over that weekday's open days. */
  workShare: number[][];
  /** Open days of each weekday in the history. */
  openDays: number[];
  /** Share of check-ins that left before being called. */
  walkOutShare: number;
  /** Conformal percentiles of the scaled errors, and how many judged quotes gave them (0: the default). */
  residualLow: number;
  residualHigh: number;
  calibrationSize: number;
}

/** What the model reads of a past entry: stored rows fit as they are. */
export type PastEntry = Pick<
  QueueEntryRow,
  'id' | 'clinicDay' | 'state' | 'checkedInAt' | 'calledAt' | 'completedAt' | 'noShowAt' | 'quoteWaitMinutes'
>;

export interface WaitEstimate {
  /** From now until the call, whole minutes, and the range around it. */
  waitMinutes: number;
  lowMinutes: number;
  highMinutes: number;
  /** When the patient should be called (epoch ms). */
  callAt: number;
}

const emptyGrid = () => Array.from({ length: 7 }, () => new Array<number>(24).fill(0));

/** The model of a clinic without history: always working, the default interval and range. */
export function defaultEstimatorModel(): EstimatorModel {
  return {
    intervalMs: null,
    intervalSamples: 0,
    workShare: emptyGrid(),
    openDays: new Array<number>(7).fill(0),
    walkOutShare: 0,
    residualLow: DEFAULT_RESIDUALS.low,
    residualHigh: DEFAULT_RESIDUALS.high,
    calibrationSize: 0,
  };
}

/** Busy intervals of one day's calls: consecutive calls while the next patient was already waiting. */
function busyIntervals(called: readonly Pick<QueueEntryRow, 'checkedInAt' | 'calledAt'>[]): number[] {
  const intervals: number[] = [];
  for (let index = 1; index < called.length; index += 1) {
    const previous = called[index - 1];
    const next = called[index];
    if (previous?.calledAt == null || next?.calledAt == null) continue;
    const gap = next.calledAt - previous.calledAt;
    if (next.checkedInAt <= previous.calledAt && gap <= MAX_INTERVAL_MS) intervals.push(gap);
  }
  return intervals;
}

const byCall = <T extends Pick<QueueEntryRow, 'calledAt'>>(entries: Iterable<T>): T[] =>
  [...entries].filter((entry) => entry.calledAt !== null).sort((a, b) => (a.calledAt ?? 0) - (b.calledAt ?? 0));

/** Adds the span [from, to) to the minutes worked per local hour of `grid[weekday]`. */
function addWorked(row: number[], from: number, to: number, timezone: string): void {
  for (let at = from; at < to; ) {
    const hourEnd = Math.min(to, hourStartOf(at, timezone) + HOUR);
    const hour = localHourOf(at, timezone);
    row[hour] = (row[hour] ?? 0) + (hourEnd - at);
    at = hourEnd;
  }
}

/** Conformal percentile with the finite-sample correction (rank ⌈(n + 1)q⌉ of n, clamped). */
function conformalQuantile(sorted: readonly number[], q: number): number {
  const rank = q >= 0.5 ? Math.ceil((sorted.length + 1) * q) : Math.floor((sorted.length + 1) * q);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/** The scaled error of one judged quote. */
export function scaledError(waitedMinutes: number, quotedMinutes: number): number {
  return (waitedMinutes - quotedMinutes) / (quotedMinutes + SCALE_FLOOR_MINUTES);
}

/**
 * Learns a clinic's model from its past entries (the `ESTIMATOR_HISTORY_DAYS` before today; the
 * caller chooses them, never today's).
 */
export function fitEstimatorModel(past: Iterable<PastEntry>, timezone: string): EstimatorModel {
  const days = new Map<string, PastEntry[]>();
  let checkIns = 0;
  let walkOuts = 0;
  const errors: number[] = [];
  for (const entry of past) {
    checkIns += 1;
    if (entry.calledAt === null && (entry.state === 'cancelled' || entry.state === 'no_show')) walkOuts += 1;
    const waited = waitedMinutesOf(entry);
    if (waited !== null && entry.quoteWaitMinutes !== null) errors.push(scaledError(waited, entry.quoteWaitMinutes));
    const list = days.get(entry.clinicDay);
    if (list === undefined) days.set(entry.clinicDay, [entry]);
    else list.push(entry);
  }

  const model = defaultEstimatorModel();
  const worked = emptyGrid();
  let intervalSum = 0;
  for (const [day, entries] of days) {
    const called = byCall(entries);
    if (called.length === 0) continue;
    const weekday = weekdayOf(day);
    const row = worked[weekday] ?? [];
    model.openDays[weekday] = (model.openDays[weekday] ?? 0) + 1;
    const intervals = busyIntervals(called);
    for (const interval of intervals) intervalSum += interval;
    model.intervalSamples += intervals.length;
    const typical = intervals.length > 0 ? intervals.reduce((a, b) => a + b, 0) / intervals.length : DEFAULT_INTERVAL_MS;
    // The doctor worked from each call to the next one, unless the gap was a break; after the last
    // call of a run, until that patient was done.
    called.forEach((entry, index) => {
      const calledAt = entry.calledAt ?? 0;
      const nextCall = called[index + 1]?.calledAt ?? null;
      const end = nextCall !== null && nextCall - calledAt <= MAX_INTERVAL_MS ? nextCall : Math.min(entry.completedAt ?? entry.noShowAt ?? calledAt + typical, calledAt + MAX_INTERVAL_MS);
      addWorked(row, calledAt, Math.max(calledAt, end), timezone);
    });
  }
  model.workShare = worked.map((row, weekday) => {
    const open = model.openDays[weekday] ?? 0;
    return row.map((ms) => (open > 0 ? Math.min(1, ms / (HOUR * open)) : 0));
  });
  model.intervalMs = model.intervalSamples > 0 ? intervalSum / model.intervalSamples : null;
  model.walkOutShare = checkIns > 0 ? walkOuts / checkIns : 0;
  if (errors.length >= MIN_CALIBRATION) {
    errors.sort((a, b) => a - b);
    model.residualLow = conformalQuantile(errors, LOW_QUANTILE);
    model.residualHigh = conformalQuantile(errors, HIGH_QUANTILE);
    model.calibrationSize = errors.length;
  }
  return model;
}

/** The interval to plan with now: today's recent busy intervals, shrunk toward the history's. */
export function plannedIntervalMs(day: QueueDay, model: EstimatorModel): number {
  const recent = busyIntervals(byCall(day.entries.values())).slice(-RECENT_INTERVALS);
  const prior = model.intervalMs ?? DEFAULT_INTERVAL_MS;
  const sum = recent.reduce((a, b) => a + b, 0);
  return (sum + HISTORY_INTERVAL_WEIGHT * prior) / (recent.length + HISTORY_INTERVAL_WEIGHT);
}

/** Share of each local hour of `weekday` the doctor is expected to work, shrunk toward "always". */
function workProfile(model: EstimatorModel, weekday: number): number[] {
  const open = model.openDays[weekday] ?? 0;
  const observed = model.workShare[weekday] ?? [];
  const profile = Array.from({ length: 24 }, (_, hour) => (open * (observed[hour] ?? 0) + WORK_PRIOR_DAYS) / (open + WORK_PRIOR_DAYS));
  // After the usual last hour of work, overtime at full rate: nobody waits forever on paper.
  const lastWorked = profile.findLastIndex((share) => share >= WORKING_SHARE);
  return profile.map((share, hour) => (hour > lastWorked ? 1 : share));
}

/** Where the doctor's work resumes when away at `now`: the next usual start of a session. */
function resumeAt(now: number, timezone: string, shareAt: (at: number) => number): number {
  let hourStart = hourStartOf(now, timezone);
  let previousShare = shareAt(hourStart - 1);
  for (let step = 0; step < 36; step += 1, hourStart += HOUR) {
    const share = shareAt(hourStart);
    if (share >= WORKING_SHARE) {
      // A session starting within the hour starts late in it; one carrying on from the hour before, at once.
      const start = previousShare >= WORKING_SHARE ? hourStart : hourStart + (1 - share) * HOUR;
      return Math.max(now, start);
    }
    previousShare = share;
  }
  return now;
}

/**
 * Estimates for every waiting entry of `day` at `now`, in ticket order (the order they will be
 * called). Empty when nobody waits.
 */
export function estimateWaits(day: QueueDay, model: EstimatorModel, now: number): Map<string, WaitEstimate> {
  const estimates = new Map<string, WaitEstimate>();
  const waiting: QueueEntryRow[] = [];
  let inService: QueueEntryRow | undefined;
  for (const entry of day.entries.values()) {
    if (entry.state === 'waiting') waiting.push(entry);
    else if ((entry.state === 'called' || entry.state === 'in_consultation') && (inService?.calledAt ?? -1) < (entry.calledAt ?? 0)) inService = entry;
  }
  if (waiting.length === 0) return estimates;
  waiting.sort((a, b) => a.ticketNumber - b.ticketNumber);

  const timezone = day.settings.timezone;
  const interval = plannedIntervalMs(day, model);
  const profiles = new Map<string, number[]>();
  const shareAt = (at: number): number => {
    const localDay = clinicDayOf(at, timezone);
    let profile = profiles.get(localDay);
    if (profile === undefined) {
      profile = workProfile(model, weekdayOf(localDay));
      profiles.set(localDay, profile);
    }
    return profile[localHourOf(at, timezone)] ?? 1;
  };
  // The patient in consultation still needs the rest of an interval (at least a quarter of one).
  const residual = inService?.calledAt == null ? 0 : Math.max(interval / 4, interval - (now - inService.calledAt));
  const perPatientAhead = interval * (1 - model.walkOutShare);
  const start = day.doctorPresent ? now : resumeAt(now, timezone, shareAt);

  // Walk the hours from `start`, accruing the doctor's time at each hour's rate, and place each
  // waiting patient where the work before them is done.
  let segmentStart = start;
  let accrued = 0;
  let position = 0;
  for (let guard = 0; position < waiting.length && guard < 72; guard += 1) {
    const segmentEnd = hourStartOf(segmentStart, timezone) + HOUR;
    // The hour in which the doctor is at work (present now, or just resumed) counts as worked.
    const rate = guard === 0 ? 1 : shareAt(segmentStart);
    const capacity = (segmentEnd - segmentStart) * rate;
    for (; position < waiting.length; position += 1) {
      const need = residual + position * perPatientAhead;
      if (need > accrued + capacity) break;
      const entry = waiting[position];
      if (entry !== undefined) estimates.set(entry.id, rangeOf(segmentStart + (rate > 0 ? (need - accrued) / rate : 0), now, model));
    }
    accrued += capacity;
    segmentStart = segmentEnd;
  }
  // Past a day and a half of hours (never with a real profile): full rate from there.
  for (; position < waiting.length; position += 1) {
    const entry = waiting[position];
    if (entry !== undefined) estimates.set(entry.id, rangeOf(segmentStart + residual + position * perPatientAhead - accrued, now, model));
  }
  return estimates;
}

/** The point at `callAt` and its conformal range, in whole minutes from `now`; the range always holds the point. */
function rangeOf(callAt: number, now: number, model: EstimatorModel): WaitEstimate {
  const pointMinutes = Math.max(0, (callAt - now) / MINUTE);
  const waitMinutes = Math.round(pointMinutes);
  const scale = pointMinutes + SCALE_FLOOR_MINUTES;
  const low = Math.max(0, Math.floor(pointMinutes + model.residualLow * scale));
  const high = Math.ceil(pointMinutes + model.residualHigh * scale);
  return { waitMinutes, lowMinutes: Math.min(low, waitMinutes), highMinutes: Math.max(high, waitMinutes), callAt: Math.round(now + pointMinutes * MINUTE) };
}

/**
 * The entry just checked in, with its quote: the estimate at check-in, kept unchanged from then
 * on. Answers the row unchanged when it is not waiting (nothing to quote).
 */
export function quoteAtCheckIn(day: QueueDay, model: EstimatorModel, entry: QueueEntryRow): QueueEntryRow {
  const estimate = estimateWaits(day, model, entry.checkedInAt).get(entry.id);
  if (estimate === undefined) return entry;
  return { ...entry, quoteWaitMinutes: estimate.waitMinutes, quoteLowMinutes: estimate.lowMinutes, quoteHighMinutes: estimate.highMinutes, quotedAt: entry.checkedInAt };
}
