import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../../db/client.ts';
import { applyMigrations } from '../../db/migrate.ts';
import { startSqld } from '../../scripts/lib/sqld.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** LIBSQL_URL of the real sqld this test run migrated. */
    libsqlUrl: string;
    /** LIBSQL_AUTH_TOKEN for it: sqld checks JWTs as Turso does. */
    libsqlAuthToken: string;
  }
}

/**
 * Integration tests talk to a real sqld (Turso's server) over HTTP, exactly as the Worker talks
 * to Turso: one server per run, in a temp dir, migrated, stopped at the end.
 */
export default async function setup(project: TestProject) {
  // wrangler.toml serves the built PWA; the API tests do not need it, only the folder.
  await mkdir(new URL('../../pwa/dist', import.meta.url), { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'pulse-test-db-'));
  const sqld = await startSqld(join(dataDir, 'sqld'));
  await applyMigrations(createDatabase({ url: sqld.url, authToken: sqld.authToken }));
  project.provide('libsqlUrl', sqld.url);
  project.provide('libsqlAuthToken', sqld.authToken);
  return async () => {
    await sqld.process.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
