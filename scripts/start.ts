/**
 * `npm start`: the whole product on this machine, on real parts — sqld (Turso's server) with
 * its data in .data/, migrated and seeded with demo data when empty, the PWA built into the
 * Worker's assets, wrangler dev (workerd) serving both, and a simulator moving today's queues.
 * Ctrl-C stops everything; nothing is left running.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { createDatabase } from '../db/client.ts';
import { listClinicIds } from '../db/queries/clinics.ts';
import { devVarsProblems, ensureDevVars } from './lib/dev-vars.ts';
import { findFreePort, isPortFree } from './lib/free-port.ts';
import { startLocalCron, wranglerCrons } from './lib/local-cron.ts';
import { stopAllManagedProcesses } from './lib/managed-process.ts';
import { startSimulator } from './lib/simulator.ts';
import { ingestThroughApi } from './lib/simulator-ingest.ts';
import { startStack } from './lib/stack.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_PORT = 8787;
const SIMULATED_CLINICS = 3;

const startedAt = performance.now();
const say = (line: string) => process.stdout.write(`${line}\n`);
const verbose = process.env.PULSE_VERBOSE === '1';
const devVarsPath = join(ROOT, '.dev.vars');

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

const wantedPort = Number(process.env.PORT ?? DEFAULT_PORT);
const port = (await isPortFree(wantedPort)) ? wantedPort : await findFreePort();
say('Pulse: starting sqld, migrating, seeding when empty, starting the Worker…');
const stack = await startStack({
  dataDir: join(ROOT, '.data'),
  devVarsPath,
  seed: true,
  port,
  log: (line) => {
    if (verbose || line.startsWith('[worker]') || line.startsWith('seed')) say(line);
  },
});

// wrangler dev fires no schedule by itself: alerts, digests (into the outbox) and the nightly jobs run from here.
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
  Database:   ${stack.libsqlUrl} (sqld, data in .data/)
  Simulator:  ${simulator ? `moving today's queue of ${SIMULATED_CLINICS} clinics (PULSE_SIMULATOR=off to stop it)` : 'off'}
  Schedules:  wrangler.toml's cron triggers, fired locally (alerts every 5 min; e-mail goes to the outbox)

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
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown());
