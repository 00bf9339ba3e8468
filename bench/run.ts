/**
 * `npm run bench [-- --clinics N --days N]`: how long demo data takes to load into a real sqld,
 * how long the stack takes to answer, and the latency of `GET /api/v1/health` through wrangler
 * dev (workerd → sqld round trip included). Prints the figures and writes them to bench/results/.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase } from '../db/client.ts';
import { applyMigrations } from '../db/migrate.ts';
import { ensureDemoData } from '../db/seed/ensure-demo-data.ts';
import { startSqld } from '../scripts/lib/sqld.ts';
import { startStack } from '../scripts/lib/stack.ts';
import { measureLatency } from './latency.ts';
import { describeMachine } from './machine.ts';

const { values } = parseArgs({
  options: { clinics: { type: 'string', default: '13' }, days: { type: 'string', default: '120' } },
});
const clinics = Number(values.clinics);
const days = Number(values.days);
const say = (line: string) => process.stdout.write(`${line}\n`);
const scratch = await mkdtemp(join(tmpdir(), 'pulse-bench-'));

async function benchSeed() {
  const sqld = await startSqld(join(scratch, 'seed-sqld'));
  try {
    const db = createDatabase({ url: sqld.url, authToken: sqld.authToken });
    await applyMigrations(db);
    const started = performance.now();
    await ensureDemoData(db, { clinics, days });
    return { clinics, days, seconds: Math.round((performance.now() - started) / 100) / 10 };
  } finally {
    await sqld.process.stop();
  }
}

async function benchHealth() {
  const started = performance.now();
  const stack = await startStack({ dataDir: join(scratch, 'stack'), seed: false });
  const readySeconds = Math.round((performance.now() - started) / 100) / 10;
  try {
    const send = () => fetch(`${stack.url}/api/v1/health`);
    await measureLatency(send, { count: 50, concurrency: 4 }); // warm-up
    return {
      readySeconds,
      sequential: await measureLatency(send, { count: 500, concurrency: 1 }),
      concurrent: await measureLatency(send, { count: 1000, concurrency: 16 }),
    };
  } finally {
    await stack.stop();
  }
}

try {
  say(`seeding ${clinics} clinics × ${days} days…`);
  const seed = await benchSeed();
  say(`  ${seed.seconds} s`);
  say('starting the stack and measuring GET /api/v1/health…');
  const health = await benchHealth();
  const results = { date: new Date().toISOString(), machine: describeMachine(), seed, health };
  say(JSON.stringify(results, null, 2));
  const dir = new URL('./results/', import.meta.url);
  await mkdir(dir, { recursive: true });
  await writeFile(new URL(`foundation-${clinics}x${days}.json`, dir), `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
