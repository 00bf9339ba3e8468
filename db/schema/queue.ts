import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CHECK_IN_METHODS, ENTRY_STATES, EVENT_TYPES, SMS_KINDS, SMS_STATUSES } from '../../worker/domain/vocabulary.ts';
import { clinics } from './clinics.ts';

/**
 * Every event received from the queue app, as received. `id` is the client's id: the composite
 * primary key makes a resent event a no-op (idempotent ingestion).
 */
export const events = sqliteTable(
  'events',
  {
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    id: text('id').notNull(),
    type: text('type', { enum: EVENT_TYPES }).notNull(),
    entryId: text('entry_id'),
    occurredAt: integer('occurred_at').notNull(),
    receivedAt: integer('received_at').notNull(),
    /** The validated event body as JSON (no personal data: the schemas have no field for it). */
    payload: text('payload').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.clinicId, table.id] }),
    // Rebuilding a clinic's day (Durable Object restart, rollup rebuild) and its timeline.
    index('events_clinic_occurred_idx').on(table.clinicId, table.occurredAt),
    // Retention job: delete the oldest rows in bounded batches.
    index('events_occurred_idx').on(table.occurredAt),
  ],
);

/** One patient visit: the projection of its events. No name, no phone number, ever. */
export const queueEntries = sqliteTable(
  'queue_entries',
  {
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    id: text('id').notNull(),
    /** The clinic day (YYYY-MM-DD in the clinic's zone) the patient checked in on. */
    clinicDay: text('clinic_day').notNull(),
    ticketNumber: integer('ticket_number').notNull(),
    method: text('method', { enum: CHECK_IN_METHODS }).notNull(),
    state: text('state', { enum: ENTRY_STATES }).notNull(),
    appointmentAt: integer('appointment_at'),
    checkedInAt: integer('checked_in_at').notNull(),
    calledAt: integer('called_at'),
    consultationStartedAt: integer('consultation_started_at'),
    completedAt: integer('completed_at'),
    noShowAt: integer('no_show_at'),
    cancelledAt: integer('cancelled_at'),
    /** Closed at the clinic's midnight while still open (PRODUCT: unfinished). */
    unfinishedAt: integer('unfinished_at'),
    /** The wait quoted at check-in, whole minutes (PRODUCT: quote); null for entries older than quotes. */
    quoteWaitMinutes: integer('quote_wait_minutes'),
    quoteLowMinutes: integer('quote_low_minutes'),
    quoteHighMinutes: integer('quote_high_minutes'),
    quotedAt: integer('quoted_at'),
    /**
     * The walk-out risk's score, set when the entry ends (called, or left before): the mean Brier
     * score of the risks shown while it waited, and the base rate's (walk-out-risk.ts).
     */
    walkOutBrier: real('walk_out_brier'),
    walkOutBaseRateBrier: real('walk_out_base_rate_brier'),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.clinicId, table.id] }),
    // Today's queue list and rollup rebuilds: entries of one clinic day.
    index('queue_entries_clinic_day_idx').on(table.clinicId, table.clinicDay),
    // Retention job and cross-clinic "patients today".
    index('queue_entries_checked_in_idx').on(table.checkedInAt),
  ],
);

/** An SMS the queue app sent for a clinic, and what became of it. */
export const smsMessages = sqliteTable(
  'sms_messages',
  {
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    id: text('id').notNull(),
    entryId: text('entry_id'),
    kind: text('kind', { enum: SMS_KINDS }).notNull(),
    status: text('status', { enum: SMS_STATUSES }).notNull(),
    /** Cost at the clinic's unit price when sent, so later price changes do not rewrite history. */
    costMinor: integer('cost_minor').notNull(),
    sentAt: integer('sent_at').notNull(),
    statusAt: integer('status_at'),
  },
  (table) => [
    primaryKey({ columns: [table.clinicId, table.id] }),
    // SMS failure rate over the last hour, across all clinics.
    index('sms_messages_sent_idx').on(table.sentAt, table.status),
    // SMS today and their cost, per clinic.
    index('sms_messages_clinic_sent_idx').on(table.clinicId, table.sentAt),
  ],
);
