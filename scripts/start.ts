/**
 * `npm start`: the whole product on this machine, on real parts — sqld (Turso's server) with
 * its data in .data/, migrated and seeded with demo data when empty, MailDev catching every e-mail
 * the Worker sends over SMTP, the PWA built into the Worker's assets, wrangler dev (workerd)
 * serving both, and a simulator moving today's queues. Ctrl-C stops everything; nothing is left
 * running. One per folder: a second `npm start` says where the first one runs and exits with 1.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { createDatabase } from '../db/client.ts';
import { listClinicIds } from '../db/queries/clinics.ts';
import { devVarsProblems, ensureDevVars } from './lib/dev-vars.ts';
import { findFreePort, isPortFree } from './lib/free-port.ts';
import { startLocalCron, wranglerCrons } from './lib/local-cron.ts';
import { mailboxVars, startMailbox } from './lib/maildev.ts';
import { stopAllManagedProcesses } from './lib/managed-process.ts';
import { startSimulator } from './lib/simulator.ts';
import { ingestThroughApi } from './lib/simulator-ingest.ts';
import { claimSingleInstance } from './lib/single-instance.ts';
import { startStack } from './lib/stack.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_PORT = 8787;
const SIMULATED_CLINICS = 3;

const startedAt = performance.now();
const say = (line: string) => process.stdout.write(`${line}\n`);
const verbose = process.env.PULSE_VERBOSE === '1';
const devVarsPath = join(ROOT, '.dev.vars');
const dataDir = join(ROOT, '.data');

// Before anything touches .data/ or pwa/dist: a second start would share the first one's database
// files and rebuild the assets its Worker serves.
await mkdir(dataDir, { recursive: true });
const claim = await claimSingleInstance(join(dataDir, 'pulse.lock'));
if (!claim.claimed) {
  const { pid, url } = claim.running;
  process.stderr.write(
    url === null
      ? `Pulse is already starting in this folder (pid ${pid}); it prints its URL when ready. Not starting a second one.\n`
      : `Pulse is already running at ${url} (pid ${pid}). Not starting a second one; stop that one first (Ctrl-C where it runs).\n`,
  );
  process.exit(1);
}
const instance = claim.lock;

// A setting the Worker refuses would only show as "misconfigured" answers after a long wait for
// health: say which and why before starting anything.
await ensureDevVars(devVarsPath);
const refused = await devVarsProblems(devVarsPath);
if (refused.length > 0) {
  process.stderr.write(`Pulse: not starting.\n${refused.map((problem) => `  ${problem}\n`).join('')}`);
  process.exit(1);
}

say('Pulse: building the PWA…');
await build({ configFile: join(ROOT, 'pwa/vite.config.ts'), logLevel: 'warn' });

// Every e-mail goes out over real SMTP, to a local inbox; PULSE_MAILBOX=off leaves the mail
// settings to .dev.vars and wrangler.toml (the outbox, unless .dev.vars says otherwise).
const mailbox = process.env.PULSE_MAILBOX === 'off' ? undefined : await startMailbox(join(dataDir, 'maildev'), verbose ? (line) => say(`[maildev] ${line}`) : undefined);

const wantedPort = Number(process.env.PORT ?? DEFAULT_PORT);
const port = (await isPortFree(wantedPort)) ? wantedPort : await findFreePort();
say('Pulse: starting sqld, migrating, seeding when empty, starting the Worker…');
const stack = await startStack({
  dataDir,
  devVarsPath,
  seed: true,
  port,
  vars: mailbox === undefined ? undefined : mailboxVars(mailbox),
  log: (line) => {
    if (verbose || line.startsWith('[worker]') || line.startsWith('seed')) say(line);
  },
});

// wrangler dev fires no schedule by itself: alerts, digests and the nightly jobs run from here.
await instance.announce(stack.url);

const localCron = startLocalCron(stack.url, await wranglerCrons(join(ROOT, 'wrangler.toml')), (line) => say(`[cron] ${line}`));

const db = createDatabase({ url: stack.libsqlUrl, authToken: stack.libsqlAuthToken });
const simulatedClinics = (await listClinicIds(db)).slice(0, SIMULATED_CLINICS);
const simulator =
  process.env.PULSE_SIMULATOR === 'off'
    ? undefined
    : startSimulator(db, {
        clinicIds: simulatedClinics,
        sink: await ingestThroughApi(db, stack.url, simulatedClinics),
        log: verbose ? say : undefined,
      });

say(`
Pulse is running at ${stack.url}   (ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s)
API docs:   ${stack.url}/api/v1/docs
Mailbox:    ${mailbox === undefined ? 'off (PULSE_MAILBOX=off): e-mail follows .dev.vars and wrangler.toml' : `${mailbox.webUrl}   (MailDev: every e-mail Pulse sends, over SMTP on port ${mailbox.smtpPort})`}
Database:   ${stack.libsqlUrl} (sqld, data in .data/)
Simulator:  ${simulator ? `moving today's queue of ${SIMULATED_CLINICS} clinics (PULSE_SIMULATOR=off to stop it)` : 'off'}
Schedules:  wrangler.toml's cron triggers, fired locally (alerts every 5 min, digests on Monday)

Demo logins (development only):
    super admin    admin@pulse.local  / pulse-admin
    clinic owner   doctor@pulse.local / pulse-doctor
    receptionist   reception@pulse.local / pulse-reception

  Ctrl-C stops everything.
`);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('\nPulse: stopping…');
  localCron.stop();
  await simulator?.stop();
  await stack.stop();
  await stopAllManagedProcesses();
  await instance.release();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown());
