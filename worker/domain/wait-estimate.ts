/**
 * Wait estimates (PRODUCT: quote and estimate): when each waiting patient will be called, as a
 * point and a range meant to hold the actual wait 8 times in 10. Pure; time is a parameter.
 *
 * The point. Patients are called in ticket order, one per "interval": the time from one call to
 * the next while someone was waiting (so it holds the consultation, the turnover, and the few
 * minutes lost on a no-show). The interval is today's recent busy intervals, shrunk toward the
 * clinic's own history: one interval varies by half its length, a whole day's pace by about a
 * tenth, so today needs many intervals before it outweighs the weeks before. Each patient ahead
 * counts for the chance they are still there when their turn comes: the history gives, by the
 * wait a patient faced, the share who left before being called (the longer the wait, the more
 * leave), and a patient who has already waited some time without leaving counts for the rest.
 *
 * The doctor works in sessions (a morning, an afternoon): from the clinic's last weeks the model
 * keeps each day's sessions, in minutes of the clinic's wall clock — when calls started, since
 * when someone had been waiting for them, when the last consultation ended. With the doctor away,
 * work resumes when it resumed on the past days (that weekday's, when it has enough of them) on
 * which the doctor was away at this time of day with patients waiting: the median of those
 * restarts (a late start, the afternoon after lunch). With the doctor present, work goes on at
 * the interval's pace — most doctors see the queue through — unless the sessions under way at
 * this time of day mostly ended with patients left waiting for the next one (a doctor who leaves
 * at 12:30 whatever the queue): then it stops when those usually ended, and resumes as above.
 *
 * The range is split-conformal: the clinic's past quotes, each judged against what happened, give
 * scaled errors `(actual − quoted) ÷ (quoted + 10 min)`; their 10th and 90th percentiles (with
 * the finite-sample correction) widen today's point into the range. The errors come from quotes
 * made before each of those days by the model of that time, never from the days a model learnt
 * from, so the coverage is honest. Until a clinic has enough judged quotes, a documented default
 * (measured on the bench's generated clinics) stands in.
 *
 * Patients still to come (the arrivals a forecast expects, for the day's end: day-end.ts) can be
 * placed too, with `estimateWaitsWithArrivals`: the doctor idles until they arrive, and their
 * range is the one their quote would have at check-in.
 *
 * Cost: one pass over the waiting list and a few passes over four weeks of sessions,
 * O(waiting + days × sessions); fitting is O(n log n) in the history's entries.
 */
import { z } from 'zod';
import { instantOfClinicTime, utcOffsetMsAt, weekdayOf } from './clinic-time.ts';
import type { QueueDay, QueueEntryRow } from './queue-projection.ts';
import { waitedMinutesOf } from './quote-accuracy.ts';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** Days of history the model learns from (four of each weekday). */
export const ESTIMATOR_HISTORY_DAYS = 28;
/** A gap between two calls longer than this is a break, not an interval. */
const MAX_INTERVAL_MS = 45 * MINUTE;
/** The doctor idle or away this long between two patients ends a session (a coffee break does not; lunch does). */
const SESSION_GAP_MS = 30 * MINUTE;
/** Today's most recent busy intervals that count. */
const RECENT_INTERVALS = 16;
/** How many of today's intervals the history is worth. */
const HISTORY_INTERVAL_WEIGHT = 15;
/** Without any history: PRODUCT's default consultation. */
const DEFAULT_INTERVAL_MS = 15 * MINUTE;
/** Past days of the same weekday needed before they speak for it alone; below this all days do. */
const MIN_WEEKDAY_OBSERVATIONS = 3;
/** Share of the sessions under way that must have left patients waiting before the doctor is expected to. */
const STOP_WITH_QUEUE_SHARE = 0.5;
/** A session that usually ends within this long is over when the doctor leaves an empty waiting room. */
const SESSION_NEAR_END_MINUTES = 60;
/** Spans of work planned ahead (a morning, lunch, an afternoon and spare); the last is open-ended. */
const MAX_WORK_SPANS = 4;
/** Walk-outs are counted by the wait faced, in half hours up to six hours (longer waits count in the last). */
const WALK_OUT_STEP_MS = 30 * MINUTE;
const WALK_OUT_STEPS = 12;
/** Pseudo-count pulling a thinly observed half hour toward the one before it. */
const WALK_OUT_PRIOR = 10;
/** Scale floor of the conformal errors: short waits vary by minutes, not by a share of nothing. */
const SCALE_FLOOR_MINUTES = 10;
/** Judged quotes needed before the clinic's own errors set its range. */
const MIN_CALIBRATION = 30;
/** Coverage aimed at: 80 %, from the 10th to the 90th percentile. */
const LOW_QUANTILE = 0.1;
const HIGH_QUANTILE = 0.9;
/**
 * Scaled error percentiles standing in until a clinic has its own: those of the quotes made without
 * any history in `npm run bench -- --only estimates` (−0.29 and +0.54 over 544 quotes, tuning seed).
 */
export const DEFAULT_RESIDUALS = { low: -0.3, high: 0.55 } as const;

/** A session of a past day in minutes of its wall clock: [since when someone was waiting for it (null: nobody), first call, end of the last consultation]. */
const SessionSchema = z.tuple([z.number().nullable(), z.number(), z.number()]);

/** The model as stored (a Durable Object's storage outlives deployments: it is checked, not trusted). */
export const EstimatorModelSchema = z.object({
  intervalMs: z.number().positive().nullable(),
  intervalSamples: z.number().int().nonnegative(),
  // A model stored before sessions were kept reads as one without history of them.
  days: z.array(z.object({ weekday: z.number().int().min(0).max(6), sessions: z.array(SessionSchema) })).default([]),
  walkOutByWait: z.array(z.number().min(0).max(1)).max(WALK_OUT_STEPS).default([]),
  residualLow: z.number(),
  residualHigh: z.number(),
  calibrationSize: z.number().int().nonnegative(),
});

/** One past open day: its weekday and its sessions, oldest first. */
export interface PastDay {
  weekday: number;
  sessions: Array<[waitingSince: number | null, start: number, end: number]>;
}

/** What the estimator learnt from a clinic's history: small, JSON, kept by its Durable Object. */
export interface EstimatorModel {
  /** Mean busy call-to-call interval in the history, ms; null when it had none. */
  intervalMs: number | null;
  intervalSamples: number;
  /** The open days of the history and when the doctor worked on each. */
  days: PastDay[];
  /** [half hour k of the wait faced]: share of the patients facing that wait who left before being called (never decreasing). */
  walkOutByWait: number[];
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

/** The model of a clinic without history: the doctor always at work, the default interval and range. */
export function defaultEstimatorModel(): EstimatorModel {
  return {
    intervalMs: null,
    intervalSamples: 0,
    days: [],
    walkOutByWait: [],
    residualLow: DEFAULT_RESIDUALS.low,
    residualHigh: DEFAULT_RESIDUALS.high,
    calibrationSize: 0,
  };
}

/** Minutes since midnight on the clinic's wall clock. */
function wallMinuteOf(at: number, timezone: string): number {
  const wall = at + utcOffsetMsAt(at, timezone);
  return (((wall % 86_400_000) + 86_400_000) % 86_400_000) / MINUTE;
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

/** One day's sessions: calls chained while the doctor was never away or idle for `SESSION_GAP_MS`. */
function sessionsOf(called: readonly PastEntry[], typicalMs: number, timezone: string): PastDay['sessions'] {
  const sessions: { waitingSince: number | null; start: number; end: number }[] = [];
  let current: (typeof sessions)[number] | undefined;
  for (const entry of called) {
    const calledAt = entry.calledAt ?? 0;
    // A patient called but never seen through (cancelled at the door) held the doctor about an interval.
    const end = Math.max(calledAt, Math.min(entry.completedAt ?? entry.noShowAt ?? calledAt + typicalMs, calledAt + MAX_INTERVAL_MS));
    if (current === undefined || calledAt - current.end >= SESSION_GAP_MS) {
      current = { waitingSince: null, start: calledAt, end };
      sessions.push(current);
    }
    current.end = Math.max(current.end, end);
    if (entry.checkedInAt < current.start) current.waitingSince = Math.min(current.waitingSince ?? entry.checkedInAt, entry.checkedInAt);
  }
  return sessions.map(({ waitingSince, start, end }) => [
    waitingSince === null ? null : wallMinuteOf(waitingSince, timezone),
    wallMinuteOf(start, timezone),
    wallMinuteOf(end, timezone),
  ]);
}

/**
 * By half hour of the wait faced, the share of patients who left before being called. A patient who
 * left faced the wait until the next call of someone who checked in after them (they would have
 * been called about then); one who left with nobody called after them (closing time) says nothing.
 */
function walkOutByWait(days: Iterable<readonly PastEntry[]>): number[] {
  const faced = new Array<number>(WALK_OUT_STEPS).fill(0);
  const left = new Array<number>(WALK_OUT_STEPS).fill(0);
  for (const entries of days) {
    let nextCall = Number.POSITIVE_INFINITY;
    for (const entry of [...entries].sort((a, b) => b.checkedInAt - a.checkedInAt)) {
      const walkedOut = entry.calledAt === null && (entry.state === 'cancelled' || entry.state === 'no_show');
      const until = entry.calledAt ?? (walkedOut ? nextCall : Number.POSITIVE_INFINITY);
      if (until !== Number.POSITIVE_INFINITY) {
        const step = Math.min(WALK_OUT_STEPS - 1, Math.floor((until - entry.checkedInAt) / WALK_OUT_STEP_MS));
        faced[step] = (faced[step] ?? 0) + 1;
        if (walkedOut) left[step] = (left[step] ?? 0) + 1;
      }
      if (entry.calledAt !== null) nextCall = Math.min(nextCall, entry.calledAt);
    }
  }
  let before = 0;
  return faced.map((count, step) => {
    before = Math.max(before, ((left[step] ?? 0) + WALK_OUT_PRIOR * before) / (count + WALK_OUT_PRIOR));
    return before;
  });
}

/** The share who leave before a call after waiting `waitedMs`, between half-hour midpoints. */
function walkOutShareAt(model: EstimatorModel, waitedMs: number): number {
  const curve = model.walkOutByWait;
  const position = Math.max(0, waitedMs / WALK_OUT_STEP_MS - 0.5);
  const step = Math.min(curve.length - 1, Math.floor(position));
  const within = Math.min(1, position - step);
  return step < 0 ? 0 : (curve[step] ?? 0) + ((curve[step + 1] ?? curve[step] ?? 0) - (curve[step] ?? 0)) * within;
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
  const errors: number[] = [];
  for (const entry of past) {
    const waited = waitedMinutesOf(entry);
    if (waited !== null && entry.quoteWaitMinutes !== null) errors.push(scaledError(waited, entry.quoteWaitMinutes));
    const list = days.get(entry.clinicDay);
    if (list === undefined) days.set(entry.clinicDay, [entry]);
    else list.push(entry);
  }

  const model = defaultEstimatorModel();
  let intervalSum = 0;
  for (const [day, entries] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
    const called = byCall(entries);
    if (called.length === 0) continue;
    const intervals = busyIntervals(called);
    for (const interval of intervals) intervalSum += interval;
    model.intervalSamples += intervals.length;
    const typical = intervals.length > 0 ? intervals.reduce((a, b) => a + b, 0) / intervals.length : DEFAULT_INTERVAL_MS;
    model.days.push({ weekday: weekdayOf(day), sessions: sessionsOf(called, typical, timezone) });
  }
  model.intervalMs = model.intervalSamples > 0 ? intervalSum / model.intervalSamples : null;
  model.walkOutByWait = walkOutByWait(days.values());
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

/** What the past days say at wall minute `minute`: that weekday's answers when it has enough, else every day's. */
function observed(model: EstimatorModel, weekday: number, observe: (sessions: PastDay['sessions']) => number | null): number[] {
  const answers = (days: PastDay[]) => days.map((day) => observe(day.sessions)).filter((answer) => answer !== null);
  const own = answers(model.days.filter((day) => day.weekday === weekday));
  return own.length >= MIN_WEEKDAY_OBSERVATIONS ? own : answers(model.days);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = values.sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(middle)] ?? 0) + (sorted[Math.ceil(middle)] ?? 0)) / 2;
}

/**
 * What today says about an absence, when no past day was away at this time with patients waiting:
 * the doctor has not started yet (wait for the day's first session, as late as it was on the days
 * it started after now), left patients waiting (a short break: resume now), or left an empty
 * waiting room: the session is over if, on the past days at work at this time, it was about to
 * end (wait for the next one), else it is a break too.
 */
type Absence = 'not_started' | 'empty_room' | 'short_break';

/** With the doctor away at wall minute `minute`: when work resumed on past days away then with patients waiting. */
function resumeMinute(model: EstimatorModel, weekday: number, minute: number, absence: Absence): number | null {
  const restarts = observed(model, weekday, (sessions) => {
    for (const [index, [waitingSince, start]] of sessions.entries()) {
      const awaySince = sessions[index - 1]?.[2] ?? 0;
      if (awaySince <= minute && minute < start) return waitingSince !== null && waitingSince <= minute ? start : null;
    }
    return null;
  });
  if (restarts.length > 0 || absence === 'short_break') return median(restarts);
  if (absence === 'empty_room') {
    const left = median(observed(model, weekday, (sessions) => sessions.find(([, start, end]) => start <= minute && minute < end)?.[2] ?? null));
    if (left !== null && left - minute > SESSION_NEAR_END_MINUTES) return null;
  }
  return median(
    observed(model, weekday, (sessions) => {
      const start = absence === 'not_started' ? sessions[0]?.[1] : sessions.find(([, begins]) => begins > minute)?.[1];
      return start !== undefined && start > minute ? start : null;
    }),
  );
}

/** Why the doctor is away at `now`, from today's calls and who is still waiting. */
function absenceOf(day: QueueDay, waiting: readonly QueueEntryRow[]): Absence {
  let lastWork: number | null = null;
  for (const entry of day.entries.values()) {
    if (entry.calledAt !== null) lastWork = Math.max(lastWork ?? 0, entry.completedAt ?? entry.noShowAt ?? entry.calledAt);
  }
  if (lastWork === null) return 'not_started';
  return waiting.some((entry) => entry.checkedInAt <= (lastWork ?? 0)) ? 'short_break' : 'empty_room';
}

/** With the doctor at work at wall minute `minute`: when the session usually stops with patients left waiting, or null when it usually sees them through. */
function stopMinute(model: EstimatorModel, weekday: number, minute: number): number | null {
  const ends = observed(model, weekday, (sessions) => {
    const index = sessions.findIndex(([, start, end]) => start <= minute && minute < end);
    if (index < 0) return null;
    const end = sessions[index]?.[2] ?? minute;
    const nextWaitingSince = sessions[index + 1]?.[0] ?? null;
    return nextWaitingSince !== null && nextWaitingSince < end ? end : Number.POSITIVE_INFINITY;
  });
  const stops = ends.filter((end) => end !== Number.POSITIVE_INFINITY);
  return stops.length > 0 && stops.length >= STOP_WITH_QUEUE_SHARE * ends.length ? median(stops) : null;
}

/** The doctor's spans of work from `now` on, as [from, to) instants; the last one never ends (overtime). */
function workSpans(day: QueueDay, model: EstimatorModel, now: number, absence: Absence): Array<[number, number]> {
  const timezone = day.settings.timezone;
  const weekday = weekdayOf(day.day);
  const at = (minute: number | null, otherwise: number) => (minute === null ? otherwise : instantOfClinicTime(day.day, minute, timezone));
  const resumeAfter = (from: number, why: Absence) => Math.max(from, at(resumeMinute(model, weekday, wallMinuteOf(from, timezone), why), from));
  const spans: Array<[number, number]> = [];
  let from = day.doctorPresent ? now : resumeAfter(now, absence);
  for (let span = 1; span < MAX_WORK_SPANS; span += 1) {
    const stop = stopMinute(model, weekday, wallMinuteOf(from, timezone));
    if (stop === null || stop >= DAY_MINUTES) break;
    const to = Math.max(from, at(stop, from));
    spans.push([from, to]);
    // The doctor is expected to leave patients waiting: a restart as on the past days that did.
    from = resumeAfter(to, 'short_break');
  }
  spans.push([from, Number.POSITIVE_INFINITY]);
  return spans;
}

/**
 * Estimates for every waiting entry of `day` at `now`, in ticket order (the order they will be
 * called). Empty when nobody waits.
 */
export function estimateWaits(day: QueueDay, model: EstimatorModel, now: number): Map<string, WaitEstimate> {
  return placeWaiting(day, model, now, false);
}

/**
 * `estimateWaits` for a day that also holds patients still to come (checked in after `now`: the
 * arrivals a forecast expects, day-end.ts). Nobody is called before they arrive — a doctor with
 * nobody there waits for the next — and the range of a patient still to come is that of the quote
 * they would get at check-in: it widens with the wait from their arrival, not from now. Minutes
 * still count from `now`. For a day without such entries it answers exactly `estimateWaits`.
 */
export function estimateWaitsWithArrivals(day: QueueDay, model: EstimatorModel, now: number): Map<string, WaitEstimate> {
  return placeWaiting(day, model, now, true);
}

/** The doctor's work time within `spans` before `at`. */
function workBefore(spans: ReadonlyArray<readonly [number, number]>, at: number): number {
  let work = 0;
  for (const [from, to] of spans) if (from < at) work += Math.min(at, to) - from;
  return work;
}

function placeWaiting(day: QueueDay, model: EstimatorModel, now: number, awaitArrivals: boolean): Map<string, WaitEstimate> {
  const estimates = new Map<string, WaitEstimate>();
  const waiting: QueueEntryRow[] = [];
  let inService: QueueEntryRow | undefined;
  for (const entry of day.entries.values()) {
    if (entry.state === 'waiting') waiting.push(entry);
    else if ((entry.state === 'called' || entry.state === 'in_consultation') && (inService?.calledAt ?? -1) < (entry.calledAt ?? 0)) inService = entry;
  }
  if (waiting.length === 0) return estimates;
  waiting.sort((a, b) => a.ticketNumber - b.ticketNumber);

  const interval = plannedIntervalMs(day, model);
  // The patient with the doctor still needs the rest of an interval: at least a third of one, as a
  // consultation already long is as likely as not to go on a while (they are right-skewed).
  const residual = inService?.calledAt == null ? 0 : Math.max(interval / 3, interval - (now - inService.calledAt));

  // Place each waiting patient where the doctor's work before them is done, span after span; each
  // adds an interval to the work of those after them, times the chance they are still there then.
  const spans = workSpans(day, model, now, absenceOf(day, waiting));
  let spanIndex = 0;
  let doneBefore = 0;
  let need = residual;
  for (const entry of waiting) {
    // Someone still to come is called once there: until then the doctor's time goes to waiting for them.
    const arrival = awaitArrivals && entry.checkedInAt > now ? entry.checkedInAt : null;
    if (arrival !== null) need = Math.max(need, workBefore(spans, arrival));
    let span = spans[spanIndex];
    while (span !== undefined && (need > doneBefore + (span[1] - span[0]) || (arrival !== null && span[1] <= arrival))) {
      doneBefore += span[1] - span[0];
      spanIndex += 1;
      span = spans[spanIndex];
    }
    const callAt = (span?.[0] ?? now) + need - doneBefore;
    estimates.set(entry.id, rangeOf(callAt, now, model, arrival ?? now));
    // Given they have not left yet: of those still there after the wait so far, the share still there at the call.
    const stillThere = 1 - walkOutShareAt(model, now - entry.checkedInAt);
    const stays = stillThere > 0 ? (1 - walkOutShareAt(model, callAt - entry.checkedInAt)) / stillThere : 1;
    need += interval * Math.min(1, Math.max(0, stays));
  }
  return estimates;
}

/**
 * The point at `callAt` and its conformal range, in whole minutes from `now`; the range always
 * holds the point. The range is that of a quote made at `quotedAt` (now, or the arrival of a
 * patient still to come), and never starts before it.
 */
function rangeOf(callAt: number, now: number, model: EstimatorModel, quotedAt = now): WaitEstimate {
  const pointMinutes = Math.max(0, (callAt - quotedAt) / MINUTE);
  const aheadMinutes = (quotedAt - now) / MINUTE;
  const waitMinutes = Math.round(aheadMinutes + pointMinutes);
  const scale = pointMinutes + SCALE_FLOOR_MINUTES;
  const low = Math.max(0, Math.floor(aheadMinutes + Math.max(0, pointMinutes + model.residualLow * scale)));
  const high = Math.ceil(aheadMinutes + pointMinutes + model.residualHigh * scale);
  return { waitMinutes, lowMinutes: Math.min(low, waitMinutes), highMinutes: Math.max(high, waitMinutes), callAt: Math.round(now + (aheadMinutes + pointMinutes) * MINUTE) };
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
