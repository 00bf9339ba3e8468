/**
 * Issue 7's digest at scale: the hourly cron fired through wrangler dev at a Monday 08:00 UTC
 * (09:00 in Tunis) over 1,000 clinics, each digest a `digest.clinic` job on the local Queue, each
 * owner's e-mail sent by the consumer over SMTP to a server in this process. Measured from just
 * before the cron request to the last message received (target ≤ 60 s); then every recipient is
 * checked to have exactly one message, and a second fire of the same cron must send nothing.
 *
 * The database is the demo generator's (one owner per clinic, `owner-NNN@pulse.local`, the first
 * being the demo doctor; one super admin), kept in `.data/bench/digest-<clinics>x<days>` between
 * runs. Each run puts every clinic in Africa/Tunis (the generator puts one in eight in Paris) and
 * forgets earlier runs' digest_runs, so that every run sends the whole week again.
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { and, count, eq, isNull, max, ne, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Database } from '../db/client.ts';
import { channelChoices, clinicOwners, digestClinic, DIGEST_TOPIC } from '../db/queries/recipients.ts';
import { memberships, users } from '../db/schema/accounts.ts';
import { clinics } from '../db/schema/clinics.ts';
import { deadLetters } from '../db/schema/jobs.ts';
import { digestRuns } from '../db/schema/notifications.ts';
import { dailyRollups, hourlyRollups } from '../db/schema/rollups.ts';
import { startStack } from '../scripts/lib/stack.ts';
import { readClinicWeekDigest } from '../worker/digest/digest-content.ts';
import { addClinicDays, weekdayOf } from '../worker/domain/clinic-time.ts';
import { digestWeekOf, isDigestHour } from '../worker/domain/digest-schedule.ts';
import { percentiles } from './latency.ts';
import { openSeededDatabase } from './seeded-database.ts';

/** worker/scheduled.ts SCHEDULES.digest (not imported: that module is the Worker's, with its types). */
const DIGEST_CRON = '0 * * * *';
const ZONE = 'Africa/Tunis';
const TARGET_SECONDS = 60;
/** No new message for this long means the run is stuck: stop waiting and report what came. */
const STALL_MS = 60_000;
const GIVE_UP_MS = 15 * 60_000;
/**
 * The receiver offers AUTH, as a provider's submission port does, so the Worker logs in
 * (worker-mailer refuses to go on without credentials once a server offers AUTH).
 */
const SMTP_LOGIN = { username: 'pulse-bench', password: 'pulse-bench-password' };

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Arrival {
  to: string[];
  /** performance.now() when the DATA was complete (before the 250 reply). */
  at: number;
  /** From the TCP connection to the DATA's end: what one send costs on the SMTP side. */
  sessionMs: number;
}

/**
 * A plain-text SMTP server on the loopback as workerd can talk to it (no STARTTLS, no AUTH
 * needed), counting messages as they end; it keeps the raw text only of those `keep` asks for.
 */
export async function startSmtpReceiver() {
  const arrivals: Arrival[] = [];
  const kept: { to: string[]; raw: Buffer }[] = [];
  const started = new Map<string, number>();
  const state = { connections: 0, open: 0, maxOpen: 0, keep: (_to: string[]) => false };
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // A PTR lookup per connection is the receiving MTA's business, not Pulse's.
    disableReverseLookup: true,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_LOGIN.username && auth.password === SMTP_LOGIN.password) return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onConnect(session, callback) {
      state.connections += 1;
      state.open += 1;
      state.maxOpen = Math.max(state.maxOpen, state.open);
      started.set(session.id, performance.now());
      callback();
    },
    onClose(session) {
      if (started.delete(session.id)) state.open -= 1;
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
      const chunks: Buffer[] | null = state.keep(to) ? [] : null;
      stream.on('data', (chunk: Buffer) => chunks?.push(chunk));
      stream.on('end', () => {
        const at = performance.now();
        arrivals.push({ to, at, sessionMs: at - (started.get(session.id) ?? at) });
        if (chunks !== null) kept.push({ to, raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  return {
    port: (server.server.address() as AddressInfo).port,
    arrivals,
    kept,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every clinic in Tunis, no digest of an earlier run, and the Monday whose digest reports on seeded days. */
export async function prepare(db: Database) {
  const moved = await db.update(clinics).set({ timezone: ZONE }).where(ne(clinics.timezone, ZONE)).returning({ id: clinics.id });
  const cleared = await db.delete(digestRuns).returning({ id: digestRuns.id });

  // The last seeded day is the seed's "today"; the Monday on or before the day after it closes a
  // whole seeded week, and the week before it (the digest's comparison) is seeded too when days ≥ 21.
  const [last] = await db.select({ day: max(dailyRollups.day) }).from(dailyRollups);
  if (last?.day == null) throw new Error('digest bench: the database has no daily rollups');
  let monday = addClinicDays(last.day, 1);
  while (weekdayOf(monday) !== 1) monday = addClinicDays(monday, -1);
  const scheduledTime = Date.parse(`${monday}T08:00:00Z`);
  if (!isDigestHour(scheduledTime, ZONE)) throw new Error(`digest bench: ${new Date(scheduledTime).toISOString()} is not Monday 09:xx in ${ZONE}`);
  const week = digestWeekOf(scheduledTime, ZONE);

  const [live] = await db.select({ clinics: count() }).from(clinics).where(isNull(clinics.archivedAt));
  const inWeek = sql`${dailyRollups.day} between ${week.from} and ${week.to}`;
  const [daily] = await db.select({ clinics: sql<number>`count(distinct ${dailyRollups.clinicId})`, rows: count() }).from(dailyRollups).where(inWeek);
  const [hourly] = await db
    .select({ clinics: sql<number>`count(distinct ${hourlyRollups.clinicId})`, rows: count() })
    .from(hourlyRollups)
    .where(sql`${hourlyRollups.day} between ${week.from} and ${week.to}`);

  // Who should get one, as the consumer decides: owners of live clinics who can sign in and have
  // not switched the digest off; the super admins for the service digest.
  const ownerRows = await db
    .select({ userId: users.id, email: users.email, clinicId: clinics.id, clinicName: clinics.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(clinics, eq(clinics.id, memberships.clinicId))
    .where(and(eq(memberships.role, 'clinic_owner'), isNull(users.disabledAt), isNull(clinics.archivedAt)));
  const adminRows = await db.select({ userId: users.id, email: users.email }).from(users).where(and(eq(users.role, 'super_admin'), isNull(users.disabledAt)));
  const choices = await channelChoices(db, [...ownerRows, ...adminRows].map((row) => row.userId), DIGEST_TOPIC);
  const wants = (row: { userId: string }) => choices.get(row.userId)?.email !== false;
  const owners = new Map<string, string[]>();
  for (const row of ownerRows.filter(wants)) owners.set(row.email.toLowerCase(), [...(owners.get(row.email.toLowerCase()) ?? []), row.clinicName]);
  const admins = new Set(adminRows.filter(wants).map((row) => row.email.toLowerCase()));
  // One message per owner and clinic (an owner of two clinics gets two digests).
  const ownerMessages = [...owners.values()].reduce((total, names) => total + names.length, 0);

  return {
    scheduledTime,
    week,
    liveClinics: live?.clinics ?? 0,
    clinicsMovedToTunis: moved.length,
    digestRunsCleared: cleared.length,
    rollupsInWeek: { clinicsWithDaily: Number(daily?.clinics ?? 0), dailyRows: daily?.rows ?? 0, clinicsWithHourly: Number(hourly?.clinics ?? 0), hourlyRows: hourly?.rows ?? 0 },
    owners,
    admins,
    ownerMessages,
    serviceDue: isDigestHour(scheduledTime, ZONE),
  };
}

export type DigestSetup = Awaited<ReturnType<typeof prepare>>;

/** The Worker's mail settings for the receiver on `port`. */
export function smtpVars(port: number): Record<string, string> {
  return { MAIL_TRANSPORT: 'smtp', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'off', SMTP_USER: SMTP_LOGIN.username, SMTP_PASSWORD: SMTP_LOGIN.password };
}

/** Who got what: each owner one message per clinic owned, each super admin the service digest once, nobody else anything. */
export function checkExactlyOnce(setup: DigestSetup, arrivals: readonly Arrival[], expectedService: number) {
  const perRecipient = new Map<string, number>();
  for (const arrival of arrivals) for (const address of arrival.to) perRecipient.set(address, (perRecipient.get(address) ?? 0) + 1);
  const ownerArrivals = arrivals.filter((arrival) => arrival.to.some((address) => setup.owners.has(address))).length;
  const serviceArrivals = arrivals.filter((arrival) => arrival.to.some((address) => setup.admins.has(address))).length;
  const missingOwners = [...setup.owners].filter(([address, names]) => (perRecipient.get(address) ?? 0) < names.length).map(([address]) => address);
  const duplicated = [...perRecipient].filter(([address, received]) => received > (setup.owners.get(address)?.length ?? (setup.admins.has(address) ? 1 : 0)) && (setup.owners.has(address) || setup.admins.has(address)));
  const unexpected = [...perRecipient.keys()].filter((address) => !setup.owners.has(address) && !setup.admins.has(address));
  return {
    ownerArrivals,
    serviceArrivals,
    exactlyOnce: {
      ok: missingOwners.length === 0 && duplicated.length === 0 && unexpected.length === 0 && serviceArrivals === expectedService,
      missingOwners: missingOwners.length,
      duplicatedRecipients: duplicated.length,
      unexpectedRecipients: unexpected.length,
      examples: [...missingOwners.slice(0, 3), ...duplicated.slice(0, 3).map(([address]) => address), ...unexpected.slice(0, 3)],
    },
  };
}

/** Fires the hourly cron at `scheduledTime` through Miniflare's trigger endpoint (wrangler dev enables it). */
export async function fireCron(url: string, scheduledTime: number) {
  const started = performance.now();
  const response = await fetch(`${url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent(DIGEST_CRON)}&time=${scheduledTime}&format=json`);
  const body = await response.text();
  if (!response.ok) throw new Error(`cron trigger answered ${response.status}: ${body.slice(0, 300)}`);
  return { status: response.status, ms: round1(performance.now() - started), body: body.slice(0, 200) };
}

/** `pulse_jobs_total` and `pulse_emails_sent_total` from the Worker's /metrics, keyed `type/outcome` and `email/result`. */
export async function jobCounters(url: string, token: string): Promise<Map<string, number>> {
  const response = await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  const counters = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    const match = /^(pulse_jobs_total|pulse_emails_sent_total)\{(.*)\}\s+(\S+)$/.exec(line);
    if (match === null) continue;
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, name = '', value = '']) => [name, value]));
    const name = match[1] === 'pulse_jobs_total' ? `${labels.type}/${labels.outcome}` : `email/${labels.result}`;
    counters.set(name, Number(match[3]));
  }
  return counters;
}

export async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean, options: { timeoutMs: number; intervalMs?: number; stalledMs?: number; progress?: () => number }): Promise<{ value: T; timedOut: boolean }> {
  const started = performance.now();
  let lastProgress = options.progress?.() ?? 0;
  let lastProgressAt = started;
  for (;;) {
    const value = await read();
    if (done(value)) return { value, timedOut: false };
    const now = performance.now();
    if (options.progress !== undefined) {
      const progress = options.progress();
      if (progress !== lastProgress) [lastProgress, lastProgressAt] = [progress, now];
      if (options.stalledMs !== undefined && now - lastProgressAt > options.stalledMs) return { value, timedOut: true };
    }
    if (now - started > options.timeoutMs) return { value, timedOut: true };
    await sleep(options.intervalMs ?? 50);
  }
}

/** The consumer's reads for one clinic's digest, from Node straight to sqld (no Worker, no queue, no SMTP). */
async function timeClinicReads(db: Database, clinicIds: readonly string[], weekStart: string, concurrency: number) {
  const durations: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < clinicIds.length) {
      const clinicId = clinicIds[next] ?? '';
      next += 1;
      const t0 = performance.now();
      const clinic = await digestClinic(db, clinicId);
      const owners = await clinicOwners(db, clinicId);
      await channelChoices(db, owners.map((owner) => owner.userId), DIGEST_TOPIC);
      await readClinicWeekDigest(db, { id: clinicId, timezone: clinic?.timezone ?? ZONE }, weekStart);
      durations.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  return { clinics: clinicIds.length, concurrency, ...percentiles(durations.sort((a, b) => a - b)), clinicsPerSecond: Math.round(clinicIds.length / seconds) };
}

/**
 * The Worker over `database`, its mail going to the SMTP server on `smtpPort`; its warnings and
 * errors (failed sends, retries): the first `shown` are logged, the rest only counted.
 */
export async function startDigestWorker(dataDir: string, database: { url: string; authToken: string }, smtpPort: number, log: (line: string) => void, shown: number) {
  let lines = 0;
  const stack = await startStack({
    dataDir,
    seed: false,
    database,
    vars: smtpVars(smtpPort),
    log: (line) => {
      lines += 1;
      if (lines <= shown) log(line.slice(0, 300));
    },
  });
  return { stack, workerLines: () => lines };
}

export async function benchDigest(scratch: string, clinicCount: number, days: number, log: (line: string) => void) {
  const { sqld, db, seedSeconds } = await openSeededDatabase('digest', clinicCount, days, log);
  const smtp = await startSmtpReceiver();
  try {
    const setup = await prepare(db);
    const expectedOwners = setup.ownerMessages;
    const expectedService = setup.serviceDue ? setup.admins.size : 0;
    const expectedTotal = expectedOwners + expectedService;
    log(
      `digest: cron at ${new Date(setup.scheduledTime).toISOString()} (week ${setup.week.from}…${setup.week.to}), ` +
        `${setup.liveClinics} live clinics, expecting ${expectedOwners} owner + ${expectedService} service digests`,
    );
    // One owner's and one admin's message are kept whole, to check they are the digests.
    let keptOwner = false;
    let keptAdmin = false;
    smtp.state.keep = (to) => {
      if (!keptOwner && to.some((address) => setup.owners.has(address))) return (keptOwner = true);
      if (!keptAdmin && to.some((address) => setup.admins.has(address))) return (keptAdmin = true);
      return false;
    };

    const dataDir = join(scratch, 'digest-worker');
    const { stack, workerLines } = await startDigestWorker(dataDir, sqld, smtp.port, (line) => log(`digest: ${line}`), 10);
    try {
      const token = /^METRICS_TOKEN=(.*)$/m.exec(await readFile(join(dataDir, '.dev.vars'), 'utf8'))?.[1]?.trim() ?? '';
      const counters = () => jobCounters(stack.url, token);
      const before = await counters();

      log('digest: firing the hourly cron…');
      const wallStart = Date.now();
      const t0 = performance.now();
      const cron = await fireCron(stack.url, setup.scheduledTime);
      const cronReturnedSeconds = (performance.now() - t0) / 1000;
      // Every job of the fire ended (sent, or failed for good): no more messages can come.
      const clinicJobs = setup.liveClinics;
      const serviceJobs = setup.serviceDue ? 1 : 0;
      const endedOf = (values: Map<string, number>, from: Map<string, number>, type: string) =>
        ['done', 'dead_lettered'].reduce((total, outcome) => total + (values.get(`${type}/${outcome}`) ?? 0) - (from.get(`${type}/${outcome}`) ?? 0), 0);
      const allEnded = (values: Map<string, number>, from: Map<string, number>) =>
        endedOf(values, from, 'digest.clinic') >= clinicJobs && endedOf(values, from, 'digest.service') >= serviceJobs;
      let firstFireEnded = false;
      const watching = (async () => {
        while (!firstFireEnded && smtp.arrivals.length < expectedTotal) {
          await sleep(1_000);
          if (allEnded(await counters(), before)) firstFireEnded = true;
        }
      })();
      const arrived = await until(
        () => smtp.arrivals.length,
        (received) => received >= expectedTotal || firstFireEnded,
        { timeoutMs: GIVE_UP_MS, stalledMs: STALL_MS, intervalMs: 20, progress: () => smtp.arrivals.length },
      );
      firstFireEnded = true;
      await watching;
      const lastAt = smtp.arrivals.at(-1)?.at ?? t0;
      log(`digest: ${smtp.arrivals.length}/${expectedTotal} messages in ${round1((lastAt - t0) / 1000)} s${arrived.timedOut ? ' (stopped waiting: stalled or too long)' : ''}`);

      // Every job of the first fire ended (its counters flushed), then a moment for late extras.
      const drained = await until(counters, (values) => allEnded(values, before), { timeoutMs: 120_000, intervalMs: 250 });
      await sleep(2_000);
      const afterFirst = await counters();
      const firstFireArrivals = smtp.arrivals.length;

      const { ownerArrivals, serviceArrivals, exactlyOnce } = checkExactlyOnce(setup, smtp.arrivals, expectedService);

      const samples = await Promise.all(
        smtp.kept.map(async ({ to, raw }) => {
          const parsed = await simpleParser(raw);
          const address = to[0] ?? '';
          const clinicNames = setup.owners.get(address);
          return {
            to: address,
            subject: parsed.subject ?? '',
            isDigest: clinicNames === undefined ? /pulse|semaine|week/i.test(parsed.subject ?? '') : clinicNames.some((name) => (parsed.subject ?? '').includes(name)),
            bytes: raw.length,
          };
        }),
      );

      const [runs] = await db
        .select({ rows: count(), sent: sql<number>`count(${digestRuns.sentAt})`, withError: sql<number>`count(${digestRuns.error})` })
        .from(digestRuns)
        .where(eq(digestRuns.periodStart, setup.week.from));
      const [dead] = await db.select({ rows: count() }).from(deadLetters).where(sql`${deadLetters.receivedAt} >= ${wallStart} and ${deadLetters.jobType} like 'digest.%'`);

      // The same cron again: every job runs, finds its claims, sends nothing.
      log('digest: firing the same cron again…');
      const t1 = performance.now();
      const secondCron = await fireCron(stack.url, setup.scheduledTime);
      const secondDrained = await until(counters, (values) => allEnded(values, afterFirst), { timeoutMs: 300_000, intervalMs: 250 });
      const secondJobsSeconds = (performance.now() - t1) / 1000;
      await sleep(5_000);
      const afterSecond = await counters();
      const secondFireNewMessages = smtp.arrivals.length - firstFireArrivals;
      log(`digest: second fire: jobs done in ${round1(secondJobsSeconds)} s, ${secondFireNewMessages} new messages`);

      // Where the time goes: the arrival curve, SMTP sessions, and the consumer's reads without the Worker.
      const elapsed = (arrival: Arrival | undefined) => (arrival === undefined ? null : round2((arrival.at - t0) / 1000));
      const firstArrivals = smtp.arrivals.slice(0, firstFireArrivals);
      const curve = Object.fromEntries(
        [0.1, 0.25, 0.5, 0.75, 0.9, 1].map((share) => [`${share * 100}%`, elapsed(firstArrivals[Math.max(0, Math.ceil(share * firstArrivals.length) - 1)])]),
      );
      const sessionMs = percentiles(firstArrivals.map((arrival) => arrival.sessionMs).sort((a, b) => a - b));
      log('digest: the consumer reads per clinic, Node → sqld directly…');
      const someClinics = (await db.select({ id: clinics.id }).from(clinics).where(isNull(clinics.archivedAt)).orderBy(clinics.id).limit(200)).map((row) => row.id);
      const readsSequential = await timeClinicReads(db, someClinics.slice(0, 100), setup.week.from, 1);
      const readsTenAtOnce = await timeClinicReads(db, someClinics.slice(100, 200), setup.week.from, 10);

      const first = firstArrivals[0];
      const last = firstArrivals.at(-1);
      const lastSeconds = elapsed(last);
      const spread = first !== undefined && last !== undefined ? (last.at - first.at) / 1000 : 0;
      const delta = (values: Map<string, number>, from: Map<string, number>, name: string) => (values.get(name) ?? 0) - (from.get(name) ?? 0);
      return {
        clinics: clinicCount,
        days,
        seedSeconds,
        scheduledTime: new Date(setup.scheduledTime).toISOString(),
        week: setup.week,
        liveClinics: setup.liveClinics,
        clinicsMovedToTunis: setup.clinicsMovedToTunis,
        digestRunsClearedFromEarlierRuns: setup.digestRunsCleared,
        rollupsInWeek: setup.rollupsInWeek,
        expected: { ownerDigests: expectedOwners, serviceDigests: expectedService, total: expectedTotal },
        cron: { ...cron, returnedSeconds: round2(cronReturnedSeconds) },
        firstMessageSeconds: elapsed(first),
        lastMessageSeconds: lastSeconds,
        received: { total: firstFireArrivals, ownerDigests: ownerArrivals, serviceDigests: serviceArrivals, stalled: arrived.timedOut },
        messagesPerSecond: lastSeconds === null ? 0 : round1(firstFireArrivals / lastSeconds),
        messagesPerSecondFirstToLast: spread > 0 ? round1((firstFireArrivals - 1) / spread) : null,
        arrivalCurveSeconds: curve,
        exactlyOnce,
        samples,
        smtp: { connections: smtp.state.connections, maxConcurrentSessions: smtp.state.maxOpen, sessionMs: { ...sessionMs, note: 'TCP connect → end of DATA, per message, seen by the server' } },
        jobs: {
          drained: !drained.timedOut,
          clinicDone: delta(afterFirst, before, 'digest.clinic/done'),
          clinicRetried: delta(afterFirst, before, 'digest.clinic/retried'),
          clinicDeadLettered: delta(afterFirst, before, 'digest.clinic/dead_lettered'),
          serviceDone: delta(afterFirst, before, 'digest.service/done'),
          emailsSent: delta(afterFirst, before, 'email/sent'),
          emailsFailed: delta(afterFirst, before, 'email/failed'),
        },
        digestRuns: { rows: runs?.rows ?? 0, sent: Number(runs?.sent ?? 0), withError: Number(runs?.withError ?? 0) },
        deadLetters: dead?.rows ?? 0,
        workerLogLines: workerLines(),
        secondFire: {
          cron: secondCron,
          jobsDrained: !secondDrained.timedOut,
          jobsSeconds: round1(secondJobsSeconds),
          clinicJobsDone: delta(afterSecond, afterFirst, 'digest.clinic/done'),
          serviceJobsDone: delta(afterSecond, afterFirst, 'digest.service/done'),
          deadLettered: delta(afterSecond, afterFirst, 'digest.clinic/dead_lettered') + delta(afterSecond, afterFirst, 'digest.service/dead_lettered'),
          emailsSent: delta(afterSecond, afterFirst, 'email/sent'),
          newMessages: secondFireNewMessages,
          note: 'the same jobs with every digest already claimed: queue + reads + claim, no render, no SMTP',
        },
        consumerReadsPerClinic: { sequential: readsSequential, tenAtOnce: readsTenAtOnce, note: 'digestClinic + clinicOwners + channelChoices + readClinicWeekDigest, Node → sqld' },
        target: { seconds: TARGET_SECONDS, met: lastSeconds !== null && !arrived.timedOut && lastSeconds <= TARGET_SECONDS },
      };
    } finally {
      await stack.stop();
    }
  } finally {
    await smtp.close();
    await sqld.process.stop();
  }
}
