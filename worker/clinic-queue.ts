import { DurableObject } from 'cloudflare:workers';
import { createDatabase, type Database } from '../db/client.ts';
import { meanConsultationMs, recentEventIds } from '../db/queries/clinic-queue.ts';
import { loadClinicQueueState, loadQueueDay } from '../db/queries/queue-writes.ts';
import { addClinicDays, clinicDayOf } from './domain/clinic-time.ts';
import { LIVE_CLOSE_CODES, type TodayEntry, type LiveMessage } from './domain/live-messages.ts';
import { applyQueueEvent, openQueueDay, restoreQueueDay, type QueueDay } from './domain/queue-projection.ts';
import { entryIdOf, occurredAtMs, storedEventOf, type QueueEvent } from './domain/queue-events.ts';
import { eventForAction, type ReceptionAction } from './domain/reception-actions.ts';
import { countDay, countEntryChange, readTodayFigures, type TodayCounters, type TodayFigures } from './domain/today-figures.ts';
import { readConfig } from './env.ts';
import { libsqlWriterOf } from './libsql-writer.ts';
import { AppError } from './errors.ts';
import { flushOutbox, nextFlushDelayMs } from './clinic-queue/outbox.ts';
import {
  clearDayRows,
  enqueue,
  forgetEventsBefore,
  hasSeenEvent,
  markEventSeen,
  migrateQueueStorage,
  outboxBacklog,
  putEntry,
  putSms,
  readArchived,
  readDayMeta,
  readEntries,
  readSettings,
  readSms,
  writeArchived,
  writeDayMeta,
  writeSettings,
} from './clinic-queue/storage.ts';
import { enqueueClosedDayRollups } from './clinic-queue/rollups.ts';
import type { QueueReport } from './metrics/batch.ts';
import { IngestTally } from './metrics/ingest-tally.ts';
import { reportDue } from './metrics/queue-report.ts';
import { recordMetrics, type MetricsContext } from './metrics/recorder.ts';

/** PRODUCT: ids stay recognised as resends for this many clinic days; older events are refused. */
export const SEEN_EVENT_DAYS = 7;
/** An event dated further ahead than this is refused: clocks drift, but not by hours. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;
/** PRODUCT: at most 4 updates a second per connection. */
const BROADCAST_INTERVAL_MS = 250;

export interface IngestOutcome {
  /** The clinic is archived: nothing was applied, and its keys must no longer be honoured. */
  archived: boolean;
  accepted: number;
  duplicates: number;
  rejected: Array<{ id: string; error: { code: 'INVALID_TRANSITION' | 'VALIDATION_FAILED'; message: string } }>;
}

/** Who opened a live socket, kept as the socket's tags so their sockets can be found and closed. */
export interface SocketOwner {
  sessionTokenHash: string;
  userId: string;
}

const sessionTag = (sessionTokenHash: string) => `session:${sessionTokenHash}`;
const userTag = (userId: string) => `user:${userId}`;

interface LoadedQueue {
  day: QueueDay;
  counters: TodayCounters;
  trailingConsultationMs: number | null;
}

/**
 * One clinic's live queue: the single writer of its day. It applies events in order, keeps the
 * "Aujourd'hui" figures current in O(1) per event, tells connected phones, and persists every
 * event, entry and SMS to libSQL from a durable outbox (write-behind), so libSQL being down slows
 * nothing and loses nothing. It rolls its day over at the clinic's midnight with an alarm, and
 * rebuilds today from libSQL when its own storage is empty.
 */
export class ClinicQueue extends DurableObject<Env> {
  #queue: LoadedQueue | undefined;
  #archived = false;
  #flushFailures = 0;
  /** The alarm as last set by us; undefined until read once from storage. */
  #alarmAt: number | null | undefined;
  #lastBroadcastAt = 0;
  #lastReport: QueueReport | undefined;
  #broadcastTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // A ping is answered by the runtime itself: keeping a phone's connection alive never wakes us.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('ping', 'pong'));
    void ctx.blockConcurrencyWhile(async () => {
      migrateQueueStorage(ctx.storage.sql);
      this.#archived = readArchived(ctx.storage.sql);
      this.#queue = this.#loadFromStorage();
    });
  }

  /**
   * Applies a batch of validated events, each id once; answers what was accepted, repeated or
   * refused. `now` is the caller's clock (injected, so tests can live any day of the year).
   */
  async ingest(clinicId: string, events: QueueEvent[], now: number): Promise<IngestOutcome> {
    const queue = await this.#ensureQueue(clinicId, now);
    const outcome: IngestOutcome = { archived: await this.#stillArchived(clinicId), accepted: 0, duplicates: 0, rejected: [] };
    if (outcome.archived) return outcome;
    this.#rollOverIfDue(queue, now);
    const tally = new IngestTally();
    const oldestAccepted = addClinicDays(queue.day.day, -(SEEN_EVENT_DAYS - 1));
    // Reordering within a batch must not matter: apply in the order things happened.
    const ordered = [...events].sort((a, b) => occurredAtMs(a) - occurredAtMs(b));
    const sql = this.ctx.storage.sql;
    try {
      this.ctx.storage.transactionSync(() => {
        for (const event of ordered) {
          if (hasSeenEvent(sql, event.id)) {
            outcome.duplicates += 1;
            continue;
          }
          const at = occurredAtMs(event);
          if (at > now + MAX_FUTURE_SKEW_MS) {
            outcome.rejected.push({ id: event.id, error: { code: 'VALIDATION_FAILED', message: `occurredAt ${event.occurredAt} is in the future` } });
            continue;
          }
          if (clinicDayOf(at, queue.day.settings.timezone) < oldestAccepted) {
            outcome.rejected.push({ id: event.id, error: { code: 'VALIDATION_FAILED', message: `occurredAt ${event.occurredAt} is older than ${SEEN_EVENT_DAYS} clinic days` } });
            continue;
          }
          const entryId = entryIdOf(event);
          const before = entryId === null ? undefined : queue.day.entries.get(entryId);
          const result = applyQueueEvent(queue.day, event);
          if (!result.ok) {
            outcome.rejected.push({ id: event.id, error: result.error });
            continue;
          }
          // The first event after midnight opened a new day; its counters already include it.
          const dayChanged = result.state !== queue.day;
          if (dayChanged) this.#closeDay(queue, result.state, now);
          const { entry, sms, activity } = result.changes;
          tally.accepted(event, before?.state, result.changes);
          if (entry) {
            if (!dayChanged) countEntryChange(queue.counters, entry.inserted ? undefined : before, entry.row);
            putEntry(sql, entry.row);
            enqueue(sql, 'entry', entry.row, now);
          }
          if (sms) {
            putSms(sql, sms.row);
            enqueue(sql, 'sms', sms.row, now);
          }
          if (activity) enqueue(sql, 'activity', activity, now);
          enqueue(sql, 'event', storedEventOf(clinicId, event, now), now);
          markEventSeen(sql, event.id, clinicDayOf(at, queue.day.settings.timezone));
          outcome.accepted += 1;
        }
        this.#saveDayMeta(queue);
      });
    } catch (error) {
      // The projection changed memory as it went; storage rolled back. Memory follows storage.
      this.#queue = this.#loadFromStorage();
      throw error;
    }
    recordMetrics(this.#metricsContext(), (metrics) => tally.record(metrics, ordered, outcome.rejected));
    if (outcome.accepted > 0) {
      this.#scheduleBroadcast();
      await this.#scheduleAlarm(now);
    }
    return outcome;
  }

  /**
   * A reception action from the PWA, applied through `ingest` like any event. Choosing the next
   * patient happens here, in the single writer, so two desks calling at once call two patients.
   */
  async act(clinicId: string, action: ReceptionAction, now: number): Promise<{ entryId: string | null; refused: string | null }> {
    const queue = await this.#ensureQueue(clinicId, now);
    if (await this.#stillArchived(clinicId)) return { entryId: null, refused: 'This clinic is archived: restore it to take patients again' };
    this.#rollOverIfDue(queue, now);
    const event = eventForAction(queue.day, action, now, () => crypto.randomUUID());
    if ('refused' in event) return { entryId: null, refused: event.refused };
    const outcome = await this.ingest(clinicId, [event], now);
    return { entryId: entryIdOf(event), refused: outcome.rejected[0]?.error.message ?? null };
  }

  /** `GET …/stats/today`. */
  async today(clinicId: string, now: number): Promise<TodayFigures> {
    const queue = await this.#ensureQueue(clinicId, now);
    this.#rollOverIfDue(queue, now);
    return readTodayFigures(queue.day, queue.counters, now, queue.trailingConsultationMs);
  }

  /** Today's list for reception: tickets in order, no personal data. */
  async entries(clinicId: string, now: number): Promise<TodayEntry[]> {
    const queue = await this.#ensureQueue(clinicId, now);
    this.#rollOverIfDue(queue, now);
    return listEntries(queue.day, now);
  }

  /**
   * The clinic's settings changed in libSQL (SMS cost, zone): the copy this object counts with is
   * replaced. An object that has not loaded its day yet will read them fresh anyway.
   */
  async refreshSettings(clinicId: string): Promise<void> {
    const state = await loadClinicQueueState(this.#db(), clinicId);
    const queue = this.#queue;
    if (state === undefined || queue === undefined || queue.day.settings.clinicId !== clinicId) return;
    writeSettings(this.ctx.storage.sql, state.settings);
    queue.day = { ...queue.day, settings: state.settings };
    this.#setArchived(state.archived);
  }

  /**
   * Closes the live sockets a session opened (or every socket of a user) with 4401 and `reason`,
   * in words for the phone. Answers how many were closed.
   */
  async closeSockets(of: { sessionTokenHash: string } | { userId: string }, reason: string): Promise<number> {
    const tag = 'sessionTokenHash' in of ? sessionTag(of.sessionTokenHash) : userTag(of.userId);
    return this.#closeAll(this.ctx.getWebSockets(tag), LIVE_CLOSE_CODES.sessionEnded, reason);
  }

  /** Rows waiting for libSQL and the age of the oldest (health, metrics). */
  async backlog(): Promise<{ rows: number; lagMs: number }> {
    return outboxBacklog(this.ctx.storage.sql, Date.now());
  }

  /**
   * The WebSocket upgrade of `GET …/live`, authorised by the route before it gets here, which
   * names the session and user (see `liveSocketRequest`): the socket is tagged with them.
   */
  override async fetch(request: Request): Promise<Response> {
    const params = new URL(request.url).searchParams;
    const [clinicId, sessionTokenHash, userId] = [params.get('clinicId'), params.get('session'), params.get('user')];
    if (request.headers.get('Upgrade') !== 'websocket' || clinicId === null || sessionTokenHash === null || userId === null) {
      return new Response('Expected a WebSocket upgrade', { status: 426 });
    }
    const queue = await this.#ensureQueue(clinicId, Date.now());
    // An archive that landed after the route let this request through.
    if (await this.#stillArchived(clinicId)) return new Response('This clinic is archived', { status: 404 });
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server, [sessionTag(sessionTokenHash), userTag(userId)]);
    this.#reportToMetrics(Date.now());
    server.send(JSON.stringify(this.#message('snapshot', queue)));
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(): Promise<void> {
    // Phones only listen; pings are answered by the auto-response without waking us.
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    // Completes the closing handshake. 1005 and 1006 only describe a close, they may not be sent.
    ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    this.#reportToMetrics(Date.now(), ws);
  }

  /** Flushes the outbox to libSQL and rolls the day over at the clinic's midnight. */
  override async alarm(): Promise<void> {
    this.#alarmAt = null;
    const queue = this.#queue;
    if (queue === undefined) return;
    const now = Date.now();
    this.#rollOverIfDue(queue, now);
    try {
      const writer = libsqlWriterOf(this.env, queue.day.settings.clinicId);
      await flushOutbox(this.ctx.storage.sql, (write) => writer.save(write), queue.day, now);
      this.#flushFailures = 0;
    } catch (error) {
      this.#flushFailures += 1;
      console.log(JSON.stringify({ level: 'warn', message: 'outbox flush failed', clinicId: queue.day.settings.clinicId, failures: this.#flushFailures, error: String(error) }));
    }
    this.#reportToMetrics(Date.now());
    await this.#scheduleAlarm(Date.now());
  }

  /**
   * Whether the clinic is archived, asking libSQL again when this object believes so: refusing is
   * rare, and a restore whose `refreshSettings` call failed must not leave the queue closed.
   */
  async #stillArchived(clinicId: string): Promise<boolean> {
    if (!this.#archived) return false;
    const state = await loadClinicQueueState(this.#db(), clinicId);
    this.#setArchived(state?.archived ?? true);
    return this.#archived;
  }

  #setArchived(archived: boolean): void {
    if (archived === this.#archived) return;
    this.#archived = archived;
    writeArchived(this.ctx.storage.sql, archived);
    if (archived) this.#closeAll(this.ctx.getWebSockets(), LIVE_CLOSE_CODES.clinicArchived, 'This clinic was archived');
  }

  #closeAll(sockets: WebSocket[], code: number, reason: string): number {
    let closed = 0;
    for (const socket of sockets) {
      try {
        socket.close(code, reason);
        closed += 1;
      } catch {
        // Already closing: nothing more to do for this one.
      }
    }
    if (closed > 0) this.#reportToMetrics(Date.now());
    return closed;
  }

  #metricsContext(): MetricsContext {
    return { env: this.env, waitUntil: (promise) => this.ctx.waitUntil(promise) };
  }

  /** Tells the Metrics object how the write-behind and the phones stand, when that changed (reportDue). */
  #reportToMetrics(now: number, closing?: WebSocket): void {
    const queue = this.#queue;
    if (queue === undefined) return;
    const backlog = outboxBacklog(this.ctx.storage.sql, now);
    const sockets = this.ctx.getWebSockets().filter((socket) => socket !== closing && socket.readyState === WebSocket.OPEN).length;
    const report: QueueReport = { outboxRows: backlog.rows, oldestEnqueuedAt: backlog.rows === 0 ? null : now - backlog.lagMs, sockets, reportedAt: now };
    if (!reportDue(this.#lastReport, report)) return;
    this.#lastReport = report;
    recordMetrics(this.#metricsContext(), (metrics) => metrics.reportQueue(queue.day.settings.clinicId, report));
  }

  #db(): Database {
    const config = readConfig(this.env);
    return createDatabase({ url: config.libsqlUrl, authToken: config.libsqlAuthToken });
  }

  #loadFromStorage(): LoadedQueue | undefined {
    const sql = this.ctx.storage.sql;
    const settings = readSettings(sql);
    const meta = readDayMeta(sql);
    if (settings === undefined || meta === undefined) return undefined;
    const day = restoreQueueDay(settings, meta.day, { entries: readEntries(sql), sms: readSms(sql), doctorPresent: meta.doctorPresent });
    day.nextTicketNumber = Math.max(day.nextTicketNumber, meta.nextTicketNumber);
    return { day, counters: countDay(day.entries.values()), trailingConsultationMs: meta.trailingConsultationMs };
  }

  /** The loaded queue of `clinicId`, rebuilt from libSQL when this object's storage is empty. */
  async #ensureQueue(clinicId: string, now: number): Promise<LoadedQueue> {
    if (this.#queue !== undefined) {
      if (this.#queue.day.settings.clinicId !== clinicId) throw new Error(`ClinicQueue of ${this.#queue.day.settings.clinicId} asked about ${clinicId}`);
      return this.#queue;
    }
    const db = this.#db();
    const state = await loadClinicQueueState(db, clinicId);
    if (state === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
    const { settings } = state;
    const stored = await loadQueueDay(db, settings, now);
    const seen = await recentEventIds(db, clinicId, openQueueDay(settings, addClinicDays(stored.day, -(SEEN_EVENT_DAYS - 1))).startsAt);
    const trailing = await meanConsultationMs(db, clinicId, addClinicDays(stored.day, -30), stored.day);
    // Another request may have rebuilt it while we awaited: the first one wins.
    if (this.#queue !== undefined) return this.#queue;
    const sql = this.ctx.storage.sql;
    this.ctx.storage.transactionSync(() => {
      writeSettings(sql, settings);
      for (const entry of stored.entries.values()) putEntry(sql, entry);
      for (const message of stored.sms.values()) putSms(sql, message);
      for (const { id, occurredAt } of seen) markEventSeen(sql, id, clinicDayOf(occurredAt, settings.timezone));
      writeDayMeta(sql, { day: stored.day, nextTicketNumber: stored.nextTicketNumber, doctorPresent: stored.doctorPresent, trailingConsultationMs: trailing });
    });
    this.#queue = { day: stored, counters: countDay(stored.entries.values()), trailingConsultationMs: trailing };
    this.#setArchived(state.archived);
    await this.#scheduleAlarm(now);
    return this.#queue;
  }

  #saveDayMeta(queue: LoadedQueue): void {
    writeDayMeta(this.ctx.storage.sql, {
      day: queue.day.day,
      nextTicketNumber: queue.day.nextTicketNumber,
      doctorPresent: queue.day.doctorPresent,
      trailingConsultationMs: queue.trailingConsultationMs,
    });
  }

  /** At the clinic's midnight (or the first event after it), today becomes a new, empty day. */
  #rollOverIfDue(queue: LoadedQueue, now: number): void {
    if (now < queue.day.endsAt) return;
    const next = openQueueDay(queue.day.settings, clinicDayOf(now, queue.day.settings.timezone), queue.day.doctorPresent);
    this.ctx.storage.transactionSync(() => {
      this.#closeDay(queue, next, now);
      this.#saveDayMeta(queue);
    });
    this.#scheduleBroadcast();
  }

  /** Hands the closing day's final rollups to the outbox and switches to `next`. */
  #closeDay(queue: LoadedQueue, next: QueueDay, now: number): void {
    const sql = this.ctx.storage.sql;
    enqueueClosedDayRollups(sql, queue.day, now);
    clearDayRows(sql);
    forgetEventsBefore(sql, addClinicDays(next.day, -(SEEN_EVENT_DAYS - 1)));
    queue.day = next;
    queue.counters = countDay(next.entries.values());
  }

  /**
   * Next wake-up: soon while the outbox holds rows (backing off while libSQL fails), else the
   * clinic's midnight. The alarm time is kept in memory too, so an ingestion costs no storage read.
   */
  async #scheduleAlarm(now: number): Promise<void> {
    const queue = this.#queue;
    if (queue === undefined) return;
    const pending = outboxBacklog(this.ctx.storage.sql, now).rows > 0;
    const at = pending ? now + nextFlushDelayMs(this.#flushFailures) : queue.day.endsAt;
    this.#alarmAt ??= await this.ctx.storage.getAlarm();
    if (this.#alarmAt === null || this.#alarmAt > at || !pending) {
      this.#alarmAt = at;
      await this.ctx.storage.setAlarm(at);
    }
  }

  #message(type: LiveMessage['type'], queue: LoadedQueue): LiveMessage {
    const now = Date.now();
    return { type, figures: readTodayFigures(queue.day, queue.counters, now, queue.trailingConsultationMs), entries: listEntries(queue.day, now) };
  }

  /**
   * Tells the phones: at once when the last update is 250 ms old or more, else once that time has
   * passed, with the state as it is then (updates coalesce; none is lost, none is stale).
   */
  #scheduleBroadcast(): void {
    if (this.#broadcastTimer !== undefined || this.ctx.getWebSockets().length === 0) return;
    const wait = this.#lastBroadcastAt + BROADCAST_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      this.#broadcast();
      return;
    }
    this.#broadcastTimer = setTimeout(() => {
      this.#broadcastTimer = undefined;
      this.#broadcast();
    }, wait);
  }

  #broadcast(): void {
    const queue = this.#queue;
    if (queue === undefined) return;
    this.#lastBroadcastAt = Date.now();
    const text = JSON.stringify(this.#message('update', queue));
    let sent = 0;
    for (const socket of this.ctx.getWebSockets()) {
      try {
        socket.send(text);
        sent += 1;
      } catch {
        // A socket closing under us is not an error of ours: it will be gone next time.
      }
    }
    recordMetrics(this.#metricsContext(), (metrics) => metrics.count('pulse_websocket_messages_total', {}, sent));
  }
}

function listEntries(day: QueueDay, now: number): TodayEntry[] {
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
