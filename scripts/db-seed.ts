/**
 * `npm run db:seed -- [--seed N] [--clinics N] [--days N]`: fills an empty database with the demo
 * (13 clinics, 120 days by default; `--clinics 100 --days 365` for benchmarks). Migrates first, so
 * a fresh local database works in one step. A database that already has clinics is left alone.
 */
import { parseArgs } from 'node:util';
import { applyMigrations } from '../db/migrate.ts';
import { DEMO_DEFAULTS, ensureDemoData } from '../db/seed/ensure-demo-data.ts';
import { DEMO_LOGINS } from '../db/seed/demo-users.ts';
import { withDatabase } from './lib/local-database.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(DEMO_DEFAULTS.seed) },
    clinics: { type: 'string', default: String(DEMO_DEFAULTS.clinics) },
    days: { type: 'string', default: String(DEMO_DEFAULTS.days) },
  },
  strict: true,
});

function count(name: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < minimum) {
    process.stderr.write(`db:seed: --${name} must be an integer ≥ ${minimum}, got "${text}"\n`);
    process.exit(2);
  }
  return value;
}

const options = {
  seed: count('seed', values.seed, 0),
  clinics: count('clinics', values.clinics, 1),
  days: count('days', values.days, 1),
};
const say = (line: string) => process.stdout.write(`${line}\n`);

await withDatabase(async (db, where) => {
  await applyMigrations(db);
  const seeded = await ensureDemoData(db, { ...options, log: say });
  if (!seeded) {
    say(`Nothing seeded: ${where} already has clinics (for a fresh local demo, delete .data/sqld).`);
    return;
  }
  say(`Demo data written to ${where}.`);
  say(`  super admin    ${DEMO_LOGINS.admin.email} / ${DEMO_LOGINS.admin.password}`);
  say(`  clinic owner   ${DEMO_LOGINS.doctor.email} / ${DEMO_LOGINS.doctor.password}`);
});
