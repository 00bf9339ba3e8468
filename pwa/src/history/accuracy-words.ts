/**
 * How well a clinic's quotes held and how soon it called its patients over a window (PRODUCT:
 * "Trust and foresight"), as Historique says it: the figure cards' readings, and each chart row's
 * cells. Pure: the language comes in as its table and locale.
 */
import type { ChartsAnswer, EstimatesAnswer, HistoryFigures } from '../api/history';
import type { Messages } from '../i18n/fr';
import { formatCount, formatDecimal, formatMinutes, formatShare } from '../i18n/figures';
import type { Locale } from '../i18n/locale';

/** A figure as its card shows it; a null value is "—" and `detail` says why; `label` when it depends on the data. */
export interface Reading {
  label?: string;
  value: string | null;
  detail?: string | null;
}

/** "Écart moyen des estimations": the mean error, with the median and how many calls it is over. */
export function estimateErrorReading(figures: HistoryFigures, locale: Locale, messages: Messages): Reading {
  const { called, meanAbsoluteErrorMinutes: mean, medianAbsoluteErrorMinutes: median } = figures.estimates;
  if (called === 0 || mean === null || median === null) return { value: null, detail: messages.noQuotedCall };
  return { value: formatMinutes(mean, messages), detail: messages.estimatesMedian(formatMinutes(median, messages), formatCount(called, locale)) };
}

/** "Dans la fourchette annoncée": the share called within their range, and the share called later than its top. */
export function withinRangeReading(figures: HistoryFigures, locale: Locale, messages: Messages): Reading {
  const { withinRangeShare: within, underQuotedShare: under } = figures.estimates;
  if (within === null) return { value: null, detail: messages.noQuotedCall };
  return { value: formatShare(within, locale), detail: under === null ? null : messages.estimatesUnderQuoted(formatShare(under, locale)) };
}

/** The target in words, "30 min", as the clinic has it now. */
export function targetWords(figures: HistoryFigures, messages: Messages): string {
  return formatMinutes(figures.serviceLevel.targetMinutes, messages);
}

/** "Appelés en 30 min ou moins": the share, and the counts it comes from. */
export function serviceLevelHistoryReading(figures: HistoryFigures, locale: Locale, messages: Messages): Reading {
  const { share, called, calledWithinTarget } = figures.serviceLevel;
  const label = messages.figureServiceLevel(targetWords(figures, messages));
  if (share === null || called === 0) return { label, value: null, detail: messages.noCallInPeriod };
  return { label, value: formatShare(share, locale), detail: messages.serviceLevelCounts(formatCount(calledWithinTarget, locale), formatCount(called, locale)) };
}

/** Entries still open at the clinic's midnight, said beside the patients; null when there were none. */
export function unfinishedWords(figures: HistoryFigures, locale: Locale, messages: Messages): string | null {
  return figures.unfinished > 0 ? messages.unfinishedInPeriod(formatCount(figures.unfinished, locale), figures.unfinished) : null;
}

/** Minutes on a chart's axis and in its tooltips, tenths kept: "4,5 min". */
export function minutesOnChart(minutes: number, locale: Locale, messages: Messages): string {
  return messages.minutesValue(formatDecimal(minutes, locale));
}

type Points = ChartsAnswer['points'];

/** Whether any day (week) of the window had a quoted patient called: else there is no accuracy to draw. */
export function hasQuotedCalls(points: Points): boolean {
  return points.some((point) => point.figures.estimates.called > 0);
}

/** Whether any day (week) of the window had a patient called: else there is no service level to draw. */
export function hasCalls(points: Points): boolean {
  return points.some((point) => point.figures.serviceLevel.called > 0);
}

/** One day's (week's) accuracy in the table: called with a quote, median and mean error, within range, later than quoted. */
export function accuracyCells(figures: HistoryFigures, locale: Locale, messages: Messages): string[] {
  const { called, medianAbsoluteErrorMinutes: median, meanAbsoluteErrorMinutes: mean, withinRangeShare, underQuotedShare } = figures.estimates;
  const minutes = (value: number | null) => (value === null ? messages.noFigure : minutesOnChart(value, locale, messages));
  const share = (value: number | null) => (value === null ? messages.noFigure : formatShare(value, locale));
  return [formatCount(called, locale), minutes(median), minutes(mean), share(withinRangeShare), share(underQuotedShare)];
}

/** One day's (week's) service level in the table: called, called within the target, share. */
export function serviceLevelCells(figures: HistoryFigures, locale: Locale, messages: Messages): string[] {
  const { called, calledWithinTarget, share } = figures.serviceLevel;
  return [formatCount(called, locale), formatCount(calledWithinTarget, locale), share === null ? messages.noFigure : formatShare(share, locale)];
}

type Hours = EstimatesAnswer['hours'];

/**
 * The hours from the first to the last in which a patient was called: the night would crowd a
 * phone's width for nothing; hours in between stay, even empty (a lunch break is news).
 */
export function calledHours(hours: Hours): Hours {
  const called = hours.filter((hour) => hour.serviceLevel.called > 0).map((hour) => hour.hour);
  if (called.length === 0) return [];
  const first = Math.min(...called);
  const last = Math.max(...called);
  return hours.filter((hour) => hour.hour >= first && hour.hour <= last).sort((a, b) => a.hour - b.hour);
}

/** One hour of calls in the table: called, median error, within range, within the target. */
export function hourCells(hour: Hours[number], locale: Locale, messages: Messages): string[] {
  const { medianAbsoluteErrorMinutes: median, withinRangeShare } = hour.estimates;
  const share = (value: number | null) => (value === null ? messages.noFigure : formatShare(value, locale));
  return [
    formatCount(hour.serviceLevel.called, locale),
    median === null ? messages.noFigure : minutesOnChart(median, locale, messages),
    share(withinRangeShare),
    share(hour.serviceLevel.share),
  ];
}
