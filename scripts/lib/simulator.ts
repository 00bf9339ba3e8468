/**
 * The demo simulator: while `npm start` runs, a few clinics keep receiving plausible events for
 * today — arrivals, calls, consultations, SMS — on a compressed clock (consultations of a minute
 * or two) so the screens visibly move. Every event is validated by the ingestion schema and goes
 * through the production projection; the resulting rows and today's rollups are then stored.
 * The clinic day is honoured: after the clinic's midnight the projection opens a new day and
 * ticket numbers start again at 1. It runs at any hour: a demo at night should move too.
 */
import { loadClinicQueueSettings, loadQueueDay, saveQueueWrite, type QueueWrite } from '../../db/queries/queue-writes.ts';
import type { Database } from '../../db/client.ts';
import { clinicDayOf, formatClinicInstant } from '../../worker/domain/clinic-time.ts';
import { queueEventSchema, storedEventOf, type QueueEvent, type StoredEventRow } from '../../worker/domain/queue-events.ts';
import {
  applyQueueEvent,
  openQueueDay,
  type ClinicActivityRow,
  type ClinicQueueSettings,
  type QueueDay,
  type QueueEntryRow,
  type SmsRow,
} from '../../worker/domain/queue-projection.ts';
import { rollupClinic } from '../../worker/domain/rollup.ts';
import type { SmsKind } from '../../worker/domain/vocabulary.ts';

/**
 * Where a round's events go. `npm start` posts them to the Worker's ingestion API, exactly as the
 * queue app does; tests on a fake clock store the projected rows straight into libSQL.
 */
export type SimulatorSink = (clinicId: string, events: readonly QueueEvent[], write: QueueWrite) => Promise<void>;

/** The sink that writes the projected rows straight into libSQL (no Worker running). */
export function storeInDatabase(db: Database): SimulatorSink {
  return (_clinicId, _events, write) => saveQueueWrite(db, write);
}

export interface SimulatorOptions {
  clinicIds: readonly string[];
  /** Defaults to `storeInDatabase(db)`. */
  sink?: SimulatorSink;
  now?: () => number;
  /** Time between two rounds of events. */
  intervalMs?: number;
  log?: ((line: string) => void) | undefined;
  /** Randomness; tests pass a seeded one. */
  random?: () => number;
}

export interface Simulator {
  /** Plays one round now (the timer calls it too); resolves once its rows are stored. */
  tick(): Promise<void>;
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

type EventBody = QueueEvent extends infer Event ? (Event extends QueueEvent ? Omit<Event, 'id' | 'occurredAt'> : never) : never;

interface SimulatedClinic {
  settings: ClinicQueueSettings | null;
  /** Null until loaded, and again after a failed write: the next round reloads what was stored. */
  queue: QueueDay | null;
  /** The patient with the doctor, and when their current step (walking in, consultation) ends. */
  current: { entryId: string; dueAt: number } | null;
  loggedIn: boolean;
}

const SECOND = 1_000;
const SMS_FAILURE_RATE = 0.03;

export function startSimulator(db: Database, options: SimulatorOptions): Simulator {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => {});
  const intervalMs = options.intervalMs ?? 3_000;
  const sink = options.sink ?? storeInDatabase(db);
  // Ids unique to this run: a restarted simulator never collides with its earlier events.
  const run = `${now().toString(36)}${Math.floor(random() * 1296).toString(36)}`;
  let serial = 0;
  const nextId = (kind: string) => `sim-${kind}-${run}-${(serial += 1)}`;
  const clinics = new Map<string, SimulatedClinic>(
    options.clinicIds.map((id) => [id, { settings: null, queue: null, current: null, loggedIn: false }]),
  );

  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function tick(): Promise<void> {
    for (const [clinicId, clinic] of clinics) {
      try {
        await playRound(clinicId, clinic);
      } catch (error) {
        clinic.queue = null;
        log(`simulator: ${clinicId}: ${error instanceof Error ? error.message : String(error)} (will reload)`);
      }
    }
  }

  async function playRound(clinicId: string, clinic: SimulatedClinic): Promise<void> {
    clinic.settings ??= (await loadClinicQueueSettings(db, clinicId)) ?? null;
    if (clinic.settings === null) return;
    const settings = clinic.settings;
    const startedAt = now();
    if (clinic.queue === null) clinic.queue = await loadQueueDay(db, settings, startedAt);
    let queue: QueueDay = clinic.queue;
    if (startedAt >= queue.endsAt) {
      // Past the clinic's midnight: what the projection does on the day's first event, done up front
      // so that yesterday's unfinished patients and SMS are simply left behind.
      queue = openQueueDay(settings, clinicDayOf(startedAt, settings.timezone), queue.doctorPresent);
      clinic.current = null;
    }

    const sent: QueueEvent[] = [];
    const stored: StoredEventRow[] = [];
    const entries = new Map<string, QueueEntryRow>();
    const sms = new Map<string, SmsRow>();
    const activity: ClinicActivityRow[] = [];
    let at = startedAt;
    const emit = (body: EventBody): boolean => {
      const event = queueEventSchema.parse({ ...body, id: nextId('ev'), occurredAt: formatClinicInstant(at, settings.timezone) });
      at += 1; // strictly increasing times keep every change after the one before
      const result = applyQueueEvent(queue, event);
      if (!result.ok) {
        log(`simulator: ${clinicId}: ${result.error.message}`);
        return false;
      }
      queue = result.state;
      sent.push(event);
      stored.push(storedEventOf(clinicId, event, at));
      if (result.changes.entry !== null) entries.set(result.changes.entry.row.id, result.changes.entry.row);
      if (result.changes.sms !== null) sms.set(result.changes.sms.row.id, result.changes.sms.row);
      if (result.changes.activity !== null) activity.push(result.changes.activity);
      return true;
    };
    const text = (entryId: string, kind: SmsKind) => emit({ type: 'sms_sent', smsId: nextId('sms'), entryId, kind });

    if (!clinic.loggedIn) clinic.loggedIn = emit({ type: 'clinic_login', platform: 'web' });
    if (!queue.doctorPresent) emit({ type: 'doctor_presence_changed', present: true });

    // Delivery reports come back a few seconds after sending.
    for (const message of [...queue.sms.values()]) {
      if (message.status === 'sent' && message.sentAt <= startedAt - 2 * SECOND) {
        emit({ type: 'sms_status', smsId: message.id, status: random() < SMS_FAILURE_RATE ? 'failed' : 'delivered' });
      }
    }

    // A patient already with the doctor (left so by the seed or an earlier run) is seen first.
    clinic.current ??= withTheDoctor(queue, startedAt);
    const current = clinic.current === null ? undefined : queue.entries.get(clinic.current.entryId);
    if (current === undefined) clinic.current = null; // a new day started, or it was never stored
    else if (clinic.current !== null && clinic.current.dueAt <= startedAt) {
      if (current.state === 'called' && random() < 0.08) {
        emit({ type: 'patient_no_show', entryId: current.id });
        clinic.current = null;
      } else if (current.state === 'called' && random() < 0.85) {
        emit({ type: 'consultation_started', entryId: current.id });
        clinic.current = { entryId: current.id, dueAt: startedAt + (40 + random() * 80) * SECOND };
      } else if (current.state === 'called' || current.state === 'in_consultation') {
        emit({ type: 'patient_completed', entryId: current.id });
        clinic.current = null;
      } else {
        clinic.current = null;
      }
    }

    const waiting = [...queue.entries.values()].filter((entry) => entry.state === 'waiting').sort((a, b) => a.ticketNumber - b.ticketNumber);
    const [next, following] = waiting;
    if (clinic.current === null && next !== undefined && emit({ type: 'patient_called', entryId: next.id })) {
      clinic.current = { entryId: next.id, dueAt: startedAt + (5 + random() * 10) * SECOND };
      if (random() < 0.7) text(next.id, 'your_turn');
      if (following !== undefined && random() < 0.7) text(following.id, 'almost_turn');
    }
    // Arrivals slow down as the queue grows, so it breathes instead of exploding.
    const arrivalChance = waiting.length < 3 ? 0.5 : waiting.length < 8 ? 0.25 : 0.05;
    if (random() < arrivalChance) {
      const entryId = nextId('en');
      if (emit({ type: 'patient_added', entryId, method: random() < 0.55 ? 'qr' : 'manual' }) && random() < 0.7) text(entryId, 'queue_joined');
    }
    const last = waiting.at(-1);
    if (waiting.length >= 4 && last !== undefined && last !== next && random() < 0.03) emit({ type: 'patient_cancelled', entryId: last.id });

    clinic.queue = queue;
    if (stored.length === 0) return;
    const rollups = rollupClinic({
      clinicId,
      timezone: settings.timezone,
      entries: queue.entries.values(),
      sms: queue.sms.values(),
      now: at,
      days: { from: queue.day, to: queue.day },
    });
    await sink(clinicId, sent, { events: stored, entries: [...entries.values()], sms: [...sms.values()], activity, ...rollups });
    log(`simulator: ${clinicId}: ${stored.length} events`);
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = running.then(tick).finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();

  return {
    tick: () => (running = running.then(tick)),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** The called or in-consultation patient with the lowest ticket, due to move on now. */
function withTheDoctor(queue: QueueDay, now: number): SimulatedClinic['current'] {
  let found: QueueEntryRow | undefined;
  for (const entry of queue.entries.values()) {
    if ((entry.state === 'called' || entry.state === 'in_consultation') && (found === undefined || entry.ticketNumber < found.ticketNumber)) {
      found = entry;
    }
  }
  return found === undefined ? null : { entryId: found.id, dueAt: now };
}
