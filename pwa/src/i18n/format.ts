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
