/**
 * The SMS budget on the wire: the owner's setting (`/clinics/{id}/sms-budget`) and the month's SMS
 * in `stats/today.sms`. zod only, so the PWA checks the answers with the same schemas at run time.
 */
import { z } from 'zod';

/**
 * Bounds of a monthly budget, minor units: at least one, and at most a billion (a million TND):
 * far above any clinic's SMS month, well inside SQLite's integers and JavaScript's exact ones.
 */
export const SMS_BUDGET_MINOR = { min: 1, max: 1_000_000_000 } as const;

export const SmsBudgetSchema = z.object({
  /** Minor units of `currency` a month; null: the clinic set no budget (no budget alerts). */
  monthlyAmountMinor: z.number().int().nullable(),
  currency: z.string(),
});
export type SmsBudget = z.infer<typeof SmsBudgetSchema>;

export const SmsBudgetChangeSchema = z
  .object({ monthlyAmountMinor: z.number().int().min(SMS_BUDGET_MINOR.min).max(SMS_BUDGET_MINOR.max).nullable() })
  .strict();
export type SmsBudgetChange = z.infer<typeof SmsBudgetChangeSchema>;

/** `stats/today.sms`: the clinic's calendar month so far (docs/product.md, SMS budget). */
export const SmsMonthSchema = z.object({
  monthToDate: z.object({ count: z.number().int(), costMinor: z.number().int() }),
  budgetMinor: z.number().int().nullable(),
  /** Cost ÷ budget, to 0.0001; null without a budget. */
  budgetShare: z.number().nullable(),
  projectedMonthEndMinor: z.number().int().nullable(),
  costPerSeenMinor: z.number().int().nullable(),
  currency: z.string(),
  /**
   * Only when libSQL could not answer: the month's earlier days (and the budget) are the last ones
   * read, `ageSeconds` old; today's SMS are live all the same.
   */
  stale: z.literal(true).optional(),
  ageSeconds: z.number().int().optional(),
});
export type SmsMonth = z.infer<typeof SmsMonthSchema>;
