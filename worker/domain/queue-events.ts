/**
 * The queue app's events (issue 4, item 1): the ingestion wire format, shared by the Worker and
 * the PWA. Senders `satisfies QueueEvent`, receivers parse with `queueEventSchema`.
 *
 * Every object is strict: an unknown field is refused, which is also what keeps a patient's name
 * or phone number out of Pulse — there is no field for them and no way to slip one in.
 */
import { z } from 'zod';
import { CHECK_IN_METHODS, LOGIN_PLATFORMS, SMS_KINDS } from './vocabulary.ts';

/** Client-chosen ids: the event's own id makes resending harmless (unique per clinic). */
const clientId = z.string().min(1).max(64);

/**
 * ISO 8601 with an offset (`Z` or `±HH:MM`): a local time without one would be ambiguous. zod also
 * refuses impossible dates (`2026-02-30`), so `Date.parse` of a parsed value is always a number.
 */
const instant = z.iso.datetime({ offset: true });

const envelope = {
  id: clientId,
  occurredAt: instant,
};

export const patientAddedSchema = z.strictObject({
  ...envelope,
  type: z.literal('patient_added'),
  entryId: clientId,
  method: z.enum(CHECK_IN_METHODS),
  appointmentAt: instant.optional(),
});

export const patientCalledSchema = z.strictObject({ ...envelope, type: z.literal('patient_called'), entryId: clientId });

export const consultationStartedSchema = z.strictObject({
  ...envelope,
  type: z.literal('consultation_started'),
  entryId: clientId,
});

export const patientCompletedSchema = z.strictObject({ ...envelope, type: z.literal('patient_completed'), entryId: clientId });

export const patientNoShowSchema = z.strictObject({ ...envelope, type: z.literal('patient_no_show'), entryId: clientId });

export const patientCancelledSchema = z.strictObject({ ...envelope, type: z.literal('patient_cancelled'), entryId: clientId });

export const doctorPresenceChangedSchema = z.strictObject({
  ...envelope,
  type: z.literal('doctor_presence_changed'),
  present: z.boolean(),
});

export const clinicLoginSchema = z.strictObject({
  ...envelope,
  type: z.literal('clinic_login'),
  platform: z.enum(LOGIN_PLATFORMS),
});

export const smsSentSchema = z.strictObject({
  ...envelope,
  type: z.literal('sms_sent'),
  smsId: clientId,
  entryId: clientId.optional(),
  kind: z.enum(SMS_KINDS),
});

export const smsStatusSchema = z.strictObject({
  ...envelope,
  type: z.literal('sms_status'),
  smsId: clientId,
  status: z.enum(['delivered', 'failed']),
});

/** One event from the queue app; `type` selects the shape. */
export const queueEventSchema = z.discriminatedUnion('type', [
  patientAddedSchema,
  patientCalledSchema,
  consultationStartedSchema,
  patientCompletedSchema,
  patientNoShowSchema,
  patientCancelledSchema,
  doctorPresenceChangedSchema,
  clinicLoginSchema,
  smsSentSchema,
  smsStatusSchema,
]);

export type QueueEvent = z.infer<typeof queueEventSchema>;
export type QueueEventType = QueueEvent['type'];
/** The event of one type, e.g. `QueueEventOf<'patient_added'>`. */
export type QueueEventOf<Type extends QueueEventType> = Extract<QueueEvent, { type: Type }>;

/** Events that move one queue entry from state to state. */
export type EntryTransitionEvent = QueueEventOf<
  'patient_called' | 'consultation_started' | 'patient_completed' | 'patient_no_show' | 'patient_cancelled'
>;

/** The `events` table row of an accepted event (db/schema/queue.ts), as received. */
export interface StoredEventRow {
  clinicId: string;
  id: string;
  type: QueueEventType;
  entryId: string | null;
  occurredAt: number;
  receivedAt: number;
  payload: string;
}

/** The entry an event is about, if any (an SMS may name one too). */
export function entryIdOf(event: QueueEvent): string | null {
  return 'entryId' in event && event.entryId !== undefined ? event.entryId : null;
}

/** `occurredAt` as epoch milliseconds; the schema guarantees it parses. */
export function occurredAtMs(event: QueueEvent): number {
  return Date.parse(event.occurredAt);
}

/** How an accepted event is kept: its validated body as JSON, nothing added. */
export function storedEventOf(clinicId: string, event: QueueEvent, receivedAt: number): StoredEventRow {
  return {
    clinicId,
    id: event.id,
    type: event.type,
    entryId: entryIdOf(event),
    occurredAt: occurredAtMs(event),
    receivedAt,
    payload: JSON.stringify(event),
  };
}
