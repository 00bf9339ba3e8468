import { mkdir } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import './provided-context.ts';
import { startTestSqld } from './sqld.ts';

/**
 * Integration tests talk to a real sqld (Turso's server) over HTTP, exactly as the Worker talks
 * to Turso: one server per run, in a temp dir, migrated, stopped at the end.
 */
export default async function setup(project: TestProject) {
  // wrangler.toml serves the built PWA; the API tests do not need it, only the folder.
  await mkdir(new URL('../../pwa/dist', import.meta.url), { recursive: true });
  const [main, service] = await Promise.all([startTestSqld('test-db'), startTestSqld('test-service-db')]);
  project.provide('libsqlUrl', main.sqld.url);
  project.provide('libsqlAuthToken', main.sqld.authToken);
  project.provide('serviceLibsqlUrl', service.sqld.url);
  project.provide('serviceLibsqlAuthToken', service.sqld.authToken);
  return async () => {
    await Promise.all([main.stop(), service.stop()]);
  };
}
