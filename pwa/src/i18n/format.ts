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
