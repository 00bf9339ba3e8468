import { DurableObject } from 'cloudflare:workers';
import { loadClinicQueueState } from '../../db/queries/queue-writes.ts';
import type { ForecastHour } from '../domain/arrival-forecast.ts';
import { projectDayEnd, type DayEndProjection } from '../domain/day-end.ts';
import { compareWithUsual, liveHourFigures, type FigureComparison } from '../domain/hour-baselines.ts';
import { LIVE_CLOSE_CODES, type TodayEntry } from '../domain/live-messages.ts';
import { entryIdOf, occurredAtMs, type QueueEvent } from '../domain/queue-events.ts';
import { eventForAction, type ReceptionAction } from '../domain/reception-actions.ts';
import { countSms } from '../domain/sms-budget.ts';
import { readSmsMonthAround } from '../../db/queries/sms-budget.ts';
import type { LiveTodayWithMonth } from '../use-cases/today-sms.ts';
import { SmsMonthMemo } from './sms-month-memo.ts';
import type { TodayFigures } from '../domain/today-figures.ts';
import type { QueueReport } from '../metrics/batch.ts';
import { IngestTally } from '../metrics/ingest-tally.ts';
import { reportDue } from '../metrics/queue-report.ts';
import { durableObjectRuntime } from '../runtime/durable-object-runtime.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { applyEventBatch, type IngestOutcome } from './ingestion.ts';
import { LiveSockets } from './live-sockets.ts';
import {
  listEntries,
  liveChangesOf,
  liveMessageOf,
  loadStoredQueue,
  readModelHistory,
  readQueueFromLibsql,
  refitModel,
  rollOverIfDue,
  storeQueueFromLibsql,
  todayFiguresOf,
  type LoadedQueue,
} from './loaded-queue.ts';
import { flushOutbox, nextFlushDelayMs } from './outbox.ts';
import { heldSmsMonthStore, migrateQueueStorage, outboxBacklog, readArchived, writeArchived, writeSettings, writeWalkOutPrior } from './storage.ts';
import { readServiceWalkOutModel } from '../../db/queries/service-models.ts';

/**
 * One clinic's live queue: the single writer of its day. It applies events in order, keeps the
 * "Aujourd'hui" figures current in O(1) per event, tells connected phones, and persists every
 * event, entry and SMS to libSQL from a durable outbox (write-behind), so libSQL being down slows
 * nothing and loses nothing. It rolls its day over at the clinic's midnight with an alarm, and
 * rebuilds today from libSQL when its own storage is empty.
 */
export class ClinicQueue extends DurableObject<Env> {
  readonly #runtime: Runtime;
  readonly #sockets: LiveSockets;
  #queue: LoadedQueue | undefined;
  #archived = false;
  #flushFailures = 0;
  /** The alarm as last set by us; undefined until read once from storage. */
  #alarmAt: number | null | undefined;
  #lastReport: QueueReport | undefined;
  /** Once per object's life: a libSQL failure must not slow every request down. */
  #modelBackfillTried = false;
  readonly #smsMonth: SmsMonthMemo;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#runtime = durableObjectRuntime(ctx, env, 'ClinicQueue');
    this.#sockets = new LiveSockets(ctx, this.#runtime);
    this.#smsMonth = new SmsMonthMemo((clinicId, now) => readSmsMonthAround(this.#runtime.db, clinicId, now), heldSmsMonthStore(ctx.storage.sql));
    // A ping is answered by the runtime itself: keeping a phone's connection alive never wakes us.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('ping', 'pong'));
    void ctx.blockConcurrencyWhile(async () => {
      migrateQueueStorage(ctx.storage.sql);
      this.#archived = readArchived(ctx.storage.sql);
      this.#queue = loadStoredQueue(ctx.storage.sql);
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
    // Reordering within a batch must not matter: apply in the order things happened.
    const ordered = [...events].sort((a, b) => occurredAtMs(a) - occurredAtMs(b));
    try {
      applyEventBatch(this.ctx.storage, queue, { clinicId, events: ordered, now }, outcome, tally);
    } catch (error) {
      // The projection changed memory as it went; storage rolled back. Memory follows storage.
      this.#queue = loadStoredQueue(this.ctx.storage.sql);
      this.#sockets.everythingChanged();
      throw error;
    }
    tally.record(this.#runtime.metrics, ordered, outcome.rejected);
    if (outcome.accepted > 0) {
      // Repeats and refusals change no entry: only an accepted batch names entries for the next update.
      this.#sockets.entriesChanged(ordered.map(entryIdOf).filter((entryId) => entryId !== null));
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
    return todayFiguresOf(queue, now);
  }

  /**
   * `GET …/stats/today` for members: the figures, today's SMS so far and the month's earlier days
   * (libSQL's, read at most once a minute), together so all speak of the same day.
   */
  async todayWithSms(clinicId: string, now: number): Promise<LiveTodayWithMonth> {
    const queue = await this.#ensureQueue(clinicId, now);
    this.#rollOverIfDue(queue, now);
    // The SMS month is a help beside the live figures: whatever keeps it from being read, the figures are still answered.
    const month = await this.#smsMonth.around(clinicId, queue.day.day, now).catch((error: unknown) => {
      this.#runtime.logger.warn('SMS month unavailable', { clinicId, error: String(error) });
      return undefined;
    });
    return { figures: todayFiguresOf(queue, now), smsToday: countSms(queue.day.sms.values()), month };
  }

  /** Today's list for reception: tickets in order, no personal data. */
  async entries(clinicId: string, now: number): Promise<TodayEntry[]> {
    const queue = await this.#ensureQueue(clinicId, now);
    this.#rollOverIfDue(queue, now);
    return listEntries(queue, now);
  }

  /** Today's end as a range (`GET …/forecast`): the wait estimator's plan and the arrivals still expected (`hours`). */
  async dayEnd(clinicId: string, hours: ForecastHour[], now: number): Promise<DayEndProjection | null> {
    const queue = await this.#ensureQueue(clinicId, now);
    this.#rollOverIfDue(queue, now);
    return projectDayEnd(queue.day, queue.models.estimator, now, hours);
  }

  /**
   * How the live hour compares with the usual for this weekday and hour (figures above the volume
   * floor), unusual or not: the alert job fires "unusual for this hour" at 2× and resolves it
   * below 1.5×, so it needs the ratio in between too.
   */
  async hourComparisons(clinicId: string, now: number): Promise<FigureComparison[]> {
    const queue = await this.#ensureQueue(clinicId, now);
    this.#rollOverIfDue(queue, now);
    const { day } = queue;
    return compareWithUsual(queue.models.baselines, liveHourFigures(day.entries.values(), now), now, day.settings.timezone);
  }

  /**
   * One entry as its patient's ticket page shows it (no personal data), or null when the entry is
   * not in today's queue (another day, another clinic, never).
   */
  async ticket(clinicId: string, entryId: string, now: number): Promise<TodayEntry | null> {
    const queue = await this.#ensureQueue(clinicId, now);
    this.#rollOverIfDue(queue, now);
    if (!queue.day.entries.has(entryId)) return null;
    return listEntries(queue, now).find((entry) => entry.entryId === entryId) ?? null;
  }

  /**
   * What issuing ticket links needs, in one call: which of `entryIds` are in today's queue, and
   * when today ends (the links' expiry).
   */
  async ticketDay(clinicId: string, entryIds: readonly string[], now: number): Promise<{ archived: boolean; endsAt: number; known: string[] }> {
    const queue = await this.#ensureQueue(clinicId, now);
    if (await this.#stillArchived(clinicId)) return { archived: true, endsAt: queue.day.endsAt, known: [] };
    this.#rollOverIfDue(queue, now);
    return { archived: false, endsAt: queue.day.endsAt, known: entryIds.filter((entryId) => queue.day.entries.has(entryId)) };
  }

  /**
   * The clinic's settings changed in libSQL (SMS cost, zone, SMS budget, currency): the copy this
   * object counts with is replaced, and the SMS month is read afresh next time. An object that has
   * not loaded its day yet will read them fresh anyway.
   */
  async refreshSettings(clinicId: string): Promise<void> {
    this.#smsMonth.forget();
    const state = await loadClinicQueueState(this.#runtime.db, clinicId);
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
    return this.#closeSockets(LIVE_CLOSE_CODES.sessionEnded, reason, this.#sockets.ownedBy(of));
  }

  /**
   * The clinic is being erased (PRODUCT: erasure): every socket is closed, the alarm dropped and
   * the whole storage deleted — today's entries, SMS, seen event ids, the estimator's history and
   * the outbox, whose rows must never reach libSQL after the erasure. The object is left as a
   * clinic never seen: the empty tables of its storage and nothing in memory. Answers how many
   * sockets it closed.
   */
  async erase(): Promise<number> {
    const closed = this.#closeSockets(LIVE_CLOSE_CODES.clinicArchived, 'This clinic was erased');
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    migrateQueueStorage(this.ctx.storage.sql);
    this.#queue = undefined;
    this.#archived = false;
    this.#flushFailures = 0;
    this.#alarmAt = null;
    this.#lastReport = undefined;
    this.#modelBackfillTried = false;
    this.#smsMonth.forget();
    return closed;
  }

  /** Rows waiting for libSQL and the age of the oldest (health, metrics). */
  async backlog(): Promise<{ rows: number; lagMs: number }> {
    return outboxBacklog(this.ctx.storage.sql, this.#runtime.clock.now());
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
    const { clock } = this.#runtime;
    const queue = await this.#ensureQueue(clinicId, clock.now());
    // An archive that landed after the route let this request through.
    if (await this.#stillArchived(clinicId)) return new Response('This clinic is archived', { status: 404 });
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.#sockets.accept(server, { sessionTokenHash, userId });
    this.#reportToMetrics(clock.now());
    server.send(JSON.stringify(liveMessageOf('snapshot', queue, clock.now())));
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(): Promise<void> {
    // Phones only listen; pings are answered by the auto-response without waking us.
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    // Completes the closing handshake. 1005 and 1006 only describe a close, they may not be sent.
    ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    this.#reportToMetrics(this.#runtime.clock.now(), ws);
  }

  /** Flushes the outbox to libSQL and rolls the day over at the clinic's midnight. */
  override async alarm(): Promise<void> {
    this.#alarmAt = null;
    const queue = this.#queue;
    if (queue === undefined) return;
    const { clock, logger, durableObjects } = this.#runtime;
    const now = clock.now();
    if (now >= queue.day.endsAt) await this.#refreshWalkOutPrior(queue.day.settings.clinicId);
    this.#rollOverIfDue(queue, now);
    try {
      const writer = durableObjects.libsqlWriter(queue.day.settings.clinicId);
      await flushOutbox(this.ctx.storage.sql, (write) => writer.save(write), queue.day, now);
      this.#flushFailures = 0;
    } catch (error) {
      this.#flushFailures += 1;
      logger.warn('outbox flush failed', { clinicId: queue.day.settings.clinicId, failures: this.#flushFailures, error: String(error) });
    }
    this.#reportToMetrics(clock.now());
    await this.#scheduleAlarm(clock.now());
  }

  /**
   * Whether the clinic is archived, asking libSQL again when this object believes so: refusing is
   * rare, and a restore whose `refreshSettings` call failed must not leave the queue closed.
   */
  async #stillArchived(clinicId: string): Promise<boolean> {
    if (!this.#archived) return false;
    const state = await loadClinicQueueState(this.#runtime.db, clinicId);
    this.#setArchived(state?.archived ?? true);
    return this.#archived;
  }

  #setArchived(archived: boolean): void {
    if (archived === this.#archived) return;
    this.#archived = archived;
    writeArchived(this.ctx.storage.sql, archived);
    if (archived) this.#closeSockets(LIVE_CLOSE_CODES.clinicArchived, 'This clinic was archived');
  }

  #closeSockets(code: number, reason: string, sockets?: WebSocket[]): number {
    const closed = this.#sockets.close(code, reason, sockets);
    if (closed > 0) this.#reportToMetrics(this.#runtime.clock.now());
    return closed;
  }

  /** Tells the Metrics object how the write-behind and the phones stand, when that changed (reportDue). */
  #reportToMetrics(now: number, closing?: WebSocket): void {
    const queue = this.#queue;
    if (queue === undefined) return;
    const backlog = outboxBacklog(this.ctx.storage.sql, now);
    const report: QueueReport = { outboxRows: backlog.rows, oldestEnqueuedAt: backlog.rows === 0 ? null : now - backlog.lagMs, sockets: this.#sockets.openCount(closing), reportedAt: now };
    if (!reportDue(this.#lastReport, report)) return;
    this.#lastReport = report;
    this.#runtime.metrics.reportQueue(queue.day.settings.clinicId, report);
  }

  /** The loaded queue of `clinicId`, rebuilt from libSQL when this object's storage is empty. */
  async #ensureQueue(clinicId: string, now: number): Promise<LoadedQueue> {
    if (this.#queue !== undefined) {
      if (this.#queue.day.settings.clinicId !== clinicId) throw new Error(`ClinicQueue of ${this.#queue.day.settings.clinicId} asked about ${clinicId}`);
      if (!this.#queue.modelFitted && !this.#modelBackfillTried) await this.#fitModelFromLibsql(this.#queue);
      return this.#queue;
    }
    const read = await readQueueFromLibsql(this.#runtime.db, clinicId, now);
    // Another request may have rebuilt it while we awaited: the first one wins.
    if (this.#queue !== undefined) return this.#queue;
    this.#queue = storeQueueFromLibsql(this.ctx.storage, read);
    this.#setArchived(read.archived);
    await this.#scheduleAlarm(now);
    return this.#queue;
  }

  /**
   * A day stored before this object kept the estimator's history: the weeks before it are read
   * from libSQL once. Until then (or if libSQL fails) the default model quotes.
   */
  async #fitModelFromLibsql(queue: LoadedQueue): Promise<void> {
    this.#modelBackfillTried = true;
    try {
      const past = await readModelHistory(this.#runtime.db, queue.day.settings.clinicId, queue.day.day);
      const walkOutPrior = await readServiceWalkOutModel(this.#runtime.db);
      if (!queue.modelFitted) this.ctx.storage.transactionSync(() => refitModel(this.ctx.storage.sql, queue, past, walkOutPrior));
    } catch (error) {
      this.#runtime.logger.warn('estimator history unavailable', { clinicId: queue.day.settings.clinicId, error: String(error) });
    }
  }

  /**
   * Before the midnight refit: the service's walk-out model as libSQL has it now. A failure keeps
   * the copy last read (the day still opens on time).
   */
  async #refreshWalkOutPrior(clinicId: string): Promise<void> {
    try {
      writeWalkOutPrior(this.ctx.storage.sql, await readServiceWalkOutModel(this.#runtime.db));
    } catch (error) {
      this.#runtime.logger.warn('service walk-out model unavailable', { clinicId, error: String(error) });
    }
  }

  #rollOverIfDue(queue: LoadedQueue, now: number): void {
    const closed = rollOverIfDue(this.ctx.storage, queue, now);
    if (closed === null) return;
    if (closed > 0) this.#runtime.metrics.count('pulse_queue_entries_total', { status: 'unfinished' }, closed);
    this.#sockets.everythingChanged();
    this.#scheduleBroadcast();
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

  #scheduleBroadcast(): void {
    this.#sockets.scheduleBroadcast((changes) => {
      const queue = this.#queue;
      return queue === undefined ? undefined : JSON.stringify(liveChangesOf(changes, queue, this.#runtime.clock.now()));
    });
  }
}
