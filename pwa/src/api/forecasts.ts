/**
 * A clinic's foresight as the PWA reads it (`/api/v1/clinics/{id}/…`, PRODUCT: forecast): the
 * arrivals expected on a day from today to a week ahead, with today's end as a range, and how far
 * the frozen forecasts of past days were from what happened. Each resolves with an answer checked
 * against the Worker's schemas, or rejects with the errors of client.ts.
 *
 * Parsed without zod's compiled parsers (Pulse's CSP forbids eval): see answer.ts.
 */
import {
  ForecastAccuracyAnswerSchema,
  ForecastAnswerSchema,
  type ForecastAccuracyAnswer,
  type ForecastAnswer,
} from '../../../worker/domain/forecast-wire.ts';
import type { Timeframe } from '../../../worker/domain/history-wire.ts';
import { parseAnswer } from './answer';
import { api, callApi, clinicParams } from './client';
import { UnexpectedAnswerError } from './errors';

export type { ForecastAccuracyAnswer, ForecastAnswer };

const clinic = api.clinics[':clinicId'];

/** A clinic time as the Worker writes it, "2026-11-24T18:40:00+01:00": its wall clock is what the screen says. */
const CLINIC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A forecast, its end (when it has one) in clinic times the screen can read the wall clock of. */
export function parseForecast(value: unknown): ForecastAnswer {
  const answer = parseAnswer(ForecastAnswerSchema, 'forecast', value);
  const end = answer.end;
  if (end != null && ![end.expected, end.low, end.high].every((time) => CLINIC_TIME.test(time))) {
    throw new UnexpectedAnswerError('forecast: end must be clinic times (YYYY-MM-DDTHH:MM…)');
  }
  return answer;
}

export const parseForecastAccuracy = (value: unknown): ForecastAccuracyAnswer => parseAnswer(ForecastAccuracyAnswerSchema, 'forecast accuracy', value);

/**
 * `GET …/forecast?day=`: the arrivals expected hour by hour on `day` (YYYY-MM-DD, up to 7 days
 * ahead), or on the clinic's today when `day` is left out, and for today its end. Never stored by
 * the browser: today's end moves with the queue.
 */
export async function fetchForecast(clinicId: string, day?: string): Promise<ForecastAnswer> {
  const query = day === undefined ? {} : { day };
  return parseForecast(await callApi(clinic.forecast.$get({ param: clinicParams(clinicId), query })));
}

/** `GET …/stats/forecast-accuracy`: the frozen forecasts of the window's ended days, scored, beside the naive forecast's. */
export async function fetchForecastAccuracy(clinicId: string, timeframe: Timeframe): Promise<ForecastAccuracyAnswer> {
  return parseForecastAccuracy(await callApi(clinic.stats['forecast-accuracy'].$get({ param: clinicParams(clinicId), query: { timeframe } })));
}
