/**
 * The day a ClinicQueue holds in memory, and how it comes back: from the object's own storage when
 * it wakes up, from libSQL when that storage is empty (a new object, or one whose storage was
 * lost), and how it closes at the clinic's midnight.
 */
import type { Database } from '../../db/client.ts';
import { meanConsultationMs, recentEventIds } from '../../db/queries/clinic-queue.ts';
import { loadClinicQueueState, loadQueueDay } from '../../db/queries/queue-writes.ts';
import { addClinicDays, clinicDayOf } from '../domain/clinic-time.ts';
import type { LiveMessage, TodayEntry } from '../domain/live-messages.ts';
import { openQueueDay, restoreQueueDay, type QueueDay } from '../domain/queue-projection.ts';
import { countDay, readTodayFigures, type TodayCounters } from '../domain/today-figures.ts';
import { AppError } from '../errors.ts';
import { addClosedDayRollupsToOutbox } from './rollups.ts';
import { clearDayRows, forgetEventsBefore, markEventSeen, putEntry, putSms, readDayMeta, readEntries, readSettings, readSms, writeDayMeta, writeSettings } from './storage.ts';

/** PRODUCT: ids stay recognised as resends for this many clinic days; older events are refused. */
export const SEEN_EVENT_DAYS = 7;

export interface LoadedQueue {
  day: QueueDay;
  counters: TodayCounters;
  trailingConsultationMs: number | null;
}

/** The queue as this object last stored it, or undefined when its storage holds no day yet. */
export function loadStoredQueue(sql: SqlStorage): LoadedQueue | undefined {
  const settings = readSettings(sql);
  const meta = readDayMeta(sql);
  if (settings === undefined || meta === undefined) return undefined;
  const day = restoreQueueDay(settings, meta.day, { entries: readEntries(sql), sms: readSms(sql), doctorPresent: meta.doctorPresent });
  day.nextTicketNumber = Math.max(day.nextTicketNumber, meta.nextTicketNumber);
  return { day, counters: countDay(day.entries.values()), trailingConsultationMs: meta.trailingConsultationMs };
}

/** What libSQL knows of the clinic's day at `now`: enough to rebuild an empty object's storage. */
export async function readQueueFromLibsql(db: Database, clinicId: string, now: number) {
  const state = await loadClinicQueueState(db, clinicId);
  if (state === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
  const { settings } = state;
  const stored = await loadQueueDay(db, settings, now);
  const seen = await recentEventIds(db, clinicId, openQueueDay(settings, addClinicDays(stored.day, -(SEEN_EVENT_DAYS - 1))).startsAt);
  const trailing = await meanConsultationMs(db, clinicId, addClinicDays(stored.day, -30), stored.day);
  return { archived: state.archived, settings, stored, seen, trailing };
}

/** Writes what `readQueueFromLibsql` found into the object's storage, in one transaction, and answers it loaded. */
export function storeQueueFromLibsql(storage: DurableObjectStorage, read: Awaited<ReturnType<typeof readQueueFromLibsql>>): LoadedQueue {
  const { settings, stored, seen, trailing } = read;
  const sql = storage.sql;
  storage.transactionSync(() => {
    writeSettings(sql, settings);
    for (const entry of stored.entries.values()) putEntry(sql, entry);
    for (const message of stored.sms.values()) putSms(sql, message);
    for (const { id, occurredAt } of seen) markEventSeen(sql, id, clinicDayOf(occurredAt, settings.timezone));
    writeDayMeta(sql, { day: stored.day, nextTicketNumber: stored.nextTicketNumber, doctorPresent: stored.doctorPresent, trailingConsultationMs: trailing });
  });
  return { day: stored, counters: countDay(stored.entries.values()), trailingConsultationMs: trailing };
}

export function saveDayMeta(sql: SqlStorage, queue: LoadedQueue): void {
  writeDayMeta(sql, {
    day: queue.day.day,
    nextTicketNumber: queue.day.nextTicketNumber,
    doctorPresent: queue.day.doctorPresent,
    trailingConsultationMs: queue.trailingConsultationMs,
  });
}

/**
 * At the clinic's midnight (or the first event after it), today becomes a new, empty day.
 * Answers whether it did, so the phones can be told.
 */
export function rollOverIfDue(storage: DurableObjectStorage, queue: LoadedQueue, now: number): boolean {
  if (now < queue.day.endsAt) return false;
  const next = openQueueDay(queue.day.settings, clinicDayOf(now, queue.day.settings.timezone), queue.day.doctorPresent);
  storage.transactionSync(() => {
    closeDay(storage.sql, queue, next, now);
    saveDayMeta(storage.sql, queue);
  });
  return true;
}

/** Hands the closing day's final rollups to the outbox and switches to `next`. */
export function closeDay(sql: SqlStorage, queue: LoadedQueue, next: QueueDay, now: number): void {
  addClosedDayRollupsToOutbox(sql, queue.day, now);
  clearDayRows(sql);
  forgetEventsBefore(sql, addClinicDays(next.day, -(SEEN_EVENT_DAYS - 1)));
  queue.day = next;
  queue.counters = countDay(next.entries.values());
}

/** What the phones are sent: the figures and the list as they stand at `now`. */
export function liveMessageOf(type: LiveMessage['type'], queue: LoadedQueue, now: number): LiveMessage {
  return { type, figures: readTodayFigures(queue.day, queue.counters, now, queue.trailingConsultationMs), entries: listEntries(queue.day, now) };
}

/** Today's list for reception: tickets in order, no personal data. */
export function listEntries(day: QueueDay, now: number): TodayEntry[] {
  return [...day.entries.values()]
    .sort((a, b) => a.ticketNumber - b.ticketNumber)
    .map((entry) => ({
      entryId: entry.id,
      ticketNumber: entry.ticketNumber,
      state: entry.state,
      method: entry.method,
      checkedInAt: new Date(entry.checkedInAt).toISOString(),
      minutesWaited: Math.floor(((entry.calledAt ?? (entry.state === 'waiting' ? now : entry.updatedAt)) - entry.checkedInAt) / 60_000),
    }));
}
