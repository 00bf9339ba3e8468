import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '../db/client.ts';
import { applyMigrations } from '../db/migrate.ts';
import { ensureDemoData } from '../db/seed/ensure-demo-data.ts';
import { startSqld } from '../scripts/lib/sqld.ts';
import { hashPassword } from '../worker/auth/password.ts';

/** Seeded benchmark databases live here between runs: seeding thousands of clinic-years takes minutes. */
const KEPT_DATA = fileURLToPath(new URL('../.data/bench/', import.meta.url));

/**
 * A sqld on `.data/bench/<name>-<clinics>x<days>`, migrated, with the demo generator's clinics and
 * days in it (seeded now if it was empty; `seedSeconds` is null when an earlier run had seeded it).
 */
export async function openSeededDatabase(name: string, clinics: number, days: number, log: (line: string) => void) {
  const sqld = await startSqld(join(KEPT_DATA, `${name}-${clinics}x${days}`, 'sqld'));
  const db = createDatabase(sqld);
  await applyMigrations(db);
  const started = performance.now();
  const seeded = await ensureDemoData(db, { hashPassword, clinics, days, log });
  return { sqld, db, seedSeconds: seeded ? Math.round((performance.now() - started) / 100) / 10 : null };
}
