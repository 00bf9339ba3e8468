/**
 * The Worker straight in workerd, without wrangler dev: the bundle `wrangler deploy --dry-run`
 * would upload, run by Miniflare with the bindings wrangler.toml declares, answering on workerd's
 * own socket. What wrangler dev adds in front (its Node proxy and its own proxy Worker) is gone, so
 * the same phases measured both ways show what that hop costs here and what is ours.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { convertV4MiniflareOptions, Miniflare, type V4MiniflareOptions } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { ensureDevVars } from '../scripts/lib/dev-vars.ts';
import { findFreePort } from '../scripts/lib/free-port.ts';
import { startManagedProcess } from '../scripts/lib/managed-process.ts';
import type { Stack } from '../scripts/lib/stack.ts';
import { waitForHttp } from '../scripts/lib/wait-for.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const WRANGLER = join(PROJECT_ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

/** The bundle wrangler would deploy, written to `outDir`. */
async function bundleWorker(outDir: string): Promise<string> {
  const said: string[] = [];
  const build = startManagedProcess('wrangler', process.execPath, [WRANGLER, 'deploy', '--dry-run', `--outdir=${outDir}`], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
    onLine: (line) => said.push(line),
  });
  const code = await build.exited;
  if (code !== 0) throw new Error(`wrangler deploy --dry-run exited with ${code}:\n${said.slice(-20).join('\n')}`);
  return join(outDir, 'index.js');
}

/** The same Worker as `startStack`'s, over the caller's database, served by workerd alone. */
export async function startDirectWorker(options: { dataDir: string; database: { url: string; authToken: string } }): Promise<Stack> {
  await mkdir(options.dataDir, { recursive: true });
  const scriptPath = await bundleWorker(join(options.dataDir, 'bundle'));
  const devVarsPath = join(options.dataDir, '.dev.vars');
  await ensureDevVars(devVarsPath);
  const secrets = parseEnv(await readFile(devVarsPath, 'utf8'));
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  // The bundle is one module: the rules for loading more (text, wasm) have nothing to apply to.
  const { modulesRules: _rules, ...workerOptions } = unstable_getMiniflareWorkerOptions(join(PROJECT_ROOT, 'wrangler.toml')).workerOptions;
  // wrangler hands out options in Miniflare's v4 shape; Miniflare converts them, as wrangler does.
  const v4: V4MiniflareOptions = {
    host: '127.0.0.1',
    port,
    resourcePersistencePath: join(options.dataDir, 'state'),
    // The Worker's request log would be printed for every request: only warnings and errors are
    // shown, as wrangler dev's --log-level=warn does.
    handleStructuredLogs: (log) => {
      if (log.level === 'warn' || log.level === 'error') process.stderr.write(`[workerd] ${log.message}\n`);
    },
    workers: [
      {
        ...workerOptions,
        name: 'pulse',
        // Module names are paths under this: the bundle's own directory.
        rootPath: join(options.dataDir, 'bundle'),
        modules: true,
        scriptPath,
        // Scheduled work stays off, as under wrangler dev: the benchmark drives what it measures.
        cronTriggers: [],
        bindings: { ...(workerOptions.bindings as Record<string, unknown>), ...secrets, LIBSQL_URL: options.database.url, LIBSQL_AUTH_TOKEN: options.database.authToken, PUBLIC_URL: url },
      },
    ],
  } as V4MiniflareOptions;
  const miniflare = new Miniflare(convertV4MiniflareOptions(v4));
  const ready = await miniflare.ready;
  const stop = () => miniflare.dispose();
  try {
    await waitForHttp(`${url}/api/v1/health/live`, { timeoutMs: 60_000 });
  } catch (error) {
    await stop();
    throw error;
  }
  if (Number(ready.port) !== port) throw new Error(`workerd answers on ${ready.href}, not ${url}`);
  return { url, libsqlUrl: options.database.url, libsqlAuthToken: options.database.authToken, stopWorker: stop, stop };
}
