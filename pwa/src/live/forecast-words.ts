/**
 * The forecast in words (PRODUCT: "Trust and foresight"): tomorrow's patients with their range and
 * the hour they peak, "Demain : ≈ 48 patients (40–56), pic vers 10 h", and today's end as a range,
 * "Fin estimée vers 18 h 40 (18 h 10 – 19 h 30)". Pure: the language comes in as its locale.
 *
 * Times arrive in clinic time with their offset ("2026-12-07T18:40:00+01:00") and are said as the
 * clinic's wall clock reads them, whatever the phone's zone. The sentences are `forecast` in
 * fr.ts and en.ts.
 */
import { en } from '../i18n/en';
import { formatCount } from '../i18n/figures';
import { fr, type Messages } from '../i18n/fr';
import type { Locale } from '../i18n/locale';

/** An expected count and the range meant to hold it. */
export interface ForecastRange {
  expected: number;
  low: number;
  high: number;
}

/** A clinic day's forecast: its total and its hours (the clinic's local hours, 0–23). */
export interface DayForecast {
  total: ForecastRange;
  hours: Array<ForecastRange & { hour: number }>;
}

/** Today's end as clinic-time instants with their offset. */
export interface DayEndForecast {
  expected: string;
  low: string;
  high: string;
}

type ForecastTable = Messages['forecast'];

const WORDS: Record<Locale, ForecastTable> = { fr: fr.forecast, en: en.forecast };

/** The hour with the most patients expected (the earliest of equals), or null when none is expected at any. */
export function peakHour(hours: DayForecast['hours']): number | null {
  let peak: DayForecast['hours'][number] | undefined;
  for (const hour of hours) {
    if (hour.expected <= 0) continue;
    if (peak === undefined || hour.expected > peak.expected || (hour.expected === peak.expected && hour.hour < peak.hour)) peak = hour;
  }
  return peak === undefined ? null : peak.hour;
}

/**
 * Tomorrow in one line, whole patients: the expected total, its range (left out when it is no
 * range at all), and the peak hour. A day with nobody expected says so, with no peak.
 */
export function tomorrowWords(forecast: DayForecast, locale: Locale): string {
  const words = WORDS[locale];
  const expected = Math.round(forecast.total.expected);
  if (expected === 0) return words.tomorrowNone;
  const low = Math.round(forecast.total.low);
  const high = Math.round(forecast.total.high);
  const range = low === high ? null : `${formatCount(low, locale)}–${formatCount(high, locale)}`;
  const peak = peakHour(forecast.hours);
  return words.tomorrow(formatCount(expected, locale), expected, range, peak === null ? null : words.clock(peak, 0));
}

const CLINIC_TIME = /T(\d{2}):(\d{2})/;

/** The wall clock of a clinic-time string, as it is written, not as the phone's zone would read it. */
function wallClockOf(instant: string, words: ForecastTable): string {
  const match = CLINIC_TIME.exec(instant);
  if (match === null) throw new RangeError(`not a clinic time (YYYY-MM-DDTHH:MM…): ${instant}`);
  return words.clock(Number(match[1]), Number(match[2]));
}

/** Today's end as the doctor reads it: the expected time and its range (left out when it is no range). */
export function dayEndWords(end: DayEndForecast, locale: Locale): string {
  const words = WORDS[locale];
  const low = wallClockOf(end.low, words);
  const high = wallClockOf(end.high, words);
  return words.dayEnd(wallClockOf(end.expected, words), low === high ? null : `${low} – ${high}`);
}
