/**
 * The clinic's live queue as reception drives it from the PWA (`/api/v1/clinics/{id}/…`): the
 * walk-in, the call of the next patient, an entry's next step and the doctor's presence, plus
 * today's figures, which the live screen reads to tell "offline" from "refused". Each resolves
 * with checked data or rejects with the errors of client.ts.
 */
import { callApi } from './client';
import { UnexpectedAnswerError } from './errors';
import { isRecord } from './json';
import { TodayFiguresSchema, type CheckInMethod, type TodayFigures } from './wire';

/** An entry's next step, as the API's path names it. */
export type EntryAction = 'start' | 'complete' | 'no-show' | 'cancel';

const clinicPath = (clinicId: string) => `/api/v1/clinics/${encodeURIComponent(clinicId)}`;

/** `{entryId}`: the entry the action created or moved; null for the doctor's presence. */
export function parseReceptionResult(value: unknown): string | null {
  if (!isRecord(value)) throw new UnexpectedAnswerError('reception result is not an object');
  const { entryId } = value;
  if (entryId === null || (typeof entryId === 'string' && entryId !== '')) return entryId;
  throw new UnexpectedAnswerError('reception result: entryId must be a non-empty string or null');
}

/** `GET …/stats/today`: the figures of the clinic day, now. */
export async function fetchTodayFigures(clinicId: string): Promise<TodayFigures> {
  const parsed = TodayFiguresSchema.safeParse(await callApi(`${clinicPath(clinicId)}/stats/today`));
  if (!parsed.success) throw new UnexpectedAnswerError(`today's figures: ${parsed.error.issues[0]?.path.join('.') ?? 'malformed'}`);
  return parsed.data;
}

/** Adds a walk-in to the queue; resolves with the new entry's id. */
export async function addWalkIn(clinicId: string, method: CheckInMethod): Promise<string | null> {
  return parseReceptionResult(await callApi(`${clinicPath(clinicId)}/queue/entries`, { method: 'POST', body: { method } }));
}

/** Calls the waiting patient with the lowest ticket; INVALID_TRANSITION when nobody waits. */
export async function callNextPatient(clinicId: string): Promise<string | null> {
  return parseReceptionResult(await callApi(`${clinicPath(clinicId)}/queue/call-next`, { method: 'POST' }));
}

/** Moves one entry on: start or complete its consultation, mark it no-show, or cancel it. */
export async function moveEntry(clinicId: string, entryId: string, action: EntryAction): Promise<string | null> {
  const path = `${clinicPath(clinicId)}/queue/entries/${encodeURIComponent(entryId)}/${action}`;
  return parseReceptionResult(await callApi(path, { method: 'POST' }));
}

/** The doctor is in, or away: the estimated end depends on it. */
export async function setDoctorPresence(clinicId: string, present: boolean): Promise<void> {
  parseReceptionResult(await callApi(`${clinicPath(clinicId)}/presence`, { method: 'PUT', body: { present } }));
}
