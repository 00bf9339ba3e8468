/**
 * How well the clinic's foresight held, as Historique says it to a doctor (PRODUCT: "Trust and
 * foresight"): the forecast of arrivals judged against the days it foresaw, and the walk-out risk
 * judged by its Brier score against the base rate's. Plain sentences with counts a doctor can
 * weigh: "sur 412 patients", never a bare score. Pure: the language comes in as its locale; the
 * sentences are `foresight` in fr.ts and en.ts.
 */
import { en } from '../i18n/en';
import { formatCount, formatShare } from '../i18n/figures';
import { fr, type Messages } from '../i18n/fr';
import type { Locale } from '../i18n/locale';

/** The day-ahead forecasts judged over a window: mean absolute errors in patients, share of hours inside their range. */
export interface ForecastAccuracy {
  days: number;
  meanAbsErrorPerDay: number | null;
  meanAbsErrorPerHour: number | null;
  hoursInsideShare: number | null;
}

/** The walk-out risk judged over the entries it was given for: its Brier score and the base rate's. */
export interface WalkOutRiskAccuracy {
  entries: number;
  brier: number | null;
  baseRateBrier: number | null;
}

/** Entries judged before a Brier score says anything: fewer, and a handful of walk-outs decide it. */
export const MIN_JUDGED_ENTRIES = 30;

const WORDS: Record<Locale, Messages['foresight']> = { fr: fr.foresight, en: en.foresight };

/**
 * The forecast's accuracy in one sentence: the mean error per day in whole patients, and the hours
 * inside their range in tenths ("8 heures sur 10"), the way the range is meant to hold.
 */
export function forecastAccuracyWords(accuracy: ForecastAccuracy, locale: Locale): string {
  const words = WORDS[locale];
  if (accuracy.days === 0 || accuracy.meanAbsErrorPerDay === null) return words.forecastNone;
  const inside = accuracy.hoursInsideShare === null ? null : Math.round(accuracy.hoursInsideShare * 10);
  return words.forecastJudged(formatCount(accuracy.days, locale), accuracy.days, patientsOff(accuracy.meanAbsErrorPerDay, locale), inside);
}

/**
 * The baseline beside it, the seasonal naive forecast (each day as the same weekday a week
 * before), with its mean error per day said the same way; null when no day had a week before.
 */
export function naiveForecastWords(accuracy: { days: number; naiveMeanAbsErrorPerDay: number | null }, locale: Locale): string | null {
  if (accuracy.days === 0 || accuracy.naiveMeanAbsErrorPerDay === null) return null;
  return WORDS[locale].naiveJudged(patientsOff(accuracy.naiveMeanAbsErrorPerDay, locale));
}

/**
 * Today's end as announced (the first announcement of each hour), judged each night against when
 * the last patient was done: the mean error in whole minutes and the share inside the range in
 * tenths; null before any was judged.
 */
export function endAccuracyWords(end: { predictions: number; meanAbsErrorMinutes: number | null; insideShare: number | null }, locale: Locale): string | null {
  if (end.predictions === 0 || end.meanAbsErrorMinutes === null) return null;
  const inside = end.insideShare === null ? null : Math.round(end.insideShare * 10);
  return WORDS[locale].endJudged(formatCount(end.predictions, locale), end.predictions, `${formatCount(Math.round(end.meanAbsErrorMinutes), locale)} min`, inside);
}

/** A mean error in whole patients, "less than one" under a half. */
function patientsOff(error: number, locale: Locale): string {
  const words = WORDS[locale];
  const patients = Math.round(error);
  return patients === 0 ? words.lessThanOnePatient : words.patients(formatCount(patients, locale), patients);
}

/**
 * The walk-out risk against the base rate alone (every patient given the clinic's share of
 * walk-outs): improvement = 1 − Brier ÷ base rate's Brier. Worse than the base rate is said
 * plainly, as the Brier score's excess over it; too few entries, and it is too early to say.
 */
export function walkOutRiskWords(accuracy: WalkOutRiskAccuracy, locale: Locale): string {
  const words = WORDS[locale];
  const judged = formatCount(accuracy.entries, locale);
  const { brier, baseRateBrier } = accuracy;
  if (accuracy.entries < MIN_JUDGED_ENTRIES || brier === null || baseRateBrier === null) {
    return words.walkOutTooEarly(judged, accuracy.entries, formatCount(MIN_JUDGED_ENTRIES, locale));
  }
  // Everyone stayed (or everyone left): the base rate alone was never wrong.
  if (baseRateBrier <= 0) return words.walkOutNothingToPredict(judged);
  const improvement = 1 - brier / baseRateBrier;
  const percent = Math.round(improvement * 100);
  if (percent > 0) return words.walkOutBetter(formatShare(improvement, locale), judged);
  if (percent === 0) return words.walkOutNoBetter(judged);
  return words.walkOutWorse(formatShare(-improvement, locale), judged);
}
