/**
 * The one thing a clinic owner's Monday digest leads with (PRODUCT "Alerts people keep on": one
 * sentence, the figure that triggered it, what it compares against). Pure, from rollups: the
 * week's days and the four weeks before them, and the week's waits per local hour of the call.
 *
 * Method. Five detectors each compare one figure of the week with what the clinic usually does,
 * and propose a candidate only above a volume floor (a small clinic's 3 patients against 1 is no
 * "+200 %") and past a gap worth a sentence:
 * 1. `day_change` — each day's patients, and its average wait, against the mean of the same
 *    weekday over the 4 weeks before;
 * 2. `slowest_hour` — the local hour whose calls waited longest on average, against the week's
 *    average wait;
 * 3. `no_show_spike` — the week's no-show rate (walk-outs are no-shows: they left before their
 *    call) against the 4 weeks' rate;
 * 4. `qr_drop` — the week's QR share against the 4 weeks';
 * 5. `estimates_off` — the share of quotes whose range held the actual wait against the 8 in 10
 *    they are meant to hold (PRODUCT "Quote and estimate"), with their mean absolute error.
 * Comparisons against the 4 weeks before need a clinic with a patient in each of those weeks: a
 * clinic opened a fortnight ago has no "usual" yet.
 *
 * Ranking: strength of evidence, the relative gap between the figure and what it is compared with
 * (|figure − against| ÷ against; a drop of the QR share or of the quotes held counts as positive).
 * The largest wins; on a tie the detector listed first. When none fires, a week with patients
 * gets `steady` (its patients against the 4 weeks' mean); a week without any (closed) gets no insight.
 * `change` is relative (0.41 = +41 %), to 0.0001.
 */
import { addClinicDays } from './clinic-time.ts';
import { daysOf, sumDays, type DayCounters, type DayRange } from './history-figures.ts';
import type { RollupCounters } from './rollup.ts';

const MINUTE_MS = 60_000;
/** How many weeks before the digest's week make "usual". */
export const HISTORY_WEEKS = 4;

/** Day changes: a weekday usually this busy (mean patients) or more, and a gap of a quarter. */
export const DAY_MIN_USUAL_PATIENTS = 10;
/** A day's average wait is compared only over enough calls that day and in the 4 same weekdays, and a usual wait of 5 min or more. */
export const DAY_MIN_CALLS = 10;
export const DAY_MIN_USUAL_CALLS = 20;
export const DAY_MIN_USUAL_WAIT_MINUTES = 5;
export const DAY_MIN_CHANGE = 0.25;
/** The slowest hour: hours with 5 calls or more, in a week of 20 calls or more, waiting 10 min or more, a quarter above the week. */
export const HOUR_MIN_CALLS = 5;
export const HOUR_MIN_WEEK_CALLS = 20;
export const HOUR_MIN_WAIT_MINUTES = 10;
export const HOUR_MIN_EXCESS = 0.25;
/** Rates of the week need 30 patients, the 4 weeks before 60. */
export const WEEK_MIN_PATIENTS = 30;
export const HISTORY_MIN_PATIENTS = 60;
/** No-shows: 5 or more, half again the usual rate; a usual rate under 2 % counts as 2 % (from zero anything is infinite). */
export const NO_SHOW_MIN_COUNT = 5;
export const NO_SHOW_MIN_RISE = 0.5;
export const NO_SHOW_RATE_FLOOR = 0.02;
/** QR: a usual share of 10 % or more, down by a fifth. */
export const QR_MIN_USUAL_SHARE = 0.1;
export const QR_MIN_DROP = 0.2;
/** Quotes: 20 judged, meant to hold 8 in 10 (PRODUCT), said when they held under 6 in 10 (a quarter short). */
export const ESTIMATES_MIN_QUOTED = 20;
export const ESTIMATES_AIM = 0.8;
export const ESTIMATES_MIN_SHORTFALL = 0.25;

/** The week's calls summed by the local hour they were called in. */
export interface HourWaits {
  hour: number;
  waitSumMs: number;
  waitCount: number;
}

export interface InsightWeek {
  week: DayRange;
  /** Daily counters of the week and of the 4 weeks before (a day without a row counts as zero). */
  days: readonly DayCounters[];
  hours: readonly HourWaits[];
}

/** What a candidate says, by kind; `figure` triggered it, `against` is what it was compared with. */
export type InsightFacts =
  | { kind: 'day_change'; day: string; measure: 'patients' | 'avg_wait'; figure: number; against: number; change: number }
  | { kind: 'slowest_hour'; hour: number; figure: number; against: number; change: number }
  | { kind: 'no_show_spike'; noShows: number; figure: number; against: number; change: number }
  | { kind: 'qr_drop'; figure: number; against: number; change: number }
  | { kind: 'estimates_off'; quoted: number; meanAbsoluteErrorMinutes: number; figure: number; against: number; change: number }
  /** `against` null: no 4 weeks of history to compare with. */
  | { kind: 'steady'; figure: number; against: number | null; change: number | null };

export type InsightKind = InsightFacts['kind'];

/** A detector's proposal and its strength of evidence. */
export type InsightCandidate = InsightFacts & { score: number };

/** Same weekday of the 4 weeks before, as averaged: patients per day, and the wait over their calls. */
export interface SameWeekday {
  day: string;
  patients: number;
  seen: number;
  avgWaitMinutes: number | null;
  usual: { patients: number; avgWaitMinutes: number | null } | null;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const patientsOf = (counters: Pick<RollupCounters, 'checkinsQr' | 'checkinsManual'>) => counters.checkinsQr + counters.checkinsManual;
const meanWait = (counters: Pick<RollupCounters, 'waitSumMs' | 'waitCount'>) => (counters.waitCount > 0 ? counters.waitSumMs / MINUTE_MS / counters.waitCount : null);
const relative = (figure: number, against: number) => (figure - against) / against;
/** A relative change as answered. */
const changeOf = (value: number) => round(value, 4);

/** The 4 weeks before the digest's week. */
export function historyOf(week: DayRange): DayRange {
  return { from: addClinicDays(week.from, -7 * HISTORY_WEEKS), to: addClinicDays(week.from, -1) };
}

/** Whether each of the 4 weeks before had a patient: only then is there a "usual" to compare with. */
export function hasFullHistory(input: Pick<InsightWeek, 'week' | 'days'>): boolean {
  return Array.from({ length: HISTORY_WEEKS }, (_, index) => {
    const from = addClinicDays(input.week.from, -7 * (index + 1));
    return patientsOf(sumDays(input.days, { from, to: addClinicDays(from, 6) })) > 0;
  }).every(Boolean);
}

/** Each day of the week with the same weekday's mean over the 4 weeks before (null without a full history). */
export function sameWeekdays(input: Pick<InsightWeek, 'week' | 'days'>): SameWeekday[] {
  const full = hasFullHistory(input);
  return daysOf(input.week).map((day) => {
    const today = sumDays(input.days, { from: day, to: day });
    const before = Array.from({ length: HISTORY_WEEKS }, (_, index) => addClinicDays(day, -7 * (index + 1)));
    const usual = before.reduce((total, earlier) => {
      const counters = sumDays(input.days, { from: earlier, to: earlier });
      return { patients: total.patients + patientsOf(counters), waitSumMs: total.waitSumMs + counters.waitSumMs, waitCount: total.waitCount + counters.waitCount };
    }, { patients: 0, waitSumMs: 0, waitCount: 0 });
    const wait = meanWait(today);
    const usualWait = meanWait(usual);
    return {
      day,
      patients: patientsOf(today),
      seen: today.seen,
      avgWaitMinutes: wait === null ? null : round(wait, 1),
      usual: full ? { patients: round(usual.patients / HISTORY_WEEKS, 1), avgWaitMinutes: usualWait === null ? null : round(usualWait, 1) } : null,
    };
  });
}

/** 1. The largest change of a day, patients or average wait, against the same weekday's 4-week mean. */
export function dayChange(input: InsightWeek): InsightCandidate | null {
  if (!hasFullHistory(input)) return null;
  type DayCandidate = Extract<InsightCandidate, { kind: 'day_change' }>;
  let best: DayCandidate | null = null;
  const consider = (candidate: DayCandidate) => {
    if (Math.abs(candidate.change) >= DAY_MIN_CHANGE && (best === null || candidate.score > best.score)) best = candidate;
  };
  for (const day of daysOf(input.week)) {
    const today = sumDays(input.days, { from: day, to: day });
    const before = Array.from({ length: HISTORY_WEEKS }, (_, index) => sumDays(input.days, { from: addClinicDays(day, -7 * (index + 1)), to: addClinicDays(day, -7 * (index + 1)) }));
    const usualPatients = before.reduce((sum, counters) => sum + patientsOf(counters), 0) / HISTORY_WEEKS;
    if (usualPatients >= DAY_MIN_USUAL_PATIENTS) {
      const change = relative(patientsOf(today), usualPatients);
      consider({ kind: 'day_change', day, measure: 'patients', figure: patientsOf(today), against: round(usualPatients, 1), change: changeOf(change), score: Math.abs(change) });
    }
    const usualCalls = before.reduce((sum, counters) => sum + counters.waitCount, 0);
    const usualWait = meanWait({ waitSumMs: before.reduce((sum, counters) => sum + counters.waitSumMs, 0), waitCount: usualCalls });
    const wait = meanWait(today);
    if (wait !== null && usualWait !== null && today.waitCount >= DAY_MIN_CALLS && usualCalls >= DAY_MIN_USUAL_CALLS && usualWait >= DAY_MIN_USUAL_WAIT_MINUTES) {
      const change = relative(wait, usualWait);
      consider({ kind: 'day_change', day, measure: 'avg_wait', figure: round(wait, 1), against: round(usualWait, 1), change: changeOf(change), score: Math.abs(change) });
    }
  }
  return best;
}

/** 2. The hour of the day whose calls waited longest, against the week's average wait. */
export function slowestHour(input: InsightWeek): InsightCandidate | null {
  const week = input.hours.reduce((total, row) => ({ waitSumMs: total.waitSumMs + row.waitSumMs, waitCount: total.waitCount + row.waitCount }), { waitSumMs: 0, waitCount: 0 });
  const weekWait = meanWait(week);
  if (weekWait === null || week.waitCount < HOUR_MIN_WEEK_CALLS) return null;
  let slowest: { hour: number; wait: number } | null = null;
  for (const row of [...input.hours].sort((a, b) => a.hour - b.hour)) {
    const wait = meanWait(row);
    if (wait !== null && row.waitCount >= HOUR_MIN_CALLS && (slowest === null || wait > slowest.wait)) slowest = { hour: row.hour, wait };
  }
  if (slowest === null || slowest.wait < HOUR_MIN_WAIT_MINUTES) return null;
  const change = relative(slowest.wait, weekWait);
  return change >= HOUR_MIN_EXCESS ? { kind: 'slowest_hour', hour: slowest.hour, figure: round(slowest.wait, 1), against: round(weekWait, 1), change: changeOf(change), score: change } : null;
}

/** The week's and the 4 weeks' counters, when both have the patients rates need. */
function weekAndHistory(input: InsightWeek): { week: RollupCounters; history: RollupCounters } | null {
  if (!hasFullHistory(input)) return null;
  const week = sumDays(input.days, input.week);
  const history = sumDays(input.days, historyOf(input.week));
  return patientsOf(week) >= WEEK_MIN_PATIENTS && patientsOf(history) >= HISTORY_MIN_PATIENTS ? { week, history } : null;
}

/** 3. A no-show (walk-out) rate well above the 4 weeks'. */
export function noShowSpike(input: InsightWeek): InsightCandidate | null {
  const both = weekAndHistory(input);
  if (both === null || both.week.noShows < NO_SHOW_MIN_COUNT) return null;
  const rate = both.week.noShows / patientsOf(both.week);
  const usual = both.history.noShows / patientsOf(both.history);
  const change = relative(rate, Math.max(usual, NO_SHOW_RATE_FLOOR));
  return change >= NO_SHOW_MIN_RISE
    ? { kind: 'no_show_spike', noShows: both.week.noShows, figure: round(rate, 4), against: round(usual, 4), change: changeOf(change), score: change }
    : null;
}

/** 4. A QR share well below the 4 weeks'. */
export function qrDrop(input: InsightWeek): InsightCandidate | null {
  const both = weekAndHistory(input);
  if (both === null) return null;
  const share = both.week.checkinsQr / patientsOf(both.week);
  const usual = both.history.checkinsQr / patientsOf(both.history);
  if (usual < QR_MIN_USUAL_SHARE) return null;
  const drop = -relative(share, usual);
  return drop >= QR_MIN_DROP ? { kind: 'qr_drop', figure: round(share, 4), against: round(usual, 4), change: changeOf(-drop), score: drop } : null;
}

/** 5. Quotes whose range held the wait far less often than the 8 in 10 they are meant to. */
export function estimatesOff(input: InsightWeek): InsightCandidate | null {
  const week = sumDays(input.days, input.week);
  if (week.quoted < ESTIMATES_MIN_QUOTED) return null;
  const held = week.quoteWithinRange / week.quoted;
  const shortfall = -relative(held, ESTIMATES_AIM);
  return shortfall >= ESTIMATES_MIN_SHORTFALL
    ? {
        kind: 'estimates_off', quoted: week.quoted, meanAbsoluteErrorMinutes: round(week.quoteAbsErrorSum / week.quoted, 1),
        figure: round(held, 4), against: ESTIMATES_AIM, change: changeOf(-shortfall), score: shortfall,
      }
    : null;
}

/** The detectors in their tie-breaking order. */
export const DETECTORS = [dayChange, slowestHour, noShowSpike, qrDrop, estimatesOff] as const;

/** The quiet week's sentence: its patients against the 4 weeks' mean; nothing for a week without patients. */
export function steadyWeek(input: InsightWeek): InsightCandidate | null {
  const patients = patientsOf(sumDays(input.days, input.week));
  if (patients === 0) return null;
  if (!hasFullHistory(input)) return { kind: 'steady', figure: patients, against: null, change: null, score: 0 };
  const usual = patientsOf(sumDays(input.days, historyOf(input.week))) / HISTORY_WEEKS;
  return { kind: 'steady', figure: patients, against: round(usual, 1), change: changeOf(relative(patients, usual)), score: 0 };
}

/** Every candidate the week gives, strongest first (ties in DETECTORS order). */
export function insightCandidates(input: InsightWeek): InsightCandidate[] {
  const found = DETECTORS.map((detect) => detect(input)).filter((candidate) => candidate !== null);
  // Array.prototype.sort is stable: equal scores keep DETECTORS' order.
  return found.sort((a, b) => b.score - a.score);
}

/** The one insight the digest leads with (module comment: method and ranking); none for a week without patients (closed). */
export function chooseInsight(input: InsightWeek): InsightCandidate | null {
  if (patientsOf(sumDays(input.days, input.week)) === 0) return null;
  return insightCandidates(input)[0] ?? steadyWeek(input);
}
