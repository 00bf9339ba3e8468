/**
 * A clinic's SMS budget (`/api/v1/clinics/{id}/sms-budget`, owners set it, members read it) and the
 * month's SMS against it (`stats/today`'s `sms`). Each resolves with an answer checked against the
 * Worker's own wire schemas, or rejects with the errors of client.ts.
 */
import { z } from 'zod';
import { SMS_BUDGET_MINOR, SmsBudgetSchema, SmsMonthSchema, type SmsBudget, type SmsMonth } from '../../../worker/domain/sms-budget-wire.ts';
import { parseAnswer } from './answer';
import { api, callApi, clinicParams } from './client';
import type { SmsBudgetAnswer, SmsMonthAnswer } from './contract';

export { SMS_BUDGET_MINOR, type SmsBudget, type SmsMonth };

const clinic = api.clinics[':clinicId'];

/** Only `sms` of today's answer; an older API without it answers null, as when libSQL is down with nothing kept. */
const TodaySmsSchema = z.object({ sms: (SmsMonthSchema satisfies z.ZodType<NonNullable<SmsMonthAnswer>>).nullable().default(null) });

export const parseSmsBudget = (value: unknown): SmsBudget => parseAnswer(SmsBudgetSchema satisfies z.ZodType<SmsBudgetAnswer>, 'SMS budget', value);
export const parseTodaySms = (value: unknown): SmsMonth | null => parseAnswer(TodaySmsSchema, "today's SMS", value).sms;

/** `GET …/stats/today`, read for its `sms`: the month so far, its budget share and projection. */
export async function fetchSmsMonth(clinicId: string): Promise<SmsMonth | null> {
  return parseTodaySms(await callApi(clinic.stats.today.$get({ param: clinicParams(clinicId) })));
}

/** `GET …/sms-budget`: any member may read it. */
export async function fetchSmsBudget(clinicId: string): Promise<SmsBudget> {
  return parseSmsBudget(await callApi(clinic['sms-budget'].$get({ param: clinicParams(clinicId) })));
}

/** `PUT …/sms-budget`: whole minor units a month, or null for no budget; owners only. */
export async function setSmsBudget(clinicId: string, monthlyAmountMinor: number | null): Promise<SmsBudget> {
  return parseSmsBudget(await callApi(clinic['sms-budget'].$put({ param: clinicParams(clinicId), json: { monthlyAmountMinor } })));
}
