/**
 * The live queue under load, on the local stack (wrangler dev, or workerd alone, + sqld): sustained ingestion from
 * many clinics (batched and one event per request) with an exact reconciliation against libSQL,
 * the delay from an accepted event to the WebSocket update on every subscribed phone, and the
 * latency of `stats/today`.
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createDatabase, type Database } from '../db/client.ts';
import { applyMigrations } from '../db/migrate.ts';
import { apiKeys, clinics, users } from '../db/schema/index.ts';
import { newApiKey } from '../worker/auth/api-key-format.ts';
import { hashPassword } from '../worker/auth/password.ts';
import { sha256Hex } from '../worker/auth/secrets.ts';
import { startSqld, type RunningSqld } from '../scripts/lib/sqld.ts';
import { startStack, type Stack } from '../scripts/lib/stack.ts';
import { startDirectWorker } from './direct-worker.ts';
import { measureLatency, percentiles } from './latency.ts';
import { sessionCookie } from './sign-in.ts';
import { insertClinics } from '../db/queries/clinic-prices.ts';

/**
 * How the Worker is run: under `wrangler dev` (its Node proxy in front of workerd, as `npm start`
 * does) or straight in workerd (Miniflare's own socket), nearer to how Cloudflare runs it.
 */
export const RUNNERS = ['wrangler-dev', 'workerd'] as const;
export type Runner = (typeof RUNNERS)[number];

export interface LoadStack {
  stack: Stack;
  sqld: RunningSqld;
  db: Database;
  clinics: Array<{ id: string; key: string }>;
  cookie: string;
  stop(): Promise<void>;
}

const ADMIN = { email: 'bench-admin@pulse.local', password: 'bench admin password' };

/** A stack with `count` clinics, each with its queue-app key, and a signed-in super admin. */
export async function startLoadStack(dir: string, count: number, runner: Runner = 'wrangler-dev'): Promise<LoadStack> {
  const sqld = await startSqld(join(dir, 'sqld'));
  const db = createDatabase(sqld);
  await applyMigrations(db);
  const stored = await hashPassword(ADMIN.password);
  await db.insert(users).values({ id: 'bench-admin', email: ADMIN.email, role: 'super_admin', createdAt: 0, passwordAlgorithm: stored.algorithm, passwordIterations: stored.iterations, passwordSalt: stored.salt, passwordHash: stored.hash });
  const list: Array<{ id: string; key: string }> = [];
  for (let index = 0; index < count; index += 1) {
    const id = `bench-clinic-${index}`;
    const key = newApiKey();
    await insertClinics(db, [{ id, name: id, timezone: 'Africa/Tunis', planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: 0 }]);
    await db.insert(apiKeys).values({ id: `bench-key-${index}`, clinicId: id, name: 'bench', prefix: key.prefix, secretHash: await sha256Hex(key.secret), createdAt: 0 });
    list.push({ id, key: key.key });
  }
  const stack = await startWorkerOver(sqld, join(dir, 'worker'), runner);
  const cookie = await sessionCookie(stack.url, ADMIN);
  return {
    stack, sqld, db, clinics: list, cookie,
    async stop() {
      await stack.stop();
      await sqld.process.stop();
    },
  };
}

/** The Worker over an already migrated database, run the way `runner` says. */
export function startWorkerOver(database: RunningSqld, dataDir: string, runner: Runner): Promise<Stack> {
  if (runner === 'workerd') return startDirectWorker({ dataDir, database });
  return startStack({ dataDir, seed: false, database, log: process.env.BENCH_VERBOSE === '1' ? (line) => process.stderr.write(`${line}\n`) : undefined });
}

/** Each clinic's patients arrive, are called and are seen: three events each, in order. */
function clinicStory(clinicId: string, run: string) {
  let index = 0;
  const startedAt = Date.now();
  return (count: number) =>
    Array.from({ length: count }, () => {
      const patient = Math.floor(index / 3);
      const entryId = `${run}-${clinicId}-p${patient}`;
      const envelope = { id: `${run}-${clinicId}-e${index}`, occurredAt: new Date(startedAt + index).toISOString() };
      const step = index % 3;
      index += 1;
      if (step === 0) return { ...envelope, type: 'patient_added', entryId, method: patient % 2 === 0 ? 'qr' : 'manual' };
      if (step === 1) return { ...envelope, type: 'patient_called', entryId };
      return { ...envelope, type: 'patient_completed', entryId };
    });
}

export interface IngestFigures {
  eventsPerRequest: number;
  seconds: number;
  requests: number;
  accepted: number;
  eventsPerSecond: number;
  requestP50Ms: number;
  requestP99Ms: number;
  reconciled: boolean;
  drainSeconds: number;
}

/**
 * Sends for `seconds` from every clinic in parallel (one request in flight per clinic, as one
 * queue app per clinic would), then waits until libSQL holds exactly what was accepted.
 */
export async function benchIngest(load: LoadStack, eventsPerRequest: number, seconds: number): Promise<IngestFigures> {
  const run = `r${Date.now().toString(36)}b${eventsPerRequest}`;
  const durations: number[] = [];
  let accepted = 0;
  let rejected = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    load.clinics.map(async (clinic) => {
      const next = clinicStory(clinic.id, run);
      while (performance.now() < deadline) {
        const body = JSON.stringify({ events: next(eventsPerRequest) });
        const t0 = performance.now();
        const response = await fetch(`${load.stack.url}/api/v1/ingest/events`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${clinic.key}`, 'Content-Type': 'application/json' },
          body,
        });
        const answer = (await response.json()) as { accepted: number; rejected: unknown[] };
        durations.push(performance.now() - t0);
        accepted += answer.accepted;
        rejected += answer.rejected.length;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  if (rejected > 0) throw new Error(`${rejected} events were rejected during the benchmark`);
  const drainStarted = performance.now();
  // A range on the (clinic_id, id) primary key: counting must not itself load the database.
  const clinicIds = load.clinics.map((clinic) => clinic.id);
  const stored = async () => {
    const [row] = await load.db.all<{ count: number }>(
      sql`select count(*) as count from events where clinic_id in (${sql.join(clinicIds.map((id) => sql`${id}`), sql`, `)}) and id >= ${`${run}-`} and id < ${`${run}.`}`,
    );
    return row?.count ?? 0;
  };
  let count = await stored();
  while (count < accepted && performance.now() - drainStarted < 300_000) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    count = await stored();
  }
  const sorted = durations.sort((a, b) => a - b);
  const p = percentiles(sorted);
  return {
    eventsPerRequest,
    seconds: Math.round(elapsed * 10) / 10,
    requests: durations.length,
    accepted,
    eventsPerSecond: Math.round(accepted / elapsed),
    requestP50Ms: p.p50Ms,
    requestP99Ms: p.p99Ms,
    reconciled: count === accepted,
    drainSeconds: Math.round((performance.now() - drainStarted) / 100) / 10,
  };
}

/**
 * `subscribers` phones per clinic on the live WebSocket; one event per clinic every 600 ms (slower
 * than the 4-per-second coalescing, so each event gets its own update); the time from sending the
 * event to each phone receiving the update.
 */
export async function benchLive(load: LoadStack, clinicsUsed: number, subscribers: number, rounds: number) {
  const origin = load.stack.url;
  const chosen = load.clinics.slice(0, clinicsUsed);
  const delays: number[] = [];
  let updateBytes = 0;
  const sockets: WebSocket[] = [];
  const waiting = new Map<string, { sentAt: number; remaining: number; done: () => void }>();
  for (const clinic of chosen) {
    for (let index = 0; index < subscribers; index += 1) {
      const socket = new WebSocket(`${origin.replace('http', 'ws')}/api/v1/clinics/${clinic.id}/live`, {
        // undici's WebSocket takes headers: the session cookie and our own origin, as a browser sends.
        headers: { Cookie: load.cookie, Origin: origin },
      } as unknown as string[]);
      await new Promise<void>((resolve, reject) => {
        socket.addEventListener('message', () => resolve(), { once: true });
        socket.addEventListener('error', () => reject(new Error('websocket failed')), { once: true });
        setTimeout(() => reject(new Error('no snapshot within 10 s')), 10_000).unref();
      });
      socket.addEventListener('message', (event) => {
        // An update, or the whole list again (an object restarted under the sockets tells them all).
        if (typeof event.data !== 'string' || !event.data.startsWith('{"type":')) return;
        const pending = waiting.get(clinic.id);
        if (pending === undefined || pending.remaining <= 0) return;
        delays.push(performance.now() - pending.sentAt);
        updateBytes += event.data.length;
        pending.remaining -= 1;
        if (pending.remaining === 0) pending.done();
      });
      sockets.push(socket);
    }
  }
  const run = `live${Date.now().toString(36)}`;
  for (let round = 0; round < rounds; round += 1) {
    await Promise.all(
      chosen.map(async (clinic, index) => {
        await new Promise((resolve) => setTimeout(resolve, (index * 600) / chosen.length));
        const received = new Promise<void>((done) => waiting.set(clinic.id, { sentAt: performance.now(), remaining: subscribers, done }));
        await fetch(`${origin}/api/v1/ingest/events`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${clinic.key}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ events: [{ id: `${run}-${clinic.id}-${round}`, type: 'patient_added', entryId: `${run}-${clinic.id}-${round}`, method: 'qr', occurredAt: new Date().toISOString() }] }),
        });
        await Promise.race([received, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      }),
    );
  }
  for (const socket of sockets) socket.close();
  const meanUpdateBytes = delays.length === 0 ? 0 : Math.round(updateBytes / delays.length);
  return { clinics: chosen.length, subscribersPerClinic: subscribers, updates: delays.length, meanUpdateBytes, ...percentiles(delays.sort((a, b) => a - b)) };
}

/** `GET stats/today` for one clinic, sequentially, as a phone refreshing would. */
export async function benchToday(load: LoadStack, count: number) {
  const clinic = load.clinics[0];
  if (clinic === undefined) throw new Error('no clinic');
  const send = () => fetch(`${load.stack.url}/api/v1/clinics/${clinic.id}/stats/today`, { headers: { Cookie: load.cookie } });
  await measureLatency(send, { count: 100, concurrency: 1 });
  return measureLatency(send, { count, concurrency: 1 });
}
