/**
 * The clinic's live queue as reception drives it from the PWA (`/api/v1/clinics/{id}/…`): the
 * walk-in, the call of the next patient, an entry's next step and the doctor's presence, plus
 * today's figures, which the live screen reads to tell "offline" from "refused". Each resolves
 * with checked data or rejects with the errors of client.ts.
 */
import { parseAnswer } from './answer';
import { api, callApi, clinicParams, segment } from './client';
import type { EntryAction } from './contract';
import { UnexpectedAnswerError } from './errors';
import { isRecord } from './json';
import { TodayFiguresSchema, type CheckInMethod, type TodayFigures } from './wire';

export type { EntryAction };

const clinic = api.clinics[':clinicId'];

/** `{entryId}`: the entry the action created or moved; null for the doctor's presence. */
export function parseReceptionResult(value: unknown): string | null {
  if (!isRecord(value)) throw new UnexpectedAnswerError('reception result is not an object');
  const { entryId } = value;
  if (entryId === null || (typeof entryId === 'string' && entryId !== '')) return entryId;
  throw new UnexpectedAnswerError('reception result: entryId must be a non-empty string or null');
}

/** `GET …/stats/today`: the figures of the clinic day, now. */
export async function fetchTodayFigures(clinicId: string): Promise<TodayFigures> {
  return parseAnswer(TodayFiguresSchema, "today's figures", await callApi(clinic.stats.today.$get({ param: clinicParams(clinicId) })));
}

/** Adds a walk-in to the queue; resolves with the new entry's id. */
export async function addWalkIn(clinicId: string, method: CheckInMethod): Promise<string | null> {
  return parseReceptionResult(await callApi(clinic.queue.entries.$post({ param: clinicParams(clinicId), json: { method } })));
}

/** Calls the waiting patient with the lowest ticket; INVALID_TRANSITION when nobody waits. */
export async function callNextPatient(clinicId: string): Promise<string | null> {
  return parseReceptionResult(await callApi(clinic.queue['call-next'].$post({ param: clinicParams(clinicId) })));
}

/** Moves one entry on: start or complete its consultation, mark it no-show, or cancel it. */
export async function moveEntry(clinicId: string, entryId: string, action: EntryAction): Promise<string | null> {
  const param = { ...clinicParams(clinicId), entryId: segment(entryId), action };
  return parseReceptionResult(await callApi(clinic.queue.entries[':entryId'][':action'].$post({ param })));
}

/** The doctor is in, or away: the estimated end depends on it. */
export async function setDoctorPresence(clinicId: string, present: boolean): Promise<void> {
  parseReceptionResult(await callApi(clinic.presence.$put({ param: clinicParams(clinicId), json: { present } })));
}
