import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import './provided-context.ts';
import { createDatabase } from '../../db/client.ts';
import { applyMigrations } from '../../db/migrate.ts';
import { startSqld } from '../../scripts/lib/sqld.ts';


/**
 * Integration tests talk to a real sqld (Turso's server) over HTTP, exactly as the Worker talks
 * to Turso: one server per run, in a temp dir, migrated, stopped at the end.
 */
export default async function setup(project: TestProject) {
  // wrangler.toml serves the built PWA; the API tests do not need it, only the folder.
  await mkdir(new URL('../../pwa/dist', import.meta.url), { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'pulse-test-db-'));
  const [sqld, service] = await Promise.all([startSqld(join(dataDir, 'sqld')), startSqld(join(dataDir, 'service-sqld'))]);
  await Promise.all([sqld, service].map((server) => applyMigrations(createDatabase({ url: server.url, authToken: server.authToken }))));
  project.provide('libsqlUrl', sqld.url);
  project.provide('libsqlAuthToken', sqld.authToken);
  project.provide('serviceLibsqlUrl', service.url);
  project.provide('serviceLibsqlAuthToken', service.authToken);
  return async () => {
    await Promise.all([sqld.process.stop(), service.process.stop()]);
    await rm(dataDir, { recursive: true, force: true });
  };
}
