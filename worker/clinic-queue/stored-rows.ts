/**
 * Schemas of the rows the ClinicQueue keeps as JSON in its own storage. Its storage is ours, but
 * it outlives deployments: a row written by an older version is checked, not trusted.
 */
import { z } from 'zod';
import { DEFAULT_SERVICE_TARGET_MINUTES } from '../domain/quote-accuracy.ts';
import { DayModelsSchema } from '../domain/day-models.ts';
import { CHECK_IN_METHODS, ENTRY_STATES, SMS_KINDS, SMS_STATUSES, ACTIVITY_KINDS, EVENT_TYPES } from '../domain/vocabulary.ts';

const instant = z.number().int();
const maybeInstant = instant.nullable();

export const QueueEntryRowSchema = z.object({
  clinicId: z.string(),
  id: z.string(),
  clinicDay: z.string(),
  ticketNumber: z.number().int(),
  method: z.enum(CHECK_IN_METHODS),
  state: z.enum(ENTRY_STATES),
  appointmentAt: maybeInstant,
  checkedInAt: instant,
  calledAt: maybeInstant,
  consultationStartedAt: maybeInstant,
  completedAt: maybeInstant,
  noShowAt: maybeInstant,
  cancelledAt: maybeInstant,
  // Rows stored before quotes and closing existed read as never quoted, never closed.
  unfinishedAt: maybeInstant.default(null),
  quoteWaitMinutes: z.number().int().nullable().default(null),
  quoteLowMinutes: z.number().int().nullable().default(null),
  quoteHighMinutes: z.number().int().nullable().default(null),
  quotedAt: maybeInstant.default(null),
  walkOutBrier: z.number().min(0).max(1).nullable().default(null),
  walkOutBaseRateBrier: z.number().min(0).max(1).nullable().default(null),
  updatedAt: instant,
});

/** What the day's models learn from (wait estimates, walk-out risk, the hour's baselines). */
export const PastEntrySchema = QueueEntryRowSchema.pick({
  id: true, clinicDay: true, state: true, checkedInAt: true, calledAt: true, completedAt: true, noShowAt: true, quoteWaitMinutes: true,
}).extend({
  // Past rows kept before walk-out risk existed lack these: read as manual check-ins never cancelled.
  method: z.enum(CHECK_IN_METHODS).default('manual'),
  cancelledAt: maybeInstant.default(null),
  unfinishedAt: maybeInstant.default(null),
});
export type StoredPastEntry = z.infer<typeof PastEntrySchema>;

export const SmsRowSchema = z.object({
  clinicId: z.string(),
  id: z.string(),
  entryId: z.string().nullable(),
  kind: z.enum(SMS_KINDS),
  status: z.enum(SMS_STATUSES),
  costMinor: z.number().int(),
  sentAt: instant,
  statusAt: maybeInstant,
});

export const ActivityRowSchema = z.object({
  clinicId: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  occurredAt: instant,
  userId: z.string().nullable(),
  detail: z.string().nullable(),
});

export const StoredEventRowSchema = z.object({
  clinicId: z.string(),
  id: z.string(),
  type: z.enum(EVENT_TYPES),
  entryId: z.string().nullable(),
  occurredAt: instant,
  receivedAt: instant,
  payload: z.string(),
});

export const ClinicSettingsSchema = z.object({
  clinicId: z.string(),
  timezone: z.string(),
  smsUnitCostMinor: z.number().int(),
  // Settings stored before service targets existed read as the default.
  serviceTargetMinutes: z.number().int().default(DEFAULT_SERVICE_TARGET_MINUTES),
});

/** What the object keeps about its day besides entries and SMS. */
export const DayMetaSchema = z.object({
  day: z.string(),
  nextTicketNumber: z.number().int().positive(),
  doctorPresent: z.boolean(),
  /** The clinic's 30-day mean consultation when the day opened (estimated end), null if none. */
  trailingConsultationMs: z.number().nullable(),
  /**
   * The day's models (estimator, walk-out risk, baselines), fitted from the clinic's history when
   * the day opened; null: not fitted yet (a day stored before they existed: its history is read
   * from libSQL once).
   */
  models: DayModelsSchema.nullable().default(null),
});
export type DayMeta = z.infer<typeof DayMetaSchema>;

const rollupCounters = {
  checkinsQr: z.number().int(),
  checkinsManual: z.number().int(),
  seen: z.number().int(),
  noShows: z.number().int(),
  cancelled: z.number().int(),
  waitSumMs: z.number(),
  waitCount: z.number().int(),
  waitMaxMs: z.number(),
  consultSumMs: z.number(),
  consultCount: z.number().int(),
  smsSent: z.number().int(),
  smsFailed: z.number().int(),
  smsCostMinor: z.number().int(),
  unfinished: z.number().int().default(0),
  calledWithinTarget: z.number().int().default(0),
  quoted: z.number().int().default(0),
  quoteAbsErrorSum: z.number().int().default(0),
  quoteWithinRange: z.number().int().default(0),
  quoteUnderQuoted: z.number().int().default(0),
  walkOutScored: z.number().int().default(0),
  walkOutBrierSum: z.number().default(0),
  walkOutBaseRateBrierSum: z.number().default(0),
  quoteAbsErrors: z.record(z.string(), z.number().int()).default({}),
  updatedAt: instant,
};

export const DailyRollupRowSchema = z.object({ clinicId: z.string(), day: z.string(), ...rollupCounters, finalizedAt: maybeInstant });
export const HourlyRollupRowSchema = z.object({ clinicId: z.string(), hourStart: instant, day: z.string(), hour: z.number().int(), ...rollupCounters });
