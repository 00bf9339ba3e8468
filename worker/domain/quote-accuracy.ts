/**
 * How good the quotes were (PRODUCT: accuracy) and how many patients were called within the
 * clinic's target (service level), over any set of called entries.
 *
 * Everything is in whole minutes, as the patient saw it: the waited minutes are
 * `⌊(called_at − checked_in_at) ÷ 1 min⌋` (what the reception list shows), the quote is the
 * whole minutes quoted. So the error `waited − quoted` is an integer, and the counters below
 * (sums and a histogram of absolute errors) add up exactly over hours, days and windows: the
 * median of any window is exact, not an approximation, without reading a single entry again.
 */
import type { QueueEntryRow } from './queue-projection.ts';

/** PRODUCT: the service target until the owner sets one, minutes. */
export const DEFAULT_SERVICE_TARGET_MINUTES = 30;

/** What accuracy reads of an entry: stored rows fit as they are. */
export type QuotedEntry = Pick<QueueEntryRow, 'checkedInAt' | 'calledAt' | 'quoteWaitMinutes' | 'quoteLowMinutes' | 'quoteHighMinutes'>;

/** Summable counters of quotes judged against the actual wait. */
export interface AccuracyCounters {
  /** Entries called that had a quote. */
  quoted: number;
  quoteAbsErrorSum: number;
  quoteWithinRange: number;
  quoteUnderQuoted: number;
  /** |error| in whole minutes → how many entries. */
  quoteAbsErrors: Record<string, number>;
}

export interface EstimateAccuracy {
  called: number;
  meanAbsoluteErrorMinutes: number | null;
  medianAbsoluteErrorMinutes: number | null;
  withinRangeShare: number | null;
  underQuotedShare: number | null;
}

export interface ServiceLevel {
  targetMinutes: number;
  called: number;
  calledWithinTarget: number;
  share: number | null;
}

/** Whole minutes an entry waited before being called; null while not called. */
export function waitedMinutesOf(entry: Pick<QueueEntryRow, 'checkedInAt' | 'calledAt'>): number | null {
  return entry.calledAt === null ? null : Math.floor((entry.calledAt - entry.checkedInAt) / 60_000);
}

export function emptyAccuracyCounters(): AccuracyCounters {
  return { quoted: 0, quoteAbsErrorSum: 0, quoteWithinRange: 0, quoteUnderQuoted: 0, quoteAbsErrors: {} };
}

/** An entry's quote as one value, or null for an entry from before quotes. */
export function quoteOf(entry: Omit<QuotedEntry, 'checkedInAt' | 'calledAt'>): { waitMinutes: number; lowMinutes: number; highMinutes: number } | null {
  const { quoteWaitMinutes: waitMinutes, quoteLowMinutes: lowMinutes, quoteHighMinutes: highMinutes } = entry;
  return waitMinutes === null || lowMinutes === null || highMinutes === null ? null : { waitMinutes, lowMinutes, highMinutes };
}

/** Counts one called entry's quote, in place; an entry not called or never quoted changes nothing. */
export function countQuote(counters: AccuracyCounters, entry: QuotedEntry): void {
  const waited = waitedMinutesOf(entry);
  const quote = quoteOf(entry);
  if (waited === null || quote === null) return;
  const absError = Math.abs(waited - quote.waitMinutes);
  counters.quoted += 1;
  counters.quoteAbsErrorSum += absError;
  if (waited >= quote.lowMinutes && waited <= quote.highMinutes) counters.quoteWithinRange += 1;
  if (waited > quote.highMinutes) counters.quoteUnderQuoted += 1;
  counters.quoteAbsErrors[absError] = (counters.quoteAbsErrors[absError] ?? 0) + 1;
}

export function addAccuracyCounters(a: AccuracyCounters, b: AccuracyCounters): AccuracyCounters {
  const histogram = { ...a.quoteAbsErrors };
  for (const [minutes, count] of Object.entries(b.quoteAbsErrors)) histogram[minutes] = (histogram[minutes] ?? 0) + count;
  return {
    quoted: a.quoted + b.quoted,
    quoteAbsErrorSum: a.quoteAbsErrorSum + b.quoteAbsErrorSum,
    quoteWithinRange: a.quoteWithinRange + b.quoteWithinRange,
    quoteUnderQuoted: a.quoteUnderQuoted + b.quoteUnderQuoted,
    quoteAbsErrors: histogram,
  };
}

/** The median of a histogram of whole minutes: the middle value, or the mean of the two middle ones. */
function medianOf(histogram: Record<string, number>, count: number): number | null {
  if (count === 0) return null;
  const values = Object.entries(histogram)
    .map(([minutes, n]) => [Number(minutes), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const [minutes, n] of values) {
      seen += n;
      if (rank < seen) return minutes;
    }
    return values.at(-1)?.[0] ?? 0;
  };
  return (valueAt(Math.floor((count - 1) / 2)) + valueAt(Math.floor(count / 2))) / 2;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The figures of `stats/today`, `analytics` and `stats/estimates`; means rounded to 0.1 minute. */
export function accuracyFigures(counters: AccuracyCounters): EstimateAccuracy {
  const { quoted } = counters;
  return {
    called: quoted,
    meanAbsoluteErrorMinutes: quoted > 0 ? Math.round((counters.quoteAbsErrorSum / quoted) * 10) / 10 : null,
    medianAbsoluteErrorMinutes: medianOf(counters.quoteAbsErrors, quoted),
    withinRangeShare: share(counters.quoteWithinRange, quoted),
    underQuotedShare: share(counters.quoteUnderQuoted, quoted),
  };
}

/** Whether a called entry was called within `targetMinutes` of checking in (the boundary counts as within). */
export function calledWithinTarget(entry: Pick<QueueEntryRow, 'checkedInAt' | 'calledAt'>, targetMinutes: number): boolean {
  return entry.calledAt !== null && entry.calledAt - entry.checkedInAt <= targetMinutes * 60_000;
}

export function serviceLevelOf(targetMinutes: number, called: number, within: number): ServiceLevel {
  return { targetMinutes, called, calledWithinTarget: within, share: share(within, called) };
}

/** Accuracy and service level of a set of entries, e.g. today's, recomputed from scratch. */
export function judgeEntries(entries: Iterable<QuotedEntry>, targetMinutes: number): { estimates: EstimateAccuracy; serviceLevel: ServiceLevel } {
  const counters = emptyAccuracyCounters();
  let called = 0;
  let within = 0;
  for (const entry of entries) {
    if (entry.calledAt === null) continue;
    called += 1;
    if (calledWithinTarget(entry, targetMinutes)) within += 1;
    countQuote(counters, entry);
  }
  return { estimates: accuracyFigures(counters), serviceLevel: serviceLevelOf(targetMinutes, called, within) };
}
