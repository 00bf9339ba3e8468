/**
 * What the ClinicQueue tells phones: the figures of `stats/today` and today's list, as a snapshot on
 * connect and as updates after changes. Shared by the Worker (senders `satisfies`) and the PWA
 * (receivers parse). No personal data: tickets, states and times only.
 */
import { z } from 'zod';
import { CHECK_IN_METHODS, ENTRY_STATES } from './vocabulary.ts';

export const TodayFiguresSchema = z.object({
  waiting: z.number().int(),
  seenToday: z.number().int(),
  avgWaitMinutes: z.number().nullable(),
  maxWaitMinutes: z.number().nullable(),
  noShowsToday: z.number().int(),
  checkIns: z.object({ qr: z.number().int(), manual: z.number().int(), qrShare: z.number().nullable() }),
  avgConsultationMinutes: z.number().nullable(),
  estimatedEndAt: z.string().nullable(),
  doctorPresent: z.boolean(),
  asOf: z.string(),
  timezone: z.string(),
  day: z.string(),
});

export const TodayEntrySchema = z.object({
  entryId: z.string(),
  ticketNumber: z.number().int(),
  state: z.enum(ENTRY_STATES),
  method: z.enum(CHECK_IN_METHODS),
  checkedInAt: z.string(),
  /** Until called (or now, while waiting), whole minutes. */
  minutesWaited: z.number().int(),
});

export type TodayEntry = z.infer<typeof TodayEntrySchema>;

export const LiveMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), figures: TodayFiguresSchema, entries: z.array(TodayEntrySchema) }),
  z.object({ type: z.literal('update'), figures: TodayFiguresSchema, entries: z.array(TodayEntrySchema) }),
]);

export type LiveMessage = z.infer<typeof LiveMessageSchema>;

/**
 * Close codes of the live socket besides the standard ones (4000–4999 are the application's):
 * the phone stops reconnecting on these and asks the API, which answers why.
 */
export const LIVE_CLOSE_CODES = {
  /** The session that opened the socket ended (logout, password change, disabled, membership removed). */
  sessionEnded: 4401,
  /** The clinic was archived: its live queue is closed to its members. */
  clinicArchived: 4404,
} as const;
