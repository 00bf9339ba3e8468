import { openTicket, sealTicket, type TicketKeys } from '../auth/ticket-token.ts';
import type { TodayEntry } from '../domain/live-messages.ts';
import { ticketViewOf, type TicketView } from '../domain/ticket-view.ts';
import { failed, succeeded, type Result } from './result.ts';

/** What issuing ticket links needs: the keys, the clinic's live queue, and where Pulse is opened. */
export interface TicketIssuePorts {
  keys(): Promise<TicketKeys>;
  /** Which of the ids are in today's queue, and when today ends (the clinic's live queue). */
  ticketDay(entryIds: readonly string[]): Promise<{ archived: boolean; endsAt: number; known: string[] }>;
  /** PUBLIC_URL: links are never built on the request's Host, which the caller chooses. */
  publicUrl: string;
}

export interface IssuedTicket {
  entryId: string;
  /** `<PUBLIC_URL>/t/<token>`: for the SMS, or a QR code at reception. */
  url: string;
  /** ISO 8601: the end of the clinic day, after which the link answers 404. */
  expiresAt: string;
}

export interface RefusedTicket {
  entryId: string;
  error: { code: 'NOT_FOUND'; message: string };
}

export interface IssuedTickets {
  tickets: IssuedTicket[];
  /** Ids not in today's queue of the key's clinic (another day, another clinic, never sent). */
  rejected: RefusedTicket[];
}

/**
 * One link per entry of today's queue of `clinicId`, in the order asked (each id once). An id not
 * in that queue gets no link, whether it is another clinic's or unknown: the answer tells them
 * apart from nothing. `clinic_archived`: the key's clinic was archived since the key was trusted.
 */
export async function issueTickets(ports: TicketIssuePorts, clinicId: string, entryIds: readonly string[]): Promise<Result<IssuedTickets, 'clinic_archived'>> {
  const asked = [...new Set(entryIds)];
  const day = await ports.ticketDay(asked);
  if (day.archived) return failed('clinic_archived');
  const known = new Set(day.known);
  const keys = await ports.keys();
  const expiresAt = new Date(day.endsAt).toISOString();
  const tickets: IssuedTicket[] = [];
  const rejected: RefusedTicket[] = [];
  for (const entryId of asked) {
    if (!known.has(entryId)) {
      rejected.push({ entryId, error: { code: 'NOT_FOUND', message: "No entry with this id in today's queue" } });
      continue;
    }
    const token = await sealTicket(keys, { clinicId, entryId, expiresAt: day.endsAt });
    tickets.push({ entryId, url: `${ports.publicUrl}/t/${token}`, expiresAt });
  }
  return succeeded({ tickets, rejected });
}

/**
 * The link of one entry of today's queue of `clinicId`, for reception to show as a QR code at the
 * desk: the very link the queue app is given for its SMS. `not_found`: the entry is not in that
 * queue (another day, another clinic's, never there), told apart from nothing else.
 */
export async function issueTicket(ports: TicketIssuePorts, clinicId: string, entryId: string): Promise<Result<IssuedTicket, 'clinic_archived' | 'not_found'>> {
  const issued = await issueTickets(ports, clinicId, [entryId]);
  if (!issued.ok) return issued;
  const [ticket] = issued.value.tickets;
  return ticket === undefined ? failed('not_found') : succeeded(ticket);
}

/** What reading a ticket needs: the keys, the caller's allowance, the clinic's live queue and name. */
export interface TicketReadPorts {
  now: number;
  keys(): Promise<TicketKeys>;
  /** Whether this caller's address may read one more ticket now (rate limit). */
  admit(): Promise<boolean>;
  /** The entry as the clinic's live queue has it today, or null. */
  ticket(clinicId: string, entryId: string): Promise<TodayEntry | null>;
  clinicName(clinicId: string): Promise<string | undefined>;
  /** Told why the queue or the database could not answer (the log). */
  unavailable(error: unknown): void;
}

/**
 * Why a ticket is not shown: too many reads from the address; a token this deployment did not
 * seal, or whose entry is gone; a genuine token past its clinic day; the live queue not answering.
 */
export type TicketRefusal = 'rate_limited' | 'not_found' | 'expired' | 'unavailable';

/** The ticket a token stands for, as of now. The token alone decides which entry: nothing else is read. */
export async function readTicket(ports: TicketReadPorts, token: string): Promise<Result<TicketView, TicketRefusal>> {
  if (!(await ports.admit())) return failed('rate_limited');
  const claim = await openTicket(await ports.keys(), token);
  if (claim === null) return failed('not_found');
  if (ports.now >= claim.expiresAt) return failed('expired');
  let entry: TodayEntry | null;
  let clinicName: string | undefined;
  try {
    [entry, clinicName] = await Promise.all([ports.ticket(claim.clinicId, claim.entryId), ports.clinicName(claim.clinicId)]);
  } catch (error) {
    ports.unavailable(error);
    return failed('unavailable');
  }
  if (entry === null || clinicName === undefined) return failed('not_found');
  return succeeded(ticketViewOf(entry, clinicName, claim.expiresAt, ports.now));
}
