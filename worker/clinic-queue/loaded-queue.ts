/**
 * The day a ClinicQueue holds in memory, and how it comes back: from the object's own storage when
 * it wakes up, from libSQL when that storage is empty (a new object, or one whose storage was
 * lost), and how it closes at the clinic's midnight.
 */
import type { Database } from '../../db/client.ts';
import { meanConsultationMs, pastEntriesForEstimates, recentEventIds } from '../../db/queries/clinic-queue.ts';
import { loadClinicQueueState, loadQueueDay } from '../../db/queries/queue-writes.ts';
import { addClinicDays, clinicDayOf, formatClinicInstant } from '../domain/clinic-time.ts';
import type { LiveMessage, TodayEntry } from '../domain/live-messages.ts';
import { closeUnfinishedEntries, OPEN_ENTRY_STATES, openQueueDay, restoreQueueDay, type QueueDay, type QueueEntryRow } from '../domain/queue-projection.ts';
import { quoteOf, waitedMinutesOf } from '../domain/quote-accuracy.ts';
import { defaultDayModels, fitDayModels, type DayModels } from '../domain/day-models.ts';
import { liveHourFigures, unusualFigures } from '../domain/hour-baselines.ts';
import { ESTIMATOR_HISTORY_DAYS, estimateWaits } from '../domain/wait-estimate.ts';
import { walkOutRisks, type WalkOutModel } from '../domain/walk-out-risk.ts';
import { readServiceWalkOutModel } from '../../db/queries/service-models.ts';
import { countDay, readTodayFigures, type TodayCounters, type TodayFigures } from '../domain/today-figures.ts';
import { AppError } from '../errors.ts';
import type { LiveChanges } from './live-sockets.ts';
import { addClosedDayRollupsToOutbox } from './rollups.ts';
import {
  addToOutbox,
  clearDayRows,
  forgetEventsBefore,
  forgetPastEntriesBefore,
  markEventSeen,
  putEntry,
  putPastEntries,
  putSms,
  readDayMeta,
  readEntries,
  readPastEntries,
  readSettings,
  readSms,
  readWalkOutPrior,
  writeDayMeta,
  writeWalkOutPrior,
  writeSettings,
} from './storage.ts';

/** PRODUCT: ids stay recognised as resends for this many clinic days; older events are refused. */
export const SEEN_EVENT_DAYS = 7;

export interface LoadedQueue {
  day: QueueDay;
  counters: TodayCounters;
  trailingConsultationMs: number | null;
  /** The day's models (wait estimator, walk-out risk, baselines), fitted from the weeks before it. */
  models: DayModels;
  /** False for a day stored before models existed: its history is still to be read from libSQL. */
  modelFitted: boolean;
}

/** The queue as this object last stored it, or undefined when its storage holds no day yet. */
export function loadStoredQueue(sql: SqlStorage): LoadedQueue | undefined {
  const settings = readSettings(sql);
  const meta = readDayMeta(sql);
  if (settings === undefined || meta === undefined) return undefined;
  const day = restoreQueueDay(settings, meta.day, { entries: readEntries(sql), sms: readSms(sql), doctorPresent: meta.doctorPresent });
  day.nextTicketNumber = Math.max(day.nextTicketNumber, meta.nextTicketNumber);
  return {
    day,
    counters: countDay(day.entries.values()),
    trailingConsultationMs: meta.trailingConsultationMs,
    models: meta.models ?? defaultDayModels(),
    modelFitted: meta.models !== null,
  };
}

/** What libSQL knows of the clinic's day at `now`: enough to rebuild an empty object's storage. */
export async function readQueueFromLibsql(db: Database, clinicId: string, now: number) {
  const state = await loadClinicQueueState(db, clinicId);
  if (state === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
  const { settings } = state;
  const stored = await loadQueueDay(db, settings, now);
  const seen = await recentEventIds(db, clinicId, openQueueDay(settings, addClinicDays(stored.day, -(SEEN_EVENT_DAYS - 1))).startsAt);
  const trailing = await meanConsultationMs(db, clinicId, addClinicDays(stored.day, -30), stored.day);
  const past = await readModelHistory(db, clinicId, stored.day);
  const walkOutPrior = await readServiceWalkOutModel(db);
  return { archived: state.archived, settings, stored, seen, trailing, past, walkOutPrior };
}

/** The entries the estimator of `day` learns from: the `ESTIMATOR_HISTORY_DAYS` clinic days before it. */
export function readModelHistory(db: Database, clinicId: string, day: string) {
  return pastEntriesForEstimates(db, clinicId, addClinicDays(day, -ESTIMATOR_HISTORY_DAYS), day);
}

/** Keeps `past` as the models' history (and `walkOutPrior` as the service's model) and refits the day's models from all of it. */
export function refitModel(sql: SqlStorage, queue: LoadedQueue, past: Awaited<ReturnType<typeof readModelHistory>>, walkOutPrior: WalkOutModel): void {
  putPastEntries(sql, past);
  writeWalkOutPrior(sql, walkOutPrior);
  queue.models = fitDayModels(readPastEntries(sql), queue.day.settings.timezone, walkOutPrior);
  queue.modelFitted = true;
  saveDayMeta(sql, queue);
}

/** Writes what `readQueueFromLibsql` found into the object's storage, in one transaction, and answers it loaded. */
export function storeQueueFromLibsql(storage: DurableObjectStorage, read: Awaited<ReturnType<typeof readQueueFromLibsql>>): LoadedQueue {
  const { settings, stored, seen, trailing, past, walkOutPrior } = read;
  const sql = storage.sql;
  const queue: LoadedQueue = { day: stored, counters: countDay(stored.entries.values()), trailingConsultationMs: trailing, models: defaultDayModels(), modelFitted: false };
  storage.transactionSync(() => {
    writeSettings(sql, settings);
    for (const entry of stored.entries.values()) putEntry(sql, entry);
    for (const message of stored.sms.values()) putSms(sql, message);
    for (const { id, occurredAt } of seen) markEventSeen(sql, id, clinicDayOf(occurredAt, settings.timezone));
    refitModel(sql, queue, past, walkOutPrior);
  });
  return queue;
}

export function saveDayMeta(sql: SqlStorage, queue: LoadedQueue): void {
  writeDayMeta(sql, {
    day: queue.day.day,
    nextTicketNumber: queue.day.nextTicketNumber,
    doctorPresent: queue.day.doctorPresent,
    trailingConsultationMs: queue.trailingConsultationMs,
    models: queue.modelFitted ? queue.models : null,
  });
}

/**
 * At the clinic's midnight (or the first event after it), today becomes a new, empty day.
 * Answers null when it was not due, else how many entries it closed unfinished (the phones are
 * told either way).
 */
export function rollOverIfDue(storage: DurableObjectStorage, queue: LoadedQueue, now: number): number | null {
  if (now < queue.day.endsAt) return null;
  const next = openQueueDay(queue.day.settings, clinicDayOf(now, queue.day.settings.timezone), queue.day.doctorPresent);
  return storage.transactionSync(() => {
    const closed = closeDay(storage.sql, queue, next, now);
    saveDayMeta(storage.sql, queue);
    return closed;
  });
}

/**
 * Closes the day: entries still open become unfinished (PRODUCT), the day's final rollups go to
 * the outbox, its entries join the estimator's history and the model is refitted for `next`.
 * Answers how many entries it closed unfinished.
 */
export function closeDay(sql: SqlStorage, queue: LoadedQueue, next: QueueDay, now: number): number {
  const unfinished = closeUnfinishedEntries(queue.day);
  for (const row of unfinished) addToOutbox(sql, 'entry', row, now);
  addClosedDayRollupsToOutbox(sql, queue.day, now);
  putPastEntries(sql, queue.day.entries.values());
  forgetPastEntriesBefore(sql, addClinicDays(next.day, -ESTIMATOR_HISTORY_DAYS));
  queue.models = fitDayModels(readPastEntries(sql), queue.day.settings.timezone, readWalkOutPrior(sql));
  clearDayRows(sql);
  forgetEventsBefore(sql, addClinicDays(next.day, -(SEEN_EVENT_DAYS - 1)));
  queue.day = next;
  queue.counters = countDay(next.entries.values());
  return unfinished.length;
}

/** What the phones are sent: the figures and the list as they stand at `now`. */
export function liveMessageOf(type: LiveMessage['type'], queue: LoadedQueue, now: number): LiveMessage {
  return { type, figures: todayFiguresOf(queue, now), entries: listEntries(queue, now) };
}

/**
 * What the phones are told after changes: the whole list when anything may have changed (the day
 * rolled over, memory was reloaded), else an update with the entries named in `changed` and every
 * entry still open (its position, estimate and risk move with time). An update never grows with
 * the day's finished entries: a long day costs the phones what a short one does.
 */
export function liveChangesOf(changes: LiveChanges, queue: LoadedQueue, now: number): LiveMessage {
  if (changes.kind === 'snapshot') return liveMessageOf('snapshot', queue, now);
  const wanted = (entry: QueueEntryRow) => changes.entryIds.has(entry.id) || OPEN_ENTRY_STATES.includes(entry.state);
  return { type: 'update', figures: todayFiguresOf(queue, now), entries: listEntries(queue, now, wanted) };
}

/** `stats/today`: the counters read at `now`, with what is unusual for this hour. */
export function todayFiguresOf(queue: LoadedQueue, now: number): TodayFigures {
  const { day } = queue;
  const unusual = unusualFigures(queue.models.baselines, liveHourFigures(day.entries.values(), now), now, day.settings.timezone);
  return readTodayFigures(day, queue.counters, now, queue.trailingConsultationMs, unusual);
}

/**
 * Today's list for reception: tickets in order, no personal data; each waiting entry with its
 * position and live estimate (one pass of the estimator for the whole list), each with its quote.
 */
export function listEntries(queue: LoadedQueue, now: number, wanted: (entry: QueueEntryRow) => boolean = () => true): TodayEntry[] {
  const { day } = queue;
  const zone = day.settings.timezone;
  const estimates = estimateWaits(day, queue.models.estimator, now);
  const risks = walkOutRisks(day.entries.values(), queue.models.walkOut, now, zone);
  const positions = new Map([...estimates.keys()].map((id, index) => [id, index + 1]));
  return [...day.entries.values()]
    .filter(wanted)
    .sort((a, b) => a.ticketNumber - b.ticketNumber)
    .map((entry) => {
      const estimate = estimates.get(entry.id);
      const quote = quoteOf(entry);
      return {
        entryId: entry.id,
        ticketNumber: entry.ticketNumber,
        state: entry.state,
        method: entry.method,
        checkedInAt: new Date(entry.checkedInAt).toISOString(),
        minutesWaited: Math.floor(((entry.calledAt ?? (entry.state === 'waiting' ? now : entry.updatedAt)) - entry.checkedInAt) / 60_000),
        position: positions.get(entry.id) ?? null,
        estimate:
          estimate === undefined
            ? null
            : { waitMinutes: estimate.waitMinutes, lowMinutes: estimate.lowMinutes, highMinutes: estimate.highMinutes, callAt: formatClinicInstant(estimate.callAt, zone) },
        quote: quote === null || entry.quotedAt === null ? null : { ...quote, quotedAt: formatClinicInstant(entry.quotedAt, zone) },
        waitedMinutes: waitedMinutesOf(entry),
        walkOutRisk: risks.get(entry.id) ?? null,
      };
    });
}
