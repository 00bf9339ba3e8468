import { env, runDurableObjectAlarm } from 'cloudflare:test';
import { clinicQueueOf } from '../../worker/clinic-queue/stub.ts';
import { openQueueDay } from '../../worker/domain/queue-projection.ts';
import { clinicDayOf } from '../../worker/domain/clinic-time.ts';
import type { QueueEvent } from '../../worker/domain/queue-events.ts';
import type { IngestAnswer } from '../../worker/domain/ingest-batch.ts';
import { api, type World } from './world.ts';

/**
 * A stretch of today in a clinic's zone, in `steps` equal steps ending now: events of a story told
 * in steps always fall in today (even just after midnight) and never in the future.
 */
export function todaysTimeline(timezone: string, steps: number, now = Date.now()) {
  const dayStart = openQueueDay({ clinicId: 'x', timezone, smsUnitCostMinor: 0, serviceTargetMinutes: 30 }, clinicDayOf(now, timezone)).startsAt;
  const step = Math.max(1, Math.min(60_000, Math.floor((now - dayStart) / (steps + 1))));
  const base = now - steps * step;
  return { step, at: (n: number) => base + n * step, iso: (n: number) => new Date(base + n * step).toISOString() };
}

let sequence = 0;
/** A fresh event id, unique across test files sharing one database. */
export const eventId = (label: string) => `${label}-${Date.now().toString(36)}-${(sequence += 1)}-${crypto.randomUUID().slice(0, 6)}`;

/** Posts events as the queue app with the given key. */
export async function ingest(world: World, key: string, events: ReadonlyArray<QueueEvent | Record<string, unknown>>): Promise<{ status: number; body: IngestAnswer }> {
  const response = await api(world, '/ingest/events', { method: 'POST', token: key, json: { events } });
  return { status: response.status, body: await response.json<IngestAnswer>() };
}

/**
 * Runs the clinic's outbox flush until libSQL has everything. The object's own alarm may be
 * flushing at the same moment, so "nothing left in the outbox" is the condition, not one run.
 */
export async function drainOutbox(clinicId: string): Promise<void> {
  const stub = clinicQueueOf(env, clinicId);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    await runDurableObjectAlarm(stub);
    if ((await stub.backlog()).rows === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`outbox of ${clinicId} did not drain`);
}
