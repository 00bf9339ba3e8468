/** How the charts of Historique name their points: under the axis, and at the head of a table row. */
import type { ChartsAnswer } from '../api/history';
import type { Messages } from '../i18n/fr';
import { formatCalendarDay } from '../i18n/format';
import type { Locale } from '../i18n/locale';

type Point = ChartsAnswer['points'][number];

/** A day, or a week by its first day: "24 nov.". */
export function axisLabel(point: Point, locale: Locale): string {
  return formatCalendarDay(point.from, locale, 'axis');
}

/** A day as "mar. 24 nov.", a week as "Semaine du 23 nov. 2026". */
export function rowHead(point: Point, granularity: ChartsAnswer['granularity'], locale: Locale, messages: Messages): string {
  return granularity === 'week' ? messages.weekOf(formatCalendarDay(point.from, locale, 'period')) : formatCalendarDay(point.date, locale, 'row');
}
