/**
 * "Unusual for this hour" in words (PRODUCT: "Trust and foresight"): a live figure at least twice
 * its usual value for the weekday and hour, or at most half, as the doctor reads it beside the
 * figures: "2,5× plus d’attente qu’un mardi à 10 h". Pure: the language comes in as its locale
 * and table (`unusual` in fr.ts and en.ts).
 */
import type { Messages } from '../i18n/fr';
import { formatDecimal, formatMinutes } from '../i18n/figures';
import { formatWeekday } from '../i18n/format';
import type { Locale } from '../i18n/locale';

/** An unusual live figure as the Worker sends it (`UnusualFigure`, worker/domain/hour-baselines.ts). */
export interface UnusualFigure {
  figure: 'arrivals' | 'waiting' | 'wait';
  /** The live value and the usual one (patients, or minutes for the wait), rounded to 0.1. */
  value: number;
  usual: number;
  /** value ÷ usual, a usual under one counted as one, rounded to 0.1. */
  ratio: number;
  direction: 'above' | 'below';
  /** 0 = Monday … 6 = Sunday, and the clinic's local hour. */
  weekday: number;
  hour: number;
}

/**
 * One unusual figure in a sentence: how many times more (or fewer) than on that weekday at that
 * hour. Below the usual the factor is usual ÷ value ("2× moins"), never a share; a figure down to
 * nothing says so with the usual value instead of an endless factor.
 */
export function unusualWords(unusual: UnusualFigure, locale: Locale, messages: Messages): string {
  const words = messages.unusual;
  const when = words.when(formatWeekday(unusual.weekday, locale, 'long'), unusual.hour);
  if (unusual.direction === 'above') return words.above[unusual.figure](formatDecimal(unusual.ratio, locale), when);
  if (unusual.value < 1) {
    const usual = unusual.figure === 'wait' ? formatMinutes(unusual.usual, messages) : formatDecimal(unusual.usual, locale);
    return words.none[unusual.figure](usual, when);
  }
  return words.below[unusual.figure](formatDecimal(unusual.usual / unusual.value, locale), when);
}
