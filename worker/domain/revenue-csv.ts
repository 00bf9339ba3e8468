/**
 * The revenue export (`GET /admin/revenue.csv`): one record per currency and month with the
 * figures `GET /admin/revenue` answers, under column names that stay put, and the file's name. Pure.
 */
import type { CsvValue } from './csv.ts';
import { attachmentDisposition } from './file-names.ts';
import type { CurrencyRevenue, RevenueMonth } from './revenue-movements.ts';

/** The header row, in order. Renaming one breaks the spreadsheets built on the export: append only. */
export const REVENUE_CSV_COLUMNS = [
  'currency',
  'month',
  'mrr_start_minor',
  'new_minor',
  'expansion_minor',
  'contraction_minor',
  'churned_minor',
  'reactivation_minor',
  'mrr_end_minor',
  'active_clinics',
  'arpu_minor',
  'logo_churn_rate',
  'revenue_churn_rate',
] as const;

/** One month's record, in `REVENUE_CSV_COLUMNS` order (null → empty cell). */
export function revenueCsvValues(currency: string, month: RevenueMonth): CsvValue[] {
  return [
    currency,
    month.month,
    month.mrrStartMinor,
    month.newMinor,
    month.expansionMinor,
    month.contractionMinor,
    month.churnedMinor,
    month.reactivationMinor,
    month.mrrEndMinor,
    month.activeClinics,
    month.arpuMinor,
    month.logoChurnRate,
    month.revenueChurnRate,
  ];
}

/** Every record of the export: currency by currency, each one's months oldest first. */
export function revenueCsvRecords(currencies: readonly CurrencyRevenue[]): CsvValue[][] {
  return currencies.flatMap((revenue) => revenue.months.map((month) => revenueCsvValues(revenue.currency, month)));
}

/** `attachment; filename="pulse-revenus-2026-01_2026-12.csv"…`: the window's first and last months. */
export function revenueCsvDisposition(first: string, last: string): string {
  return attachmentDisposition(`pulse-revenus-${first}_${last}.csv`);
}
