/**
 * Walk-out risk (PRODUCT: trust and foresight): the probability that a waiting entry leaves before
 * being called. Pure; time and the clinic's zone are parameters.
 *
 * Walked out: ended `no_show` or `cancelled` without ever being called (the rule of wait-estimate.ts's
 * walk-outs by wait). Called, it did not, whatever happened next. Closed `unfinished` at midnight,
 * it is neither: such an entry is left out of learning and scoring, though it still stood in the
 * queue and counts in the positions of those behind it.
 *
 * The method. A logistic regression on five things the reception can see: how long the patient
 * has waited, their position in the queue (1 = next), the hour on the clinic's wall clock, the
 * weekday and how they checked in. The learning samples are "landmarks": every past entry seen
 * every `WALK_OUT_LANDMARK_MS` of its wait from check-in (0, 15, 30 … min, while still waiting),
 * with the features at that instant and, as its label, whether it walked out in the end — so the
 * model answers the question the reception asks at any time of a wait, not only at check-in.
 * Waiting at t means checked in at or before t and not yet called, gone or closed; the position is
 * 1 + the entries of the same day checked in earlier (by time, then id) still waiting at t.
 *
 * The transforms are smooth and few (`WALK_OUT_FEATURES`). The wait so far and the position, both
 * linear (in units of two hours and of eight places, so their weights read like the others):
 * patience runs out on the whole wait, the part behind plus the part ahead, and a patient is
 * called about every quarter hour, so wait + position is about the wait a patient is facing. The
 * log of the position as well (1 → 0): being next is nearly safe, and the first places differ
 * more than the twentieth and the twenty-first. The hour as four bands (morning, lunch,
 * afternoon, evening: waiting over the doctor's lunch, or into closing time), Monday and Saturday
 * against the other days, QR against a check-in at the desk. Against the first idea, log1p of the
 * wait with the log of the position, these take the landmark Brier from 0.83 of the base rate's to
 * 0.77 (fitted on the bench's seed 7, judged on seed 3).
 * The weight of the wait is kept ≥ 0, so the risk never falls while the patient waits and nothing
 * else changes: a reception list whose risk went down on its own would not be trusted. (The truth
 * may dip — the impatient few have gone by the second hour — but the position and the hour carry
 * most of what follows.)
 *
 * Learning is maximum a posteriori: a Gaussian prior centred on the whole service's weights
 * (`SERVICE_WALK_OUT_PRIOR` until the service has its own), worth `PRIOR_LANDMARKS` landmarks of
 * the clinic's own kind in each coordinate, so a clinic with a few days of history answers almost
 * as the service does and one with four weeks (a few thousand landmarks) mostly as itself. A few
 * Newton steps from the prior find it (the posterior is strictly concave; one bound is held by an
 * active set). The base rate, the constant predictor it is judged against, is fitted the same way,
 * so the comparison is fair to it: the share of walk-outs among the landmarks, its log-odds shrunk
 * toward the service's base rate as the intercept is toward the service's intercept.
 *
 * Scored when each entry ends (PRODUCT): the Brier score, the mean over the entry's landmarks of
 * (risk − outcome)², against the base rate's.
 *
 * Cost: O(landmarks × (ahead + features²)) to learn — a day's positions are counted by scanning
 * those checked in before — and O(entries of today²) for a reception list.
 */
import { z } from 'zod';
import { clinicDayOf, localHourOf, weekdayOf } from './clinic-time.ts';
import type { QueueEntryRow } from './queue-projection.ts';

const MINUTE = 60_000;

/** A past wait is seen every quarter hour: the reception list's own pace of change, more samples would only repeat each other. */
export const WALK_OUT_LANDMARK_MS = 15 * MINUTE;

/** What each weight multiplies, in order. */
export const WALK_OUT_FEATURES = ['intercept', 'waited', 'position', 'logPosition', 'lunch', 'afternoon', 'evening', 'monday', 'saturday', 'qr'] as const;
const FEATURE_COUNT = WALK_OUT_FEATURES.length;
const INTERCEPT = WALK_OUT_FEATURES.indexOf('intercept');
/** The wait's weight, held ≥ 0 (the risk never falls as the wait goes on). */
const WAIT_FEATURE = WALK_OUT_FEATURES.indexOf('waited');
/** Weights held ≥ 0 while fitting. */
const NON_NEGATIVE: readonly number[] = [WAIT_FEATURE];
/** The wait and the position are counted in these units, so their weights read on the scale of the others. */
const WAIT_UNIT_MS = 2 * 60 * MINUTE;
const POSITION_UNIT = 8;

/** Hour bands on the clinic's wall clock: lunch is the doctor's usual break, evening the run-up to closing. */
const LUNCH_FROM_HOUR = 12;
const AFTERNOON_FROM_HOUR = 15;
const EVENING_FROM_HOUR = 18;

/**
 * How many of the clinic's landmarks the service's model is worth, in each coordinate: about two
 * weeks of an ordinary clinic (some 200 landmarks an open day), so four weeks of history outweigh
 * it. On the bench's tuning seed 200, 800 and 3000 scored within 1 % of each other: the generated
 * clinics differ little, so the choice is about real ones, which differ more.
 */
const PRIOR_LANDMARKS = 3000;
/** Keeps a coordinate the clinic has no data for (no Saturdays yet) at the prior's value instead of undefined. */
const INFORMATION_FLOOR = 1e-4;
/** Newton steps at most; from the prior, three or four usually reach the tolerance. */
const MAX_NEWTON_STEPS = 12;
const NEWTON_TOLERANCE = 1e-5;
/** Halvings of a Newton step that would lower the posterior (it does not happen from a sane prior; the bound is a guard). */
const MAX_STEP_HALVINGS = 10;
/** A base rate of exactly 0 or 1 has no log-odds: the prior's is kept inside by this much. */
const RATE_FLOOR = 1e-6;

/** Risk levels (PRODUCT's reception list): `high` from `HIGH_RISK`, `medium` from `MEDIUM_RISK`. */
export const WALK_OUT_LEVELS = ['low', 'medium', 'high'] as const;
export type WalkOutLevel = (typeof WALK_OUT_LEVELS)[number];
/**
 * Absolute thresholds, so a level means the same in every clinic: high from one chance in five,
 * medium from one in ten (above the service's base rate, 7.7 % of landmarks). On the bench, read
 * every quarter hour, high marks the riskiest 12–16 % of the waiting patients shown, and 39–40 %
 * of those walked out, against 2 % of those shown low; medium marks 12–13 %, of whom 14 % left.
 */
const HIGH_RISK = 0.2;
const MEDIUM_RISK = 0.1;

/** The model as stored (a Durable Object's storage outlives deployments: it is checked, not trusted). */
export const WalkOutModelSchema: z.ZodType<WalkOutModel> = z.object({
  weights: z
    .array(z.number().finite())
    .length(FEATURE_COUNT)
    .refine((weights) => (weights[WAIT_FEATURE] ?? 0) >= 0, 'the weight of the wait must not be negative'),
  baseRate: z.number().min(0).max(1),
  entries: z.number().int().nonnegative(),
  landmarks: z.number().int().nonnegative(),
});

/** What the risk learnt from a clinic's history (or the service's): small, JSON, kept by its Durable Object. */
export interface WalkOutModel {
  /** One per `WALK_OUT_FEATURES`, on the log-odds scale. */
  weights: number[];
  /** The constant predictor fitted on the same landmarks (shrunk the same way), to score against. */
  baseRate: number;
  /** Decided entries and landmarks it learnt from (0: the prior as it is). */
  entries: number;
  landmarks: number;
}

/** What the risk reads of an entry: stored rows fit as they are. */
export type WalkOutEntry = Pick<
  QueueEntryRow,
  'id' | 'clinicDay' | 'state' | 'method' | 'checkedInAt' | 'calledAt' | 'noShowAt' | 'cancelledAt' | 'unfinishedAt'
>;

export interface WalkOutRisk {
  /** Rounded to 0.01. */
  probability: number;
  level: WalkOutLevel;
}

/**
 * The service-wide model used until the service has its own: fitted with a flat prior over every
 * landmark of the 13 generated clinics of the bench (bench/walk-out-bench.ts,
 * `measureServiceWalkOutPrior`) on its tuning seed 7, 365 days to 2026-11-23: 677 700 landmarks
 * of 138 120 entries. On a weekday morning, a patient next in line who just checked in at the
 * desk: 0.1 %; fifth after an hour: 7 %; tenth after an hour: 32 %; second after three hours: 31 %.
 * The evening adds 0.82 to the log-odds (closing time), Saturday 0.35 (closing at 15:00).
 */
export const SERVICE_WALK_OUT_PRIOR: WalkOutModel = {
  weights: [-7.172, 3.487, 1.967, 0.959, -0.253, 0.223, 0.815, -0.037, 0.347, 0.045],
  baseRate: 0.0767,
  entries: 138_120,
  landmarks: 677_700,
};

/** Whether `entry` walked out: null while undecided (still waiting) and for entries closed unfinished. */
export function walkedOut(entry: WalkOutEntry): boolean | null {
  if (entry.unfinishedAt !== null || entry.state === 'unfinished') return null;
  if (entry.calledAt !== null) return false;
  if (entry.state === 'no_show' || entry.state === 'cancelled') return true;
  return null;
}

/** When the entry stopped waiting: its call, or leaving or being closed without one (never, while it waits). */
const waitEndOf = (entry: WalkOutEntry): number =>
  entry.calledAt ?? entry.noShowAt ?? entry.cancelledAt ?? entry.unfinishedAt ?? Number.POSITIVE_INFINITY;

/** Check-in order, ties by id: the order positions are counted in. */
const byCheckIn = (a: WalkOutEntry, b: WalkOutEntry): number => a.checkedInAt - b.checkedInAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One clinic day in check-in order, with when each stopped waiting. */
interface OrderedDay {
  entries: WalkOutEntry[];
  ends: number[];
  weekday: number;
}

function orderedDays(entries: Iterable<WalkOutEntry>): Map<string, OrderedDay> {
  const days = new Map<string, OrderedDay>();
  for (const entry of entries) {
    let day = days.get(entry.clinicDay);
    if (day === undefined) {
      day = { entries: [], ends: [], weekday: weekdayOf(entry.clinicDay) };
      days.set(entry.clinicDay, day);
    }
    day.entries.push(entry);
  }
  for (const day of days.values()) {
    day.entries.sort(byCheckIn);
    day.ends = day.entries.map(waitEndOf);
  }
  return days;
}

/** 1 + the entries checked in before the one at `index` still waiting at `at` (they checked in before it, so before `at`). */
function positionAt(day: OrderedDay, index: number, at: number): number {
  let position = 1;
  for (let before = 0; before < index; before += 1) if ((day.ends[before] ?? 0) > at) position += 1;
  return position;
}

/** The features of a patient waiting since `checkedInAt`, at `at`, in order of `WALK_OUT_FEATURES`. */
function featuresOf(entry: WalkOutEntry, at: number, position: number, weekday: number, timezone: string): number[] {
  const hour = localHourOf(at, timezone);
  return [
    1,
    Math.max(0, at - entry.checkedInAt) / WAIT_UNIT_MS,
    position / POSITION_UNIT,
    Math.log(position),
    hour >= LUNCH_FROM_HOUR && hour < AFTERNOON_FROM_HOUR ? 1 : 0,
    hour >= AFTERNOON_FROM_HOUR && hour < EVENING_FROM_HOUR ? 1 : 0,
    hour >= EVENING_FROM_HOUR ? 1 : 0,
    weekday === 1 ? 1 : 0,
    weekday === 6 ? 1 : 0,
    entry.method === 'qr' ? 1 : 0,
  ];
}

const sigmoid = (eta: number): number => 1 / (1 + Math.exp(-eta));

/** The model's probability for one feature vector. */
function probabilityOf(weights: readonly number[], features: readonly number[]): number {
  let eta = 0;
  for (let index = 0; index < FEATURE_COUNT; index += 1) eta += (weights[index] ?? 0) * (features[index] ?? 0);
  return sigmoid(eta);
}

/** The landmarks of the entry at `index` of `day`: the features at each quarter hour of its wait. */
function landmarksOfEntry(day: OrderedDay, index: number, timezone: string, visit: (features: number[]) => void): void {
  const entry = day.entries[index];
  if (entry === undefined) return;
  const end = day.ends[index] ?? Number.POSITIVE_INFINITY;
  for (let at = entry.checkedInAt; at < end; at += WALK_OUT_LANDMARK_MS) {
    visit(featuresOf(entry, at, positionAt(day, index, at), day.weekday, timezone));
  }
}

/** Learning samples of some past entries, ready to fit: features flat (`WALK_OUT_FEATURES.length` a landmark), outcomes 1 = walked out. */
export interface WalkOutLandmarks {
  features: number[];
  outcomes: number[];
  /** Decided entries with at least one landmark. */
  entries: number;
}

/**
 * The landmarks of every decided entry among `entries` (whole clinic days: the others of the day
 * give positions). A caller learning from many days may keep each day's and fit on a window of them.
 */
export function walkOutLandmarks(entries: Iterable<WalkOutEntry>, timezone: string): WalkOutLandmarks {
  const samples: WalkOutLandmarks = { features: [], outcomes: [], entries: 0 };
  for (const day of orderedDays(entries).values()) {
    for (const [index, entry] of day.entries.entries()) {
      const outcome = walkedOut(entry);
      if (outcome === null) continue;
      const before = samples.outcomes.length;
      landmarksOfEntry(day, index, timezone, (features) => {
        samples.features.push(...features);
        samples.outcomes.push(outcome ? 1 : 0);
      });
      if (samples.outcomes.length > before) samples.entries += 1;
    }
  }
  return samples;
}

/** Solves `matrix · x = vector` (symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const rows = matrix.map((row, index) => [...row, vector[index] ?? 0]);
  for (let column = 0; column < size; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < size; row += 1) if (Math.abs(rows[row]?.[column] ?? 0) > Math.abs(rows[pivot]?.[column] ?? 0)) pivot = row;
    const swap = rows[column];
    rows[column] = rows[pivot] ?? [];
    rows[pivot] = swap ?? [];
    const head = rows[column] ?? [];
    for (let row = column + 1; row < size; row += 1) {
      const current = rows[row] ?? [];
      const factor = (current[column] ?? 0) / (head[column] ?? 1);
      for (let k = column; k <= size; k += 1) current[k] = (current[k] ?? 0) - factor * (head[k] ?? 0);
    }
  }
  const solution = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row -= 1) {
    const current = rows[row] ?? [];
    let sum = current[size] ?? 0;
    for (let k = row + 1; k < size; k += 1) sum -= (current[k] ?? 0) * (solution[k] ?? 0);
    solution[row] = sum / (current[row] ?? 1);
  }
  return solution;
}

/** The log-posterior at `weights` (up to a constant), its gradient and its negated Hessian: one pass over the landmarks. */
function posteriorAt(samples: readonly WalkOutLandmarks[], weights: readonly number[], centre: readonly number[], precision: readonly number[]) {
  let value = 0;
  const gradient = weights.map((weight, index) => -(precision[index] ?? 0) * (weight - (centre[index] ?? 0)));
  const hessian = weights.map((_, row) => weights.map((_, column) => (row === column ? (precision[row] ?? 0) : 0)));
  for (let index = 0; index < FEATURE_COUNT; index += 1) value -= 0.5 * (precision[index] ?? 0) * ((weights[index] ?? 0) - (centre[index] ?? 0)) ** 2;
  for (const { features, outcomes } of samples) {
    for (let sample = 0; sample < outcomes.length; sample += 1) {
      const offset = sample * FEATURE_COUNT;
      let eta = 0;
      for (let index = 0; index < FEATURE_COUNT; index += 1) eta += (weights[index] ?? 0) * (features[offset + index] ?? 0);
      const y = outcomes[sample] ?? 0;
      // y·η − log(1 + e^η), written so that e^η never overflows.
      value += y * eta - (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta)));
      const p = sigmoid(eta);
      const residual = y - p;
      const curvature = p * (1 - p);
      for (let row = 0; row < FEATURE_COUNT; row += 1) {
        const x = features[offset + row] ?? 0;
        if (x === 0) continue;
        gradient[row] = (gradient[row] ?? 0) + residual * x;
        const line = hessian[row] ?? [];
        for (let column = row; column < FEATURE_COUNT; column += 1) line[column] = (line[column] ?? 0) + curvature * x * (features[offset + column] ?? 0);
      }
    }
  }
  for (let row = 0; row < FEATURE_COUNT; row += 1) for (let column = 0; column < row; column += 1) (hessian[row] ?? [])[column] = hessian[column]?.[row] ?? 0;
  return { value, gradient, hessian };
}

/**
 * The model learnt from landmarks (one set or several: a clinic's days, or every clinic's for the
 * service's model), shrunk toward `prior` worth `priorLandmarks` landmarks: see the header for
 * the method. Without any landmark, the prior itself.
 */
export function fitWalkOutLandmarks(samples: readonly WalkOutLandmarks[], prior: WalkOutModel, priorLandmarks = PRIOR_LANDMARKS): WalkOutModel {
  let landmarks = 0;
  let entries = 0;
  let walkOuts = 0;
  for (const set of samples) {
    landmarks += set.outcomes.length;
    entries += set.entries;
    for (const outcome of set.outcomes) walkOuts += outcome;
  }
  const centre = Array.from({ length: FEATURE_COUNT }, (_, index) => prior.weights[index] ?? 0);
  for (const index of NON_NEGATIVE) centre[index] = Math.max(0, centre[index] ?? 0);
  if (landmarks === 0) return { weights: centre, baseRate: prior.baseRate, entries: 0, landmarks: 0 };

  // The prior is worth `priorLandmarks` landmarks in each coordinate: its precision is that many
  // times the mean information one of these landmarks carries there, at the prior's weights.
  const information = new Array<number>(FEATURE_COUNT).fill(0);
  for (const { features, outcomes } of samples) {
    for (let sample = 0; sample < outcomes.length; sample += 1) {
      const offset = sample * FEATURE_COUNT;
      let eta = 0;
      for (let index = 0; index < FEATURE_COUNT; index += 1) eta += (centre[index] ?? 0) * (features[offset + index] ?? 0);
      const curvature = sigmoid(eta) * (1 - sigmoid(eta));
      for (let index = 0; index < FEATURE_COUNT; index += 1) information[index] = (information[index] ?? 0) + curvature * (features[offset + index] ?? 0) ** 2;
    }
  }
  const precision = information.map((total) => priorLandmarks * Math.max(INFORMATION_FLOOR, total / landmarks));

  // Newton steps from the prior; a step that lowered the posterior is taken back by halves.
  let accepted = { weights: centre, value: Number.NEGATIVE_INFINITY };
  let weights = centre;
  let halvings = 0;
  for (let step = 0; step < MAX_NEWTON_STEPS; step += 1) {
    const { value, gradient, hessian } = posteriorAt(samples, weights, centre, precision);
    if (value < accepted.value) {
      if (halvings === MAX_STEP_HALVINGS) break;
      halvings += 1;
      const from = accepted.weights;
      weights = weights.map((weight, index) => ((from[index] ?? 0) + weight) / 2);
      continue;
    }
    accepted = { weights, value };
    halvings = 0;
    const move = boundedMove(hessian, gradient, weights);
    if (Math.max(...move.map(Math.abs)) < NEWTON_TOLERANCE) break;
    weights = weights.map((weight, index) => weight + (move[index] ?? 0));
  }
  return {
    weights: accepted.weights.map((weight, index) => (NON_NEGATIVE.includes(index) ? Math.max(0, weight) : weight)),
    baseRate: fitBaseRate(walkOuts, landmarks, prior.baseRate, precision[INTERCEPT] ?? 0),
    entries,
    landmarks,
  };
}

/**
 * The constant predictor fitted as the weights are: a regression on the intercept alone, its
 * Gaussian prior centred on the prior's base rate with the intercept's precision. Newton's method
 * in one dimension.
 */
function fitBaseRate(walkOuts: number, landmarks: number, priorRate: number, precision: number): number {
  const rate = Math.min(1 - RATE_FLOOR, Math.max(RATE_FLOOR, priorRate));
  const centre = Math.log(rate / (1 - rate));
  let logOdds = centre;
  for (let step = 0; step < MAX_NEWTON_STEPS * 2; step += 1) {
    const p = sigmoid(logOdds);
    // At most 2 in log-odds a step: far from the answer a full Newton step can overshoot.
    const move = Math.max(-2, Math.min(2, (walkOuts - landmarks * p - precision * (logOdds - centre)) / (landmarks * p * (1 - p) + precision)));
    logOdds += move;
    if (Math.abs(move) < NEWTON_TOLERANCE) break;
  }
  return sigmoid(logOdds);
}

/**
 * The Newton move that keeps the bounded weights ≥ 0: a weight the free move would take below 0 is
 * moved to 0 exactly and the others solve the rest (an active set, rebuilt at every step).
 */
function boundedMove(hessian: number[][], gradient: number[], weights: readonly number[]): number[] {
  const pinned = new Set<number>();
  for (;;) {
    const free = WALK_OUT_FEATURES.map((_, index) => index).filter((index) => !pinned.has(index));
    const move = new Array<number>(FEATURE_COUNT).fill(0);
    for (const index of pinned) move[index] = -(weights[index] ?? 0);
    const rest = free.map((row) => [...pinned].reduce((sum, index) => sum - (hessian[row]?.[index] ?? 0) * (move[index] ?? 0), gradient[row] ?? 0));
    const solved = solve(free.map((row) => free.map((column) => hessian[row]?.[column] ?? 0)), rest);
    for (const [position, index] of free.entries()) move[index] = solved[position] ?? 0;
    const crossing = NON_NEGATIVE.filter((index) => !pinned.has(index) && (weights[index] ?? 0) + (move[index] ?? 0) < 0);
    if (crossing.length === 0) return move;
    for (const index of crossing) pinned.add(index);
  }
}

/**
 * Learns a clinic's model from its past entries (its last 28 days: the caller chooses them, never
 * today's), shrunk toward `prior` (the service's).
 */
export function fitWalkOutModel(entries: Iterable<WalkOutEntry>, timezone: string, prior: WalkOutModel): WalkOutModel {
  return fitWalkOutLandmarks([walkOutLandmarks(entries, timezone)], prior);
}

function levelOf(probability: number): WalkOutLevel {
  if (probability >= HIGH_RISK) return 'high';
  return probability >= MEDIUM_RISK ? 'medium' : 'low';
}

/**
 * The risk of every entry of today (the clinic day of `now`) still waiting at `now`; the rest of
 * the day's entries give their positions. Entries of other days are ignored.
 */
export function walkOutRisks(entries: Iterable<WalkOutEntry>, model: WalkOutModel, now: number, timezone: string): Map<string, WalkOutRisk> {
  const risks = new Map<string, WalkOutRisk>();
  const today = orderedDays(entries).get(clinicDayOf(now, timezone));
  if (today === undefined) return risks;
  for (const [index, entry] of today.entries.entries()) {
    if (entry.checkedInAt > now || (today.ends[index] ?? 0) <= now) continue;
    const probability = Math.round(probabilityOf(model.weights, featuresOf(entry, now, positionAt(today, index, now), today.weekday, timezone)) * 100) / 100;
    risks.set(entry.id, { probability, level: levelOf(probability) });
  }
  return risks;
}

/**
 * The Brier score of the risks `entry` was given, once it has ended: the mean over its landmarks
 * of (p − y)², p the model's risk then (unrounded; positions from `dayEntries`, its clinic day),
 * y its outcome; and the same with p = the model's base rate. Null while it is undecided, when it
 * was closed unfinished, or when it never waited (called the instant it checked in).
 */
export function scoreWalkOut(
  dayEntries: Iterable<WalkOutEntry>,
  entry: WalkOutEntry,
  model: WalkOutModel,
  timezone: string,
): { brier: number; baseRateBrier: number } | null {
  const outcome = walkedOut(entry);
  if (outcome === null) return null;
  const others = [...dayEntries].filter((other) => other.clinicDay === entry.clinicDay && other.id !== entry.id);
  const day = orderedDays([...others, entry]).get(entry.clinicDay);
  const index = day?.entries.indexOf(entry) ?? -1;
  if (day === undefined || index < 0) return null;
  const y = outcome ? 1 : 0;
  let squares = 0;
  let count = 0;
  landmarksOfEntry(day, index, timezone, (features) => {
    squares += (probabilityOf(model.weights, features) - y) ** 2;
    count += 1;
  });
  if (count === 0) return null;
  return { brier: squares / count, baseRateBrier: (model.baseRate - y) ** 2 };
}
