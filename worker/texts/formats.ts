/**
 * How one language writes numbers, shares, money and dates in what the Worker sends (e-mails,
 * pushes, alerts). The text tables (fr.ts, en.ts) and the modules that lay out figures write
 * through these, so a figure reads the same in a digest line and in an alert sentence.
 */
import { minorUnitDigits } from '../domain/money.ts';

export interface Formats {
  /** A count or a measure, with at most `digits` decimals: `1 234`, `12,5`. */
  number(value: number, digits?: number): string;
  /** A share between 0 and 1 as a whole percentage: `13 %`. */
  percent(share: number): string;
  /** A change already in percent points, signed unless zero, at most one decimal: `+12,5`. */
  signedNumber(value: number): string;
  /** A change between 0 and 1 as a signed percentage, at most one decimal: `+12,5 %`. */
  signedPercent(share: number): string;
  /** An amount in minor units of its currency: `1,250 TND`. */
  money(minor: number, currency: string): string;
  /** A calendar day (`YYYY-MM-DD`) as day and month: `3 mars`. */
  day(day: string): string;
  /** A calendar day with its weekday: `lundi 3 mars`. */
  dayWithWeekday(day: string): string;
  /** An instant (epoch milliseconds) as date and time in UTC, said so: `3 mars 2025 à 09:00 UTC`. */
  instantUtc(at: number): string;
}

/** Noon UTC of a calendar day: its date in UTC whatever the formatter's rounding. */
function noonOf(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** The formats of one BCP 47 language tag (each language's table names its own). */
export function formatsFor(tag: string): Formats {
  const dayFormat = (withWeekday: boolean) =>
    new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: 'numeric', month: 'long', ...(withWeekday ? { weekday: 'long' } : {}) });
  return {
    number: (value, digits = 0) => new Intl.NumberFormat(tag, { maximumFractionDigits: digits }).format(value),
    percent: (share) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(share),
    signedNumber: (value) => new Intl.NumberFormat(tag, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value),
    signedPercent: (share) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(share),
    money: (minor, currency) => new Intl.NumberFormat(tag, { style: 'currency', currency }).format(minor / 10 ** minorUnitDigits(currency)),
    day: (day) => dayFormat(false).format(noonOf(day)),
    dayWithWeekday: (day) => dayFormat(true).format(noonOf(day)),
    instantUtc: (at) => `${new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(at)} UTC`,
  };
}
