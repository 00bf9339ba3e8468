/**
 * The MRR movements as the super admin's Revenus screen reads them (`GET /admin/revenue`): per
 * currency, each UTC month of the window, checked against the Worker's schema
 * (worker/domain/revenue-wire.ts), or the errors of client.ts; and the address of their CSV export.
 */
import { RevenueSchema, type RevenueAnswer, type RevenueMonthAnswer } from '../../../worker/domain/revenue-wire.ts';
import { parseAnswer } from './answer';
import { api, callApi } from './client';

export type { RevenueAnswer };
export type RevenueMonth = RevenueMonthAnswer;
export type CurrencyRevenue = RevenueAnswer['currencies'][number];

/** `GET /admin/revenue?months=`: the `months` UTC months ending with the current one. */
export async function fetchRevenue(months: number): Promise<RevenueAnswer> {
  return parseAnswer(RevenueSchema, 'revenue', await callApi(api.admin.revenue.$get({ query: { months: String(months) } })));
}

/** The address of the same months as CSV (`GET /admin/revenue.csv`), for a plain download link. */
export function revenueCsvUrl(months: number): string {
  return api.admin['revenue.csv'].$path({ query: { months: String(months) } });
}
