import type { Locale } from './locale';

/** Milliseconds with at most one decimal, in the reader's notation: "3,2 ms" / "3.2 ms". */
export function formatLatency(latencyMs: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'millisecond',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(latencyMs);
}

/**
 * When a check ran: the time alone if it was today, else the date too, so an old last known
 * status cannot pass for a fresh one. `timeZone` defaults to the phone's own.
 */
export function formatCheckTime(iso: string, locale: Locale, now: Date, timeZone?: string): string {
  const at = new Date(iso);
  const zone = timeZone === undefined ? {} : { timeZone };
  const day = new Intl.DateTimeFormat('en-CA', { ...zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const sameDay = day.format(at) === day.format(now);
  return new Intl.DateTimeFormat(locale, {
    ...zone,
    ...(sameDay ? {} : { dateStyle: 'medium' }),
    timeStyle: 'medium',
  }).format(at);
}

/** The clinic day that contains `now`, in the clinic's own zone: "mardi 24 novembre 2026". */
export function formatClinicDay(now: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(now);
}

/** The clinic's wall clock at `now`, hours and minutes: "00:30" / "12:30 AM". */
export function formatClinicTime(now: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' }).format(now);
}

/** How a clinic day is written: under a chart, in a table's row, or as the bound of a period. */
const CALENDAR_DAY_STYLES = {
  axis: { day: 'numeric', month: 'short' },
  row: { weekday: 'short', day: 'numeric', month: 'short' },
  period: { day: 'numeric', month: 'short', year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A clinic day as the API names it (`YYYY-MM-DD`), already in the clinic's calendar: read and
 * written in UTC, so no zone can move it to the day before. "24 nov." / "mar. 24 nov." / "24 nov. 2026".
 */
export function formatCalendarDay(day: string, locale: Locale, style: keyof typeof CALENDAR_DAY_STYLES): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...CALENDAR_DAY_STYLES[style] }).format(Date.parse(`${day}T00:00:00Z`));
}

/** A weekday as the API numbers it, 0 = Monday … 6 = Sunday: "lun." / "Mon" (short) or "lundi" (long). */
export function formatWeekday(weekday: number, locale: Locale, width: 'short' | 'long'): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: width }).format(Date.UTC(2024, 0, 1 + weekday));
}

/** An hour of the clinic's day, 0–23: "09 h" / "9 AM". */
export function formatHour(hour: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric' }).format(Date.UTC(2024, 0, 1, hour));
}
