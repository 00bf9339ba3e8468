import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const REPO = resolve(import.meta.dirname, '../..');

/**
 * Builds pwa/dist in a child process with NODE_ENV=production: vitest sets NODE_ENV=test, and
 * vite-plugin-pwa builds the service worker with Workbox's development logging unless it reads
 * "production" there. `npm test` builds it once before any test starts (every wrangler dev of the
 * run serves pwa/dist and reloads when it changes), so here only a missing build is made.
 */
export async function buildPwa(): Promise<void> {
  if (existsSync(join(REPO, 'pwa/dist/index.html'))) return;
  const vite = join(REPO, 'node_modules/vite/bin/vite.js');
  await promisify(execFile)(process.execPath, [vite, 'build', '--config', 'pwa/vite.config.ts', '--logLevel', 'warn'], {
    cwd: REPO,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
