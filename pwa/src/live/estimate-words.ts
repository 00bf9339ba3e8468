/**
 * Waits told ahead and how they held, in words (PRODUCT: "Trust and foresight"): a waiting
 * patient's range and place in the line, a called patient's quote beside the wait, the day's
 * accuracy and its service level. Pure: the language comes in as its table and locale.
 */
import type { TodayEntry, TodayFigures } from '../api/wire';
import type { Messages } from '../i18n/fr';
import { formatCount, formatMinutes, formatOrdinal, formatShare } from '../i18n/figures';
import type { Locale } from '../i18n/locale';

/** A point and the range meant to hold the actual wait 8 times in 10, whole minutes. */
export type WaitRange = Pick<NonNullable<TodayEntry['estimate']>, 'waitMinutes' | 'lowMinutes' | 'highMinutes'>;

/** A range as it is shown, and as a screen reader says it (symbols such as "≈" read badly). */
export interface RangeWords {
  text: string;
  spoken: string;
}

/**
 * A wait as the patient is told it, never a bare number: "≈ 25 min (15–35)". Bounds under an hour
 * share the point's unit; past it each bound says its own ("45 min – 1 h 25"). A point under a
 * minute is "any moment now", with the top of its range when there is one.
 */
export function rangeWords(range: WaitRange, messages: Messages): RangeWords {
  const minutes = (value: number) => formatMinutes(value, messages);
  if (range.waitMinutes < 1) {
    const text = range.highMinutes < 1 ? messages.estimateAnyMoment : messages.estimateAnyMomentWithin(minutes(range.highMinutes));
    return { text, spoken: text };
  }
  const bounds =
    range.highMinutes < 60 ? `${range.lowMinutes}–${range.highMinutes}` : `${minutes(range.lowMinutes)} – ${minutes(range.highMinutes)}`;
  return {
    text: messages.estimateAbout(minutes(range.waitMinutes), bounds),
    spoken: messages.estimateSpoken(minutes(range.waitMinutes), minutes(range.lowMinutes), minutes(range.highMinutes)),
  };
}

/** Where a waiting patient stands: "Prochain", "3e dans la file" / "Next", "3rd in line". */
export function positionWords(position: number, locale: Locale, messages: Messages): string {
  return messages.queuePosition(position, formatOrdinal(position, locale));
}

/**
 * What a called patient had been told at check-in, to read beside what they waited: "annoncé
 * ≈ 20 min (10–30)". Null before the call, and for entries from before quotes.
 */
export function quoteWords(entry: Pick<TodayEntry, 'quote' | 'waitedMinutes'>, messages: Messages): string | null {
  if (entry.quote === null || entry.waitedMinutes === null) return null;
  return messages.quotedAs(rangeWords(entry.quote, messages).text);
}

/**
 * The day's accuracy in one line: "Estimations du jour : écart médian 4 min, 8 sur 10 dans la
 * fourchette" (counts, not shares: a doctor checks them against the list). Before the first call
 * it says when there will be something to judge, rather than showing empty figures.
 */
export function accuracyWords(estimates: TodayFigures['estimates'], locale: Locale, messages: Messages): string {
  const median = estimates.medianAbsoluteErrorMinutes;
  const within = estimates.withinRangeShare;
  if (estimates.called === 0 || median === null || within === null) return messages.estimatesTodayNoneCalled;
  return messages.estimatesToday(
    formatMinutes(median, messages),
    formatCount(Math.round(within * estimates.called), locale),
    formatCount(estimates.called, locale),
  );
}

/** The service level as its card reads: label with the clinic's target, share, and the counts. */
export interface ServiceLevelReading {
  label: string;
  /** Null before the first call; `detail` then says so. */
  value: string | null;
  detail: string;
}

export function serviceLevelReading(level: TodayFigures['serviceLevel'], locale: Locale, messages: Messages): ServiceLevelReading {
  const label = messages.figureServiceLevel(formatMinutes(level.targetMinutes, messages));
  if (level.share === null || level.called === 0) return { label, value: null, detail: messages.noneCalledYet };
  return {
    label,
    value: formatShare(level.share, locale),
    detail: messages.serviceLevelCounts(formatCount(level.calledWithinTarget, locale), formatCount(level.called, locale)),
  };
}
