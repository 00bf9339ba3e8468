/**
 * What the ClinicQueue tells phones: the figures of `stats/today` and today's list, as a snapshot on
 * connect and as updates after changes. Shared by the Worker (senders `satisfies`) and the PWA
 * (receivers parse). No personal data: tickets, states and times only.
 */
import { z } from 'zod';
import { CHECK_IN_METHODS, ENTRY_STATES } from './vocabulary.ts';

/** PRODUCT: accuracy of the quotes over the entries called (today, or in a window); null without any. */
export const EstimateAccuracySchema = z.object({
  called: z.number().int(),
  meanAbsoluteErrorMinutes: z.number().nullable(),
  medianAbsoluteErrorMinutes: z.number().nullable(),
  withinRangeShare: z.number().nullable(),
  underQuotedShare: z.number().nullable(),
});

/**
 * PRODUCT: walk-out risk scored over the entries that ended (called, or left uncalled): the mean
 * Brier score of the risks each was shown while waiting, and the base rate's; lower is better,
 * null without any entry scored.
 */
export const WalkOutScoreSchema = z.object({
  entries: z.number().int(),
  brier: z.number().nullable(),
  baseRateBrier: z.number().nullable(),
});
export type WalkOutScore = z.infer<typeof WalkOutScoreSchema>;

/** PRODUCT: service level, the share of entries called within the clinic's target. */
export const ServiceLevelSchema = z.object({
  targetMinutes: z.number().int(),
  called: z.number().int(),
  calledWithinTarget: z.number().int(),
  share: z.number().nullable(),
});

/** One live figure unusual for this hour (hour-baselines.ts): its value, its usual one, value ÷ usual; weekday 0 = Monday. */
export const UnusualFigureSchema = z.object({
  figure: z.enum(['arrivals', 'waiting', 'wait']),
  value: z.number(),
  usual: z.number(),
  ratio: z.number(),
  direction: z.enum(['above', 'below']),
  weekday: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
});

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
  estimates: EstimateAccuracySchema,
  serviceLevel: ServiceLevelSchema,
  /** PRODUCT: the live figures at least 2× (or at most ½) their usual value for this weekday and hour, above a volume floor. */
  unusual: z.array(UnusualFigureSchema),
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
  /** While waiting: 1 for the next to be called. */
  position: z.number().int().nullable(),
  /** While waiting: the live estimate from now (PRODUCT: estimate); `callAt` in clinic time with its offset. */
  estimate: z.object({ waitMinutes: z.number().int(), lowMinutes: z.number().int(), highMinutes: z.number().int(), callAt: z.string() }).nullable(),
  /** The quote made at check-in, never changed; null for entries from before quotes. */
  quote: z.object({ waitMinutes: z.number().int(), lowMinutes: z.number().int(), highMinutes: z.number().int(), quotedAt: z.string() }).nullable(),
  /** Once called: the whole minutes actually waited (what the quote is judged against). */
  waitedMinutes: z.number().int().nullable(),
  /** While waiting: the chance this patient leaves before being called (PRODUCT: walk-out risk), to 0.01. */
  walkOutRisk: z.object({ probability: z.number().min(0).max(1), level: z.enum(['low', 'medium', 'high']) }).nullable(),
});

export type TodayEntry = z.infer<typeof TodayEntrySchema>;

/**
 * A snapshot holds today's whole list. An update holds the entries that changed since the message
 * before it and every entry still open (waiting, called, in consultation); the finished entries it
 * leaves out are as the phone already has them (`mergeLiveEntries`).
 */
export const LiveMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), figures: TodayFiguresSchema, entries: z.array(TodayEntrySchema) }),
  z.object({ type: z.literal('update'), figures: TodayFiguresSchema, entries: z.array(TodayEntrySchema) }),
]);

export type LiveMessage = z.infer<typeof LiveMessageSchema>;

/** Today's list after `message`: a snapshot replaces it, an update replaces or adds the entries it names. */
export function mergeLiveEntries(known: readonly TodayEntry[], message: LiveMessage): TodayEntry[] {
  if (message.type === 'snapshot') return message.entries;
  const merged = new Map(known.map((entry) => [entry.entryId, entry]));
  for (const entry of message.entries) merged.set(entry.entryId, entry);
  return [...merged.values()].sort((a, b) => a.ticketNumber - b.ticketNumber);
}

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
