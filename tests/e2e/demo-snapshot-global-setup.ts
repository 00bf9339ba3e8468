import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import '../support/provided-context.ts';
import { createDatabase } from '../../db/client.ts';
import { applyMigrations } from '../../db/migrate.ts';
import { ensureDemoData } from '../../db/seed/ensure-demo-data.ts';
import { startSqld } from '../../scripts/lib/sqld.ts';
import { hashPassword } from '../../worker/auth/password.ts';

/**
 * The demo database, seeded once per run: every e2e test file starts its own stack (`npm start`'s
 * product, its own Worker state and database) from a copy of this stopped sqld's folder instead of
 * seeding the demo again, which took half a minute a file. Its history ends when the run starts.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'pulse-e2e-demo-'));
  const snapshot = join(dir, 'sqld');
  const sqld = await startSqld(snapshot);
  try {
    const db = createDatabase(sqld);
    await applyMigrations(db);
    await ensureDemoData(db, { hashPassword });
  } finally {
    await sqld.process.stop();
  }
  project.provide('demoSnapshot', snapshot);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
