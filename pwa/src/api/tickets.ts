/**
 * A patient's ticket link as reception asks for it (`POST /api/v1/clinics/{id}/queue/entries/
 * {entryId}/ticket`), to show as a QR code at the desk. Loaded with the ticket dialog only, never
 * with the first screen. Resolves with a checked answer or rejects with the errors of client.ts.
 */
import { api, callApi, clinicParams, segment } from './client';
import { UnexpectedAnswerError } from './errors';
import { isRecord, requireString } from './json';

export interface TicketLink {
  /** `<PUBLIC_URL>/t/<token>`: the patient's live ticket page. */
  url: string;
  /** ISO 8601: the end of the clinic day, after which the link no longer opens. */
  expiresAt: string;
}

const fail = (reason: string) => new UnexpectedAnswerError(`ticket link: ${reason}`);

/**
 * The answer, checked: a web address of a ticket page and a date. Anything else is refused rather
 * than drawn, since a patient would scan whatever the code says.
 */
export function parseTicketLink(value: unknown): TicketLink {
  if (!isRecord(value)) throw fail('not an object');
  const url = requireString(value, 'url', fail);
  const expiresAt = requireString(value, 'expiresAt', fail);
  if (!isTicketPage(url)) throw fail('url is not a ticket page');
  if (Number.isNaN(Date.parse(expiresAt))) throw fail('expiresAt is not a date');
  return { url, expiresAt };
}

function isTicketPage(url: string): boolean {
  try {
    const address = new URL(url);
    return (address.protocol === 'https:' || address.protocol === 'http:') && address.pathname.startsWith('/t/');
  } catch {
    return false;
  }
}

/** The link to the live ticket page of one entry of today's queue; NOT_FOUND once it is not in it. */
export async function fetchTicketLink(clinicId: string, entryId: string): Promise<TicketLink> {
  const param = { ...clinicParams(clinicId), entryId: segment(entryId) };
  return parseTicketLink(await callApi(api.clinics[':clinicId'].queue.entries[':entryId'].ticket.$post({ param })));
}
