/**
 * The month's SMS against the clinic's budget in words (docs/product.md, SMS budget), as an owner
 * reads them on Aujourd'hui: "SMS ce mois : 124 · 49,600 TND · 62 % du budget · fin de mois
 * estimée 81,000 TND". How close the budget is, is said in words as well as in colour. Pure: the
 * language comes in as its locale (`smsMonth` in fr.ts and en.ts).
 */
import type { SmsMonth } from '../api/sms-budget';
import { en } from '../i18n/en';
import { formatAge, formatCount, formatMoney, formatShare } from '../i18n/figures';
import { fr, type Messages } from '../i18n/fr';
import type { Locale } from '../i18n/locale';

const MESSAGES: Record<Locale, Messages> = { fr, en };

/** PRODUCT: the budget alerts start at 80 %; the card turns to its warning colour there too. */
export const SMS_BUDGET_WARNING_SHARE = 0.8;

/** How the month stands against the budget: `none` without one. */
export type SmsBudgetLevel = 'none' | 'within' | 'nearly_spent' | 'over';

export function smsBudgetLevel(sms: SmsMonth): SmsBudgetLevel {
  if (sms.budgetShare === null) return 'none';
  if (sms.budgetShare >= 1) return 'over';
  return sms.budgetShare >= SMS_BUDGET_WARNING_SHARE ? 'nearly_spent' : 'within';
}

/** The card's line: count, cost, share of the budget (with one), the month-end estimate (once there is one). */
export function smsMonthLine(sms: SmsMonth, locale: Locale): string {
  const words = MESSAGES[locale].smsMonth;
  const money = (minor: number) => formatMoney(minor, sms.currency, locale);
  return [
    words.count(formatCount(sms.monthToDate.count, locale)),
    money(sms.monthToDate.costMinor),
    sms.budgetShare === null ? null : words.share(formatShare(sms.budgetShare, locale)),
    sms.projectedMonthEndMinor === null ? null : words.projected(money(sms.projectedMonthEndMinor)),
  ]
    .filter((part) => part !== null)
    .join(' · ');
}

/**
 * What the owner should notice, in words (never colour alone): the budget spent, nearly spent, or
 * on course to be passed by the month's end; null when none of these holds.
 */
export function smsBudgetWarning(sms: SmsMonth, locale: Locale): string | null {
  const words = MESSAGES[locale].smsMonth;
  const level = smsBudgetLevel(sms);
  if (level === 'over') return words.overBudget;
  if (level === 'nearly_spent') return words.nearlySpent;
  const projectedOver = sms.budgetMinor !== null && sms.projectedMonthEndMinor !== null && sms.projectedMonthEndMinor > sms.budgetMinor;
  return projectedOver ? words.projectedOver : null;
}

/** "Coût SMS par patient vu : 0,107 TND", or null while nobody was seen this month. */
export function costPerSeenLine(sms: SmsMonth, locale: Locale): string | null {
  if (sms.costPerSeenMinor === null) return null;
  return MESSAGES[locale].smsMonth.costPerSeen(formatMoney(sms.costPerSeenMinor, sms.currency, locale));
}

/** While the database is down the month's earlier days are the last read: said with their age. */
export function smsStaleLine(sms: SmsMonth, locale: Locale): string | null {
  if (sms.stale !== true) return null;
  const messages = MESSAGES[locale];
  return messages.smsMonth.stale(formatAge((sms.ageSeconds ?? 0) * 1000, locale, messages));
}
