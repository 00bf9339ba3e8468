/**
 * What a patient's ticket shows (`GET /api/v1/tickets/{token}` and the page `/t/<token>`): the
 * clinic's name, the ticket number, where the entry stands and the range of its wait. Nothing
 * personal, and nothing about any other entry: no entry id (the link stands for it), no times of
 * others, only this entry's position among those waiting.
 */
import { z } from 'zod';
import type { TodayEntry } from './live-messages.ts';
import { ENTRY_STATES, type EntryState } from './vocabulary.ts';

export const TicketViewSchema = z.object({
  clinicName: z.string(),
  ticketNumber: z.number().int(),
  state: z.enum(ENTRY_STATES),
  /** While waiting: 1 for the next to be called; null otherwise. */
  position: z.number().int().nullable(),
  /** While waiting: the live estimate (PRODUCT: the patient sees the range, never a bare number). */
  estimate: z.object({ waitMinutes: z.number().int(), lowMinutes: z.number().int(), highMinutes: z.number().int() }).nullable(),
  /** When the link stops working: the end of the clinic day (ISO 8601, UTC). */
  expiresAt: z.string(),
  /** When this answer was computed (ISO 8601, UTC). */
  asOf: z.string(),
});

export type TicketView = z.infer<typeof TicketViewSchema>;

/** States after which nothing more happens to an entry today: its page stops asking. */
const FINAL_STATES: ReadonlySet<EntryState> = new Set(['completed', 'no_show', 'cancelled', 'unfinished']);

export function isFinalState(state: EntryState): boolean {
  return FINAL_STATES.has(state);
}

/** The ticket of one entry of today's queue, as of `now`. */
export function ticketViewOf(entry: TodayEntry, clinicName: string, expiresAt: number, now: number): TicketView {
  const { estimate } = entry;
  return {
    clinicName,
    ticketNumber: entry.ticketNumber,
    state: entry.state,
    position: entry.state === 'waiting' ? entry.position : null,
    estimate: entry.state === 'waiting' && estimate !== null ? { waitMinutes: estimate.waitMinutes, lowMinutes: estimate.lowMinutes, highMinutes: estimate.highMinutes } : null,
    expiresAt: new Date(expiresAt).toISOString(),
    asOf: new Date(now).toISOString(),
  };
}
