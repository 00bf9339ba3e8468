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
import { hashPassword } from '../worker/auth/password.ts';

const USAGE = 'usage: npm run db:seed -- [--seed N] [--clinics N] [--days N]';

function refuse(problem: string): never {
  process.stderr.write(`db:seed: ${problem}\n${USAGE}\n`);
  process.exit(2);
}

function readArguments() {
  try {
    return parseArgs({
      options: {
        seed: { type: 'string', default: String(DEMO_DEFAULTS.seed) },
        clinics: { type: 'string', default: String(DEMO_DEFAULTS.clinics) },
        days: { type: 'string', default: String(DEMO_DEFAULTS.days) },
      },
      strict: true,
    }).values;
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error));
  }
}

function count(name: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < minimum) refuse(`--${name} must be an integer ≥ ${minimum}, got "${text}"`);
  return value;
}

const values = readArguments();

const options = {
  seed: count('seed', values.seed, 0),
  clinics: count('clinics', values.clinics, 1),
  days: count('days', values.days, 1),
};
const say = (line: string) => process.stdout.write(`${line}\n`);

await withDatabase(async (db, where) => {
  await applyMigrations(db);
  const seeded = await ensureDemoData(db, { ...options, hashPassword, log: say });
  if (!seeded) {
    const hint = process.env.LIBSQL_URL ? '' : ' (for a fresh local demo, delete .data/sqld)';
    say(`Nothing seeded: ${where} already has clinics${hint}.`);
    return;
  }
  say(`Demo data written to ${where}.`);
  say(`  super admin    ${DEMO_LOGINS.admin.email} / ${DEMO_LOGINS.admin.password}`);
  say(`  clinic owner   ${DEMO_LOGINS.doctor.email} / ${DEMO_LOGINS.doctor.password}`);
});
