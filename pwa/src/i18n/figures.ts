import type { Messages } from './fr';
import type { Locale } from './locale';

/** A count of patients in the reader's notation. */
export function formatCount(count: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(count);
}

/**
 * A wait or a consultation in whole minutes ("18 min"), hours beyond the hour ("1 h 05"): a doctor
 * plans in minutes, and tenths of a minute on a phone are noise. Under a minute says so.
 */
export function formatMinutes(minutes: number, messages: Messages): string {
  const whole = Math.round(minutes);
  if (whole < 1) return messages.underAMinute;
  if (whole < 60) return messages.minutes(whole);
  return messages.hoursMinutes(Math.floor(whole / 60), String(whole % 60).padStart(2, '0'));
}

/** Ordinal suffixes by plural category: French counts "1er, 2e", English "1st, 2nd, 3rd, 4th". */
const ORDINAL_SUFFIXES: Record<Locale, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }> = {
  fr: { one: 'er', other: 'e' },
  en: { one: 'st', two: 'nd', few: 'rd', other: 'th' },
};

/** A rank in a line ("3e" / "3rd"): where a waiting patient stands. */
export function formatOrdinal(rank: number, locale: Locale): string {
  const suffixes = ORDINAL_SUFFIXES[locale];
  return `${formatCount(rank, locale)}${suffixes[new Intl.PluralRules(locale, { type: 'ordinal' }).select(rank)] ?? suffixes.other}`;
}

/** A share (0–1) as a whole percentage in the reader's notation: "63 %" / "63%". */
export function formatShare(share: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** An instant on the clinic's wall clock, whatever the phone's zone: "17:40" / "5:40 PM". */
export function formatClinicClock(instantMs: number, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' }).format(instantMs);
}

/** Under this, "just now": a few seconds of age say nothing to the reader. */
const JUST_NOW_MS = 10_000;

/**
 * How old the figures are: "à l'instant", "il y a 20 s", "il y a 3 min", "il y a 2 h", "il y a 1 j".
 * Seconds go by tens, so the line does not flicker every second.
 */
export function formatAge(ageMs: number, locale: Locale, messages: Messages): string {
  if (ageMs < JUST_NOW_MS) return messages.justNow;
  const relative = new Intl.RelativeTimeFormat(locale, { style: 'short' });
  const seconds = Math.floor(ageMs / 1000);
  if (seconds < 60) return relative.format(-Math.floor(seconds / 10) * 10, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return relative.format(-hours, 'hour');
  return relative.format(-Math.floor(hours / 24), 'day');
}

/** A mean with at most one decimal, in the reader's notation: "6,5" / "6.5" arrivals an hour. */
export function formatDecimal(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/**
 * A change against the previous period, given in percent as the API does: 12.5 → "+12,5 %",
 * -5.2 → "-5,2 %", and 0 without a sign.
 */
export function formatChange(percent: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(percent / 100);
}

function moneyParts(minor: number, currency: string, locale: Locale): Intl.NumberFormatPart[] {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return money.formatToParts(minor / 10 ** (money.resolvedOptions().maximumFractionDigits ?? 2));
}

/**
 * An amount stored in minor units, in the clinic's currency: the currency decides how many minor
 * units make one (1000 millimes a dinar, 100 cents a euro), so 5400 TND minor is 5.4 dinars.
 */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  return moneyParts(minor, currency, locale)
    .map((part) => part.value)
    .join('');
}

/**
 * The same amount for a narrow card: the currency and the number are joined by an ordinary space,
 * where the line may break, since a half-width card on a phone would otherwise break "TND 65.600"
 * inside the number.
 */
export function formatMoneyOnCard(minor: number, currency: string, locale: Locale): string {
  return moneyParts(minor, currency, locale)
    .map((part) => (part.type === 'literal' && part.value.trim() === '' ? ' ' : part.value))
    .join('');
}
