/** The monthly SMS budget as an owner types it (in the currency's major units), and its refusals in words. */
import { ApiError } from '../api/errors';
import { SMS_BUDGET_MINOR } from '../api/sms-budget';
import { formatMoney } from '../i18n/figures';
import type { Messages } from '../i18n/fr';
import type { Locale } from '../i18n/locale';
import { describeRequestError } from '../i18n/request-errors';

/** Minor units in one major unit of `currency`: 1000 millimes a dinar, 100 cents a euro. */
function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * An amount typed in major units ("80", "80,5", "80.500", "1 200") as whole minor units within the
 * API's bounds, or null for anything else ("", "0", "-5", "80,0001" in TND, "80 TND", "1e3"). A
 * comma or a point is the decimal mark (one of them, at most as many decimals as the currency has);
 * spaces may group thousands.
 */
export function parseBudgetAmount(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  const match = /^(\d{1,10})(?:[.,](\d+))?$/.exec(compact);
  if (match === null) return null;
  const [whole = '', fraction = ''] = [match[1], match[2]];
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return minor >= SMS_BUDGET_MINOR.min && minor <= SMS_BUDGET_MINOR.max ? minor : null;
}

export function budgetOutOfRangeWords(messages: Messages, currency: string, locale: Locale): string {
  return messages.smsMonth.invalid(formatMoney(SMS_BUDGET_MINOR.max, currency, locale));
}

/** A refused budget: the API's VALIDATION_FAILED is an amount out of bounds, the rest as every request says it. */
export function budgetErrorWords(error: unknown, messages: Messages, currency: string, locale: Locale): string {
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') return budgetOutOfRangeWords(messages, currency, locale);
  return describeRequestError(error, 'read', messages);
}
