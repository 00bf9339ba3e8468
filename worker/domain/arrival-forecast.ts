/**
 * Arrivals forecast (PRODUCT: forecast): the check-ins expected in each local hour of a clinic day,
 * today up to `FORECAST_HORIZON_DAYS` ahead, with a range meant to hold the actual count 8 times in
 * 10. Learnt from the clinic's own hourly check-ins of the `FORECAST_HISTORY_DAYS` days before
 * `asOf`, never from `asOf` or later. Pure; the day, the zone and the history are parameters.
 *
 * The point: a clinic's day is a level times a shape. The level is the mean total of the same
 * weekday's past days (up to eight of them: a Monday is not a Saturday). The shape is the share of
 * a day's check-ins that fall in each hour, counted over that weekday's days and over the other
 * weekdays whose hours look the same — a two-sample χ² test of their hourly counts says so — so a
 * Tuesday's 9 o'clock is learnt from five weekdays, not one, while a Friday with a quiet afternoon
 * or a Saturday morning keeps its own (on the bench, pooling takes the hourly error from 0.78 to
 * 0.76 of the naive forecast's, and a young clinic's from 0.91 to 0.84). Expected(hour) = level ×
 * share(hour).
 *
 * What it must not learn from. A day far below its weekday's usual — under a quarter of the median
 * of that weekday's other days, when that median is not zero: a public holiday, a day off — is left
 * out: it would drag the level down for eight weeks (the seasonal naive forecast, which copies last
 * week, forecasts the week after a holiday empty). A weekday on which nobody ever came is closed:
 * 0, range 0–0. Days before the clinic's first day do not exist, nor do the days before its first
 * check-in (signed up, not using the queue yet); a day of the window without any row had no
 * check-in.
 *
 * A young clinic — fewer than `MIN_WEEKDAY_DAYS` ordinary days of the weekday forecast — pools all
 * its days (a holiday or a closed day then being one far below the median of all the others): the
 * level is the weekday's own few days with the mean of all its days counting for
 * `YOUNG_LEVEL_PRIOR_DAYS` more (a weekday never seen gets that mean), the shape is pooled as
 * above, and a weekday seen so far only closed is forecast closed. Its range is wider: its spread
 * is measured the same way on fewer days, with a floor. No check-in at all in the window: zeros,
 * 'no-history'.
 *
 * The range. Hour counts are negative binomial around the point: variance μ + c·μ², the
 * overdispersion c measured on the clinic's own days by leave-one-out (each past day against the
 * forecast its weekday's other days would have made), so c holds both the day-to-day swing and the
 * error of a level learnt from a few days. Counts are whole, so an hour's range takes, each side,
 * the cut whose tail is nearest `HOUR_TAIL` (neither always inside nor always outside), and always
 * holds the point. The day's total is not the sum of the hours' ranges: a busy day is busy in
 * every hour, the hours move together. Its range is split-conformal on the same leave-one-out days:
 * each day's total over the level it was forecast, pooled across weekdays, gives percentile ratios
 * (with the finite-sample correction) that scale today's total; the whole counts between them
 * are the range. With fewer than `MIN_CONFORMAL_DAYS` such days, a negative binomial with the
 * totals' own dispersion stands in.
 *
 * Clocks: hours are the day's local hour labels in the clinic's zone. A spring-forward day lacks
 * the skipped hour; on a fall-back day the repeated hour is one label holding two hours of
 * check-ins (forecast twice its usual share, scored on the sum of both).
 *
 * Cost: O(days × 24) to learn, plus 7 × 7 χ² tests of 24 cells; no state between calls.
 */
import { addClinicDays, clinicDaysBetween, localHourOf, nextClinicDay, startOfClinicDay, weekdayOf } from './clinic-time.ts';

/** Days of history read before `asOf`: eight of each weekday. */
export const FORECAST_HISTORY_DAYS = 56;
/** Today up to this many clinic days ahead. */
export const FORECAST_HORIZON_DAYS = 7;
/** How a forecast was made: from the weekday's own days, from a young clinic's pooled days, or from nothing. */
export const FORECAST_METHODS = ['weekday-hour', 'young-clinic', 'no-history'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/** A row of `hourly_rollups`: check-ins (QR + manual) of a clinic day's local hour. Sparse: empty hours and days are absent. */
export interface HourArrivals {
  day: string;
  hour: number;
  arrivals: number;
}

/** `expected` to 0.1; `low` and `high` whole, `low ≤ expected ≤ high`. */
export interface ForecastRange {
  expected: number;
  low: number;
  high: number;
}

export interface ForecastHour extends ForecastRange {
  hour: number;
}

export interface ArrivalForecast {
  day: string;
  /** Every local hour the day has, in order (23 on a spring-forward day). */
  hours: ForecastHour[];
  total: ForecastRange;
  method: ForecastMethod;
}

export interface ForecastInput {
  /** The clinic day forecast. */
  day: string;
  /** The first day not known: only history days before it are read (`asOf ≤ day ≤ asOf + FORECAST_HORIZON_DAYS`). */
  asOf: string;
  /** The clinic's first clinic day: no day before it exists. */
  firstDay: string;
  timezone: string;
  history: readonly HourArrivals[];
}

const HOUR_MS = 3_600_000;
const HOURS_A_DAY = 24;
/** A day under this share of its weekday's median is a holiday, not a sample of the weekday. */
const HOLIDAY_SHARE = 0.25;
/** Ordinary days of a weekday needed before it is forecast from its own days alone. */
const MIN_WEEKDAY_DAYS = 3;
/** How many days the pooled mean of a young clinic counts for in a weekday's level: a little, weekdays differ. */
const YOUNG_LEVEL_PRIOR_DAYS = 0.5;
/**
 * Two weekdays share a shape unless their hourly counts' χ² exceeds df + this many standard
 * deviations (√(2·df)): about a 3 % false alarm, so a shape is split only on clear evidence.
 */
const SHAPE_SPLIT_Z = 2;
/**
 * Each side of an hour's range cuts off about this much of its distribution: with whole counts and
 * the point always inside, it holds 79 % of the scored hours of the bench's tuning seed (7).
 */
const HOUR_TAIL = 0.12;
/** The total's conformal percentiles, 12th and 88th: the whole counts between them hold 82 % of the tuning seed's open days. */
const TOTAL_TAIL = 0.12;
/** Leave-one-out days needed before the totals' own ratios set their range. */
const MIN_CONFORMAL_DAYS = 10;
/**
 * Dispersion floors of a young clinic, hour and total: a few days cannot measure their own spread
 * (with the floors, the bench's young clinics' hours are covered 78 % of the time, tuning seed).
 */
const YOUNG_HOUR_DISPERSION = 0.04;
const YOUNG_TOTAL_DISPERSION = 0.01;
/** Beyond this many check-ins a normal approximation replaces the count distribution. */
const NORMAL_FROM = 400;

/** One past clinic day: check-ins by local hour label. */
interface PastDay {
  day: string;
  weekday: number;
  counts: number[];
  total: number;
  /** False for a holiday (or a day the clinic did not open although it usually does). */
  ordinary: boolean;
}

/** A weekday's ordinary days summed: days, check-ins, and check-ins by hour. */
interface WeekdaySums {
  days: number;
  total: number;
  counts: number[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(middle)] ?? 0) + (sorted[Math.ceil(middle)] ?? 0)) / 2;
}

/** The local hour labels of `day` in `timezone`, each with how many hours carry it (2 for a repeated one). */
function localHoursOfDay(day: string, timezone: string): Map<number, number> {
  const hours = new Map<number, number>();
  const end = startOfClinicDay(nextClinicDay(day), timezone);
  for (let at = startOfClinicDay(day, timezone); at < end; at += HOUR_MS) {
    const hour = localHourOf(at, timezone);
    hours.set(hour, (hours.get(hour) ?? 0) + 1);
  }
  return new Map([...hours].sort(([a], [b]) => a - b));
}

/** The window's days, each with its hourly counts: rows outside `[from, asOf)` are not read. */
function pastDays(from: string, asOf: string, history: readonly HourArrivals[]): PastDay[] {
  const length = Math.max(0, clinicDaysBetween(from, asOf));
  const days: PastDay[] = Array.from({ length }, (_, index) => {
    const day = addClinicDays(from, index);
    return { day, weekday: weekdayOf(day), counts: new Array<number>(HOURS_A_DAY).fill(0), total: 0, ordinary: true };
  });
  // By label: a row of a day outside the window (on or after asOf, say) finds no day and is not read.
  const byLabel = new Map(days.map((past) => [past.day, past]));
  for (const row of history) {
    const past = byLabel.get(row.day);
    if (past === undefined || !(row.arrivals > 0) || row.hour < 0 || row.hour >= HOURS_A_DAY) continue;
    past.counts[row.hour] = (past.counts[row.hour] ?? 0) + row.arrivals;
    past.total += row.arrivals;
  }
  return days;
}

/** Marks the holidays among `days` against `peersOf(day)`: a day under a quarter of its peers' median, when that median is not zero. */
function markHolidays(days: PastDay[], peersOf: (day: PastDay) => PastDay[]): void {
  for (const day of days) {
    const others = peersOf(day).filter((other) => other !== day);
    // Two peers at least: one other day is no "usual".
    if (others.length < 2) continue;
    const usual = median(others.map((other) => other.total));
    day.ordinary = !(usual > 0 && day.total < HOLIDAY_SHARE * usual);
  }
}

function weekdaySums(days: readonly PastDay[]): WeekdaySums[] {
  const sums = Array.from({ length: 7 }, () => ({ days: 0, total: 0, counts: new Array<number>(HOURS_A_DAY).fill(0) }));
  for (const day of days) {
    const weekday = sums[day.weekday];
    if (!day.ordinary || weekday === undefined) continue;
    weekday.days += 1;
    weekday.total += day.total;
    for (const [hour, count] of day.counts.entries()) weekday.counts[hour] = (weekday.counts[hour] ?? 0) + count;
  }
  return sums;
}

/** Whether two hourly count vectors could share one shape: two-sample χ² against df + `SHAPE_SPLIT_Z`·√(2·df). */
function sameShape(a: readonly number[], b: readonly number[]): boolean {
  const totalA = sum(a);
  const totalB = sum(b);
  if (totalA === 0 || totalB === 0) return true;
  let chiSquare = 0;
  let cells = 0;
  for (let hour = 0; hour < HOURS_A_DAY; hour += 1) {
    const countA = a[hour] ?? 0;
    const countB = b[hour] ?? 0;
    if (countA + countB === 0) continue;
    cells += 1;
    const share = (countA + countB) / (totalA + totalB);
    chiSquare += (countA - totalA * share) ** 2 / (totalA * share) + (countB - totalB * share) ** 2 / (totalB * share);
  }
  const df = cells - 1;
  return df <= 0 || chiSquare <= df + SHAPE_SPLIT_Z * Math.sqrt(2 * df);
}

/** The hourly check-ins a weekday's shape is learnt from: its own plus those of the weekdays shaped like it (all of them when it has none). */
function shapeCounts(sums: readonly WeekdaySums[], weekday: number): number[] {
  const own = sums[weekday]?.counts ?? [];
  const pooled = new Array<number>(HOURS_A_DAY).fill(0);
  for (const [other, { counts }] of sums.entries()) {
    if (other !== weekday && !sameShape(own, counts)) continue;
    for (const [hour, count] of counts.entries()) pooled[hour] = (pooled[hour] ?? 0) + count;
  }
  return pooled;
}

/** Probabilities of 0, 1, 2 … check-ins with mean `mean` and variance mean + c·mean² (Poisson at c = 0), until `limit` of the mass. */
function countDistribution(mean: number, dispersion: number, limit: number): number[] {
  const probabilities: number[] = [];
  let cumulative = 0;
  if (dispersion <= 0) {
    let p = Math.exp(-mean);
    for (let k = 0; cumulative < limit && k < 10 * (mean + 10); k += 1) {
      probabilities.push(p);
      cumulative += p;
      p *= mean / (k + 1);
    }
    return probabilities;
  }
  const r = 1 / dispersion;
  const q = mean / (r + mean);
  let p = Math.exp(r * Math.log(1 - q));
  for (let k = 0; cumulative < limit && k < 50 * (mean + 10); k += 1) {
    probabilities.push(p);
    cumulative += p;
    p *= ((k + r) / (k + 1)) * q;
  }
  return probabilities;
}

/**
 * The whole-count range of a count with mean `mean` and dispersion c: the cuts whose tail masses
 * are nearest `tail` each side, widened to hold the point.
 */
function countRange(mean: number, dispersion: number, tail: number): ForecastRange {
  const expected = round1(mean);
  if (mean <= 0) return { expected: 0, low: 0, high: 0 };
  let low: number;
  let high: number;
  if (mean > NORMAL_FROM) {
    const sd = Math.sqrt(mean + dispersion * mean * mean);
    const z = normalQuantile(1 - tail);
    low = Math.round(mean - z * sd);
    high = Math.round(mean + z * sd);
  } else {
    const probabilities = countDistribution(mean, dispersion, 1 - 1e-9);
    low = 0;
    high = probabilities.length - 1;
    let below = 0;
    let bestLow = Number.POSITIVE_INFINITY;
    let bestHigh = Number.POSITIVE_INFINITY;
    for (const [k, p] of probabilities.entries()) {
      // Mass strictly below k, and strictly above k.
      if (Math.abs(below - tail) < bestLow) [bestLow, low] = [Math.abs(below - tail), k];
      below += p;
      if (Math.abs(1 - below - tail) < bestHigh) [bestHigh, high] = [Math.abs(1 - below - tail), k];
    }
  }
  return { expected, low: Math.max(0, Math.min(low, Math.floor(expected))), high: Math.max(high, Math.ceil(expected)) };
}

/** The standard normal's quantile at p ≥ ½ (Abramowitz–Stegun 26.2.23, error under 4.5e-4): enough for a range. */
function normalQuantile(p: number): number {
  const t = Math.sqrt(-2 * Math.log(1 - p));
  return t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
}

/** Conformal percentile with the finite-sample correction (rank ⌈(n + 1)q⌉ of n, clamped), as the wait estimator's. */
function conformalQuantile(sorted: readonly number[], q: number): number {
  const rank = q >= 0.5 ? Math.ceil((sorted.length + 1) * q) : Math.floor((sorted.length + 1) * q);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/** What the days say about the spread, by leave-one-out: hour and total dispersions, and total ÷ level ratios. */
interface Spread {
  hourDispersion: number;
  totalDispersion: number;
  ratios: number[];
}

/**
 * Each ordinary day against the forecast `levelWithout(day)` × its shape without it would have
 * made: the moment estimate of c, Σ((y − μ)² − μ) ÷ Σμ², over hours and over totals.
 */
function spreadOf(days: readonly PastDay[], levelWithout: (day: PastDay) => number | null, shapeOf: (day: PastDay) => number[]): Spread {
  let hourExcess = 0;
  let hourScale = 0;
  let totalExcess = 0;
  let totalScale = 0;
  const ratios: number[] = [];
  for (const day of days) {
    if (!day.ordinary) continue;
    const level = levelWithout(day);
    const shape = shapeOf(day);
    const shapeTotal = sum(shape) - day.total;
    if (level === null || level <= 0 || shapeTotal <= 0) continue;
    for (const [hour, count] of day.counts.entries()) {
      const mean = (level * ((shape[hour] ?? 0) - count)) / shapeTotal;
      hourExcess += (count - mean) ** 2 - mean;
      hourScale += mean * mean;
    }
    totalExcess += (day.total - level) ** 2 - level;
    totalScale += level * level;
    ratios.push(day.total / level);
  }
  return {
    hourDispersion: hourScale > 0 ? Math.max(0, hourExcess / hourScale) : 0,
    totalDispersion: totalScale > 0 ? Math.max(0, totalExcess / totalScale) : 0,
    ratios: ratios.sort((a, b) => a - b),
  };
}

/** The forecast of one clinic day: its hours, its total and how it was made. */
export function forecastArrivals(input: ForecastInput): ArrivalForecast {
  const ahead = clinicDaysBetween(input.asOf, input.day);
  if (ahead < 0 || ahead > FORECAST_HORIZON_DAYS) {
    throw new RangeError(`a forecast of ${input.day} as of ${input.asOf}: the day must be 0 to ${FORECAST_HORIZON_DAYS} days after asOf`);
  }
  const hoursOfDay = localHoursOfDay(input.day, input.timezone);
  const windowStart = addClinicDays(input.asOf, -FORECAST_HISTORY_DAYS);
  const window = pastDays(input.firstDay > windowStart ? input.firstDay : windowStart, input.asOf, input.history);
  // A clinic counts from its first check-in: the days it had signed up without using the queue say nothing.
  const firstUse = window.findIndex((day) => day.total > 0);
  if (firstUse < 0) return closedForecast(input.day, hoursOfDay, 'no-history');
  const days = window.slice(firstUse);

  const weekday = weekdayOf(input.day);
  markHolidays(days, (day) => days.filter((other) => other.weekday === day.weekday));
  const sums = weekdaySums(days);
  if ((sums[weekday]?.days ?? 0) >= MIN_WEEKDAY_DAYS) {
    const own = sums[weekday] ?? { days: 0, total: 0, counts: [] };
    const level = own.total / own.days;
    if (level === 0) return closedForecast(input.day, hoursOfDay, 'weekday-hour');
    const shapes = sums.map((_, other) => shapeCounts(sums, other));
    const spread = spreadOf(
      days,
      (day) => {
        const peers = sums[day.weekday];
        return peers === undefined || peers.days < 2 ? null : (peers.total - day.total) / (peers.days - 1);
      },
      (day) => shapes[day.weekday] ?? [],
    );
    return forecastOf(input.day, hoursOfDay, level, shapes[weekday] ?? [], spread, 'weekday-hour');
  }

  // A young clinic (or a weekday with too few ordinary days): all its days pooled, a holiday or a
  // closed day being one far below the median of all the others.
  for (const day of days) day.ordinary = true;
  markHolidays(days, () => days);
  const own = days.filter((day) => day.weekday === weekday);
  if (own.length > 0 && own.every((day) => !day.ordinary)) return closedForecast(input.day, hoursOfDay, 'young-clinic');
  const young = weekdaySums(days);
  const pooled = young.reduce((all, one) => ({ days: all.days + one.days, total: all.total + one.total, counts: all.counts.map((count, hour) => count + (one.counts[hour] ?? 0)) }));
  // A weekday's level: its own ordinary days, and the pooled mean counting for `YOUNG_LEVEL_PRIOR_DAYS` more; `without` one day to judge it.
  const levelOf = (levelWeekday: number, without?: PastDay): number | null => {
    const left = without?.ordinary === true ? without : undefined;
    const ownSums = young[levelWeekday] ?? pooled;
    const ownLeft = left?.weekday === levelWeekday ? left.total : null;
    const pooledDays = pooled.days - (left === undefined ? 0 : 1);
    if (pooledDays <= 0) return null;
    const pooledMean = (pooled.total - (left?.total ?? 0)) / pooledDays;
    return (ownSums.total - (ownLeft ?? 0) + YOUNG_LEVEL_PRIOR_DAYS * pooledMean) / (ownSums.days - (ownLeft === null ? 0 : 1) + YOUNG_LEVEL_PRIOR_DAYS);
  };
  // A weekday never seen takes the shape of all the days.
  const shapes = young.map((sums, other) => (sums.days > 0 ? shapeCounts(young, other) : pooled.counts));
  // Each day judged as this forecast is made: with some days of its own weekday when this weekday has some.
  const ownDays = young[weekday]?.days ?? 0;
  const spread = spreadOf(
    days,
    (day) => (ownDays > 0 && (young[day.weekday]?.days ?? 0) < 2 ? null : levelOf(day.weekday, day)),
    (day) => shapes[day.weekday] ?? [],
  );
  spread.hourDispersion = Math.max(spread.hourDispersion, YOUNG_HOUR_DISPERSION);
  spread.totalDispersion = Math.max(spread.totalDispersion, YOUNG_TOTAL_DISPERSION);
  return forecastOf(input.day, hoursOfDay, levelOf(weekday) ?? 0, shapes[weekday] ?? [], spread, 'young-clinic');
}

function forecastOf(day: string, hoursOfDay: Map<number, number>, level: number, shape: readonly number[], spread: Spread, method: ForecastMethod): ArrivalForecast {
  const shapeTotal = sum(shape);
  const means = [...hoursOfDay].map(([hour, times]) => ({ hour, mean: shapeTotal > 0 ? (level * times * (shape[hour] ?? 0)) / shapeTotal : 0 }));
  const hours = means.map(({ hour, mean }) => ({ hour, ...countRange(mean, spread.hourDispersion, HOUR_TAIL) }));
  const expected = means.reduce((total, { mean }) => total + mean, 0);
  let total: ForecastRange;
  if (spread.ratios.length >= MIN_CONFORMAL_DAYS) {
    const rounded = round1(expected);
    total = {
      expected: rounded,
      // The whole counts inside the ratios' range: one check-in more each side is 5 % more coverage on a 45-patient day.
      low: Math.min(Math.floor(rounded), Math.ceil(expected * conformalQuantile(spread.ratios, TOTAL_TAIL))),
      high: Math.max(Math.ceil(rounded), Math.floor(expected * conformalQuantile(spread.ratios, 1 - TOTAL_TAIL))),
    };
  } else {
    total = countRange(expected, spread.totalDispersion, TOTAL_TAIL);
  }
  return { day, hours, total, method };
}

function closedForecast(day: string, hoursOfDay: Map<number, number>, method: ForecastMethod): ArrivalForecast {
  return { day, hours: [...hoursOfDay.keys()].map((hour) => ({ hour, expected: 0, low: 0, high: 0 })), total: { expected: 0, low: 0, high: 0 }, method };
}

/** A day's forecast against what happened. */
export interface ForecastScore {
  actualTotal: number;
  totalAbsError: number;
  totalInside: boolean;
  hours: Array<{ hour: number; actual: number; absError: number; inside: boolean }>;
  /** Hours with a forecast high above 0 or a check-in. */
  hoursScored: number;
  hoursInside: number;
  hourlyAbsErrorSum: number;
}

/**
 * Scores a forecast against the day's check-ins (its rows, sparse; a repeated hour's rows summed).
 * Scored hours are those with high > 0 or a check-in: a closed night hour forecast 0–0 that stayed
 * empty is not a success worth counting.
 */
export function scoreForecast(forecast: Pick<ArrivalForecast, 'hours' | 'total'>, actual: readonly HourArrivals[]): ForecastScore {
  const happened = new Map<number, number>();
  for (const row of actual) happened.set(row.hour, (happened.get(row.hour) ?? 0) + row.arrivals);
  const actualTotal = sum([...happened.values()]);
  let hoursScored = 0;
  let hoursInside = 0;
  let hourlyAbsErrorSum = 0;
  const hours = forecast.hours.map(({ hour, expected, low, high }) => {
    const count = happened.get(hour) ?? 0;
    const absError = round1(Math.abs(count - expected));
    const inside = low <= count && count <= high;
    if (high > 0 || count > 0) {
      hoursScored += 1;
      hoursInside += inside ? 1 : 0;
      hourlyAbsErrorSum += absError;
    }
    return { hour, actual: count, absError, inside };
  });
  return {
    actualTotal,
    totalAbsError: round1(Math.abs(actualTotal - forecast.total.expected)),
    totalInside: forecast.total.low <= actualTotal && actualTotal <= forecast.total.high,
    hours,
    hoursScored,
    hoursInside,
    hourlyAbsErrorSum: round1(hourlyAbsErrorSum),
  };
}
