/**
 * The queue projection: one clinic's queue for one clinic day, and what one event does to it.
 * Pure and I/O-free, O(1) per event: the ClinicQueue Durable Object (issue 4), the demo seed and
 * the simulator all run events through this one function, so stored history is the same whichever
 * path produced it.
 *
 * Entry states (PRODUCT.md): waiting → called → in_consultation → completed; a waiting or called
 * patient may become a no-show or be cancelled; a called patient may be completed without a
 * consultation start. Anything else is refused as a value, never thrown.
 *
 * The projection knows one clinic day: an event about an entry or SMS of an earlier day (a
 * delivery report arriving after midnight, say) is refused like any unknown one. Resent events
 * are not its concern: the caller drops a known event id before projecting (the `events` key).
 */
import { clinicDayOf, nextClinicDay, startOfClinicDay } from './clinic-time.ts';
import { occurredAtMs, type EntryTransitionEvent, type QueueEvent, type QueueEventOf } from './queue-events.ts';
import type { ActivityKind, CheckInMethod, EntryState, SmsKind, SmsStatus } from './vocabulary.ts';

/** A `queue_entries` row (db/schema/queue.ts). */
export interface QueueEntryRow {
  clinicId: string;
  id: string;
  clinicDay: string;
  ticketNumber: number;
  method: CheckInMethod;
  state: EntryState;
  appointmentAt: number | null;
  checkedInAt: number;
  calledAt: number | null;
  consultationStartedAt: number | null;
  completedAt: number | null;
  noShowAt: number | null;
  cancelledAt: number | null;
  /** The clinic's midnight, when the entry was closed still open (PRODUCT: unfinished). */
  unfinishedAt: number | null;
  /** The wait quoted at check-in (wait-estimate.ts), whole minutes; never changed afterwards. Null before quotes existed. */
  quoteWaitMinutes: number | null;
  quoteLowMinutes: number | null;
  quoteHighMinutes: number | null;
  quotedAt: number | null;
  /** Set when the entry ends: the mean Brier score of the walk-out risks it was shown, and the base rate's (walk-out-risk.ts). */
  walkOutBrier: number | null;
  walkOutBaseRateBrier: number | null;
  /** When the entry last changed, by the event's own time: replaying gives the same rows. */
  updatedAt: number;
}

/** An `sms_messages` row. */
export interface SmsRow {
  clinicId: string;
  id: string;
  entryId: string | null;
  kind: SmsKind;
  status: SmsStatus;
  costMinor: number;
  sentAt: number;
  statusAt: number | null;
}

/** A `clinic_activity` row without its generated id. */
export interface ClinicActivityRow {
  clinicId: string;
  kind: ActivityKind;
  occurredAt: number;
  userId: string | null;
  /** Small JSON object; ids and counts only, never personal data. */
  detail: string | null;
}

/** What the projection needs to know about the clinic itself. */
export interface ClinicQueueSettings {
  clinicId: string;
  timezone: string;
  /** Price of one SMS when sent, in the clinic's currency minor units. */
  smsUnitCostMinor: number;
  /** The owner's target wait (service level), minutes. */
  serviceTargetMinutes: number;
}

/**
 * Today's queue of one clinic. Its maps are updated in place (that is what keeps an event O(1));
 * the rows in them are never mutated, only replaced, so a row handed out stays a true snapshot.
 */
export interface QueueDay {
  readonly settings: ClinicQueueSettings;
  readonly day: string;
  /** `[startsAt, endsAt)`: the clinic day in epoch ms (23 or 25 hours long on DST days). */
  readonly startsAt: number;
  readonly endsAt: number;
  nextTicketNumber: number;
  doctorPresent: boolean;
  readonly entries: Map<string, QueueEntryRow>;
  readonly sms: Map<string, SmsRow>;
}

/** The rows one accepted event changes: at most one entry, one SMS and one activity row. */
export interface QueueChanges {
  entry: { row: QueueEntryRow; inserted: boolean } | null;
  sms: { row: SmsRow; inserted: boolean } | null;
  activity: ClinicActivityRow | null;
}

/** An event the queue cannot take (the route answers it as `INVALID_TRANSITION`). */
export interface QueueProjectionError {
  code: 'INVALID_TRANSITION';
  message: string;
}

/**
 * `state` is the queue after the event: the same object updated in place, or a new one when the
 * event opened a later clinic day. On failure the queue is left exactly as it was.
 */
export type QueueProjectionResult =
  | { ok: true; state: QueueDay; changes: QueueChanges }
  | { ok: false; error: QueueProjectionError };

/** An empty queue for `day`: ticket numbers start again at 1. Doctor presence is a fact about the doctor, so it carries over. */
export function openQueueDay(settings: ClinicQueueSettings, day: string, doctorPresent = false): QueueDay {
  return {
    settings,
    day,
    startsAt: startOfClinicDay(day, settings.timezone),
    endsAt: startOfClinicDay(nextClinicDay(day), settings.timezone),
    nextTicketNumber: 1,
    doctorPresent,
    entries: new Map(),
    sms: new Map(),
  };
}

/** Today's queue rebuilt from stored rows (an object restarting, the simulator resuming). */
export function restoreQueueDay(
  settings: ClinicQueueSettings,
  day: string,
  stored: { entries: Iterable<QueueEntryRow>; sms: Iterable<SmsRow>; doctorPresent: boolean },
): QueueDay {
  const state = openQueueDay(settings, day, stored.doctorPresent);
  for (const entry of stored.entries) {
    if (entry.clinicDay !== day) continue;
    state.entries.set(entry.id, entry);
    state.nextTicketNumber = Math.max(state.nextTicketNumber, entry.ticketNumber + 1);
  }
  for (const message of stored.sms) {
    if (message.sentAt >= state.startsAt && message.sentAt < state.endsAt) state.sms.set(message.id, message);
  }
  return state;
}

/** The time columns an entry event stamps. */
type EntryTimeField = 'calledAt' | 'consultationStartedAt' | 'completedAt' | 'noShowAt' | 'cancelledAt';

/** Which states each entry event may leave, where it leads and which time it stamps. */
const ENTRY_TRANSITIONS: Record<
  EntryTransitionEvent['type'],
  { from: readonly EntryState[]; to: EntryState; stamp: EntryTimeField }
> = {
  patient_called: { from: ['waiting'], to: 'called', stamp: 'calledAt' },
  consultation_started: { from: ['called'], to: 'in_consultation', stamp: 'consultationStartedAt' },
  patient_completed: { from: ['called', 'in_consultation'], to: 'completed', stamp: 'completedAt' },
  patient_no_show: { from: ['waiting', 'called'], to: 'no_show', stamp: 'noShowAt' },
  patient_cancelled: { from: ['waiting', 'called'], to: 'cancelled', stamp: 'cancelledAt' },
};

/** Applies one event (already validated by `queueEventSchema`) to a clinic's queue. */
export function applyQueueEvent(state: QueueDay, event: QueueEvent): QueueProjectionResult {
  const at = occurredAtMs(event);
  if (event.type === 'clinic_login') {
    // A login is a timeline fact about the clinic, not about a day's queue: accepted even late.
    return accepted(state, { activity: activityRow(state, 'clinic_login', at, { platform: event.platform }) });
  }
  if (at < state.startsAt) {
    return refused(`${event.type} at ${event.occurredAt} belongs to a clinic day before ${state.day}, which is closed`);
  }
  // The first event of a later day opens it: tickets restart at 1, yesterday's entries drop out.
  const today = at >= state.endsAt ? openQueueDay(state.settings, clinicDayOf(at, state.settings.timezone), state.doctorPresent) : state;

  switch (event.type) {
    case 'patient_added':
      return addPatient(today, event, at);
    case 'patient_called':
    case 'consultation_started':
    case 'patient_completed':
    case 'patient_no_show':
    case 'patient_cancelled':
      return moveEntry(today, event, at);
    case 'doctor_presence_changed':
      today.doctorPresent = event.present;
      return accepted(today, {});
    case 'sms_sent':
      return recordSmsSent(today, event, at);
    case 'sms_status':
      return recordSmsStatus(today, event, at);
  }
}

/** A patient just checked in on `day`: waiting, nothing else happened to them yet. */
export function waitingEntry(
  day: Pick<QueueDay, 'settings' | 'day'>,
  entry: Pick<QueueEntryRow, 'id' | 'ticketNumber' | 'method' | 'appointmentAt' | 'checkedInAt'>,
): QueueEntryRow {
  return {
    clinicId: day.settings.clinicId,
    clinicDay: day.day,
    ...entry,
    state: 'waiting',
    calledAt: null,
    consultationStartedAt: null,
    completedAt: null,
    noShowAt: null,
    cancelledAt: null,
    unfinishedAt: null,
    quoteWaitMinutes: null,
    quoteLowMinutes: null,
    quoteHighMinutes: null,
    quotedAt: null,
    walkOutBrier: null,
    walkOutBaseRateBrier: null,
    updatedAt: entry.checkedInAt,
  };
}

function addPatient(state: QueueDay, event: QueueEventOf<'patient_added'>, at: number): QueueProjectionResult {
  if (state.entries.has(event.entryId)) return refused(`entry ${event.entryId} is already in the queue of ${state.day}`);
  const row = waitingEntry(state, {
    id: event.entryId,
    ticketNumber: state.nextTicketNumber,
    method: event.method,
    appointmentAt: event.appointmentAt === undefined ? null : Date.parse(event.appointmentAt),
    checkedInAt: at,
  });
  state.nextTicketNumber += 1;
  state.entries.set(row.id, row);
  return accepted(state, {
    entry: { row, inserted: true },
    activity: activityRow(state, 'patient_added', at, { entryId: row.id, ticket: row.ticketNumber, method: row.method }),
  });
}

function moveEntry(state: QueueDay, event: EntryTransitionEvent, at: number): QueueProjectionResult {
  const entry = state.entries.get(event.entryId);
  if (entry === undefined) return refused(`${event.type}: entry ${event.entryId} is not in the queue of ${state.day}`);
  const transition = ENTRY_TRANSITIONS[event.type];
  if (!transition.from.includes(entry.state)) {
    return refused(`${event.type}: entry ${event.entryId} is ${entry.state}, expected ${transition.from.join(' or ')}`);
  }
  // A change dated before the previous one would make a negative wait or consultation.
  if (at < entry.updatedAt) return refused(`${event.type}: entry ${event.entryId} changed later than ${event.occurredAt}`);
  const row: QueueEntryRow = { ...entry, state: transition.to, updatedAt: at };
  row[transition.stamp] = at;
  state.entries.set(row.id, row);
  const activity =
    event.type === 'patient_called'
      ? activityRow(state, 'patient_called', at, { entryId: row.id, ticket: row.ticketNumber })
      : null;
  return accepted(state, { entry: { row, inserted: false }, activity });
}

/** States an entry may still be in when its clinic day ends. */
export const OPEN_ENTRY_STATES: readonly EntryState[] = ['waiting', 'called', 'in_consultation'];

/**
 * The day ends (PRODUCT: unfinished): every entry still waiting, called or in consultation is
 * closed as `unfinished` at the clinic's midnight, in place. Answers the closed rows, to be stored.
 */
export function closeUnfinishedEntries(state: QueueDay): QueueEntryRow[] {
  const closed: QueueEntryRow[] = [];
  for (const entry of state.entries.values()) {
    if (!OPEN_ENTRY_STATES.includes(entry.state)) continue;
    const row: QueueEntryRow = { ...entry, state: 'unfinished', unfinishedAt: state.endsAt, updatedAt: Math.max(entry.updatedAt, state.endsAt) };
    state.entries.set(row.id, row);
    closed.push(row);
  }
  return closed;
}

function recordSmsSent(state: QueueDay, event: QueueEventOf<'sms_sent'>, at: number): QueueProjectionResult {
  if (state.sms.has(event.smsId)) return refused(`SMS ${event.smsId} was already sent`);
  if (event.entryId !== undefined && !state.entries.has(event.entryId)) {
    return refused(`SMS ${event.smsId}: entry ${event.entryId} is not in the queue of ${state.day}`);
  }
  const row: SmsRow = {
    clinicId: state.settings.clinicId,
    id: event.smsId,
    entryId: event.entryId ?? null,
    kind: event.kind,
    status: 'sent',
    costMinor: state.settings.smsUnitCostMinor,
    sentAt: at,
    statusAt: null,
  };
  state.sms.set(row.id, row);
  return accepted(state, {
    sms: { row, inserted: true },
    activity: activityRow(state, 'sms_sent', at, { smsId: row.id, kind: row.kind }),
  });
}

function recordSmsStatus(state: QueueDay, event: QueueEventOf<'sms_status'>, at: number): QueueProjectionResult {
  const message = state.sms.get(event.smsId);
  if (message === undefined) return refused(`sms_status: SMS ${event.smsId} was never sent on ${state.day}`);
  if (message.status !== 'sent') return refused(`sms_status: SMS ${event.smsId} is already ${message.status}`);
  if (at < message.sentAt) return refused(`sms_status: SMS ${event.smsId} was sent after ${event.occurredAt}`);
  const row: SmsRow = { ...message, status: event.status, statusAt: at };
  state.sms.set(row.id, row);
  return accepted(state, { sms: { row, inserted: false } });
}

function activityRow(state: QueueDay, kind: ActivityKind, at: number, detail: Record<string, string | number>): ClinicActivityRow {
  return { clinicId: state.settings.clinicId, kind, occurredAt: at, userId: null, detail: JSON.stringify(detail) };
}

function accepted(state: QueueDay, changes: Partial<QueueChanges>): QueueProjectionResult {
  return { ok: true, state, changes: { entry: null, sms: null, activity: null, ...changes } };
}

function refused(message: string): QueueProjectionResult {
  return { ok: false, error: { code: 'INVALID_TRANSITION', message } };
}
