import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '../../db/client.ts';
import { applyMigrations } from '../../db/migrate.ts';
import { ensureDemoData } from '../../db/seed/ensure-demo-data.ts';
import { ensureDevVars } from './dev-vars.ts';
import { findFreePort } from './free-port.ts';
import { startManagedProcess, type ManagedProcess } from './managed-process.ts';
import { startSqld, type RunningSqld } from './sqld.ts';
import { waitForHttp } from './wait-for.ts';
import { hashPassword } from '../../worker/auth/password.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRANGLER = join(PROJECT_ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

/** The whole product running locally: sqld, the migrated (and maybe seeded) database, wrangler dev. */
export interface Stack {
  /** Where the PWA and the API answer. */
  url: string;
  libsqlUrl: string;
  libsqlAuthToken: string;
  /** Stops only the Worker (the database keeps running), e.g. to test the PWA offline. */
  stopWorker(): Promise<void>;
  /** Stops everything this stack started. */
  stop(): Promise<void>;
}

export interface StackOptions {
  /** sqld data, wrangler state and the runtime env file go here. */
  dataDir: string;
  /** Seed the demo data when the database has no clinic yet. */
  seed: boolean;
  /** The Worker's secrets; created with fresh random values when missing. Defaults to dataDir/.dev.vars. */
  devVarsPath?: string;
  /**
   * An already running database to use instead of starting sqld: several Workers sharing one
   * database, as isolates in production do. Migrations and seeding are then the caller's.
   */
  database?: { url: string; authToken: string };
  /** Port for wrangler dev; a free one when omitted. */
  port?: number;
  /** Another wrangler configuration than wrangler.toml, e.g. a second Worker bound to the first one's Durable Objects. */
  configPath?: string;
  /** Worker variables for this run (a test's SMTP server, say), over .dev.vars and wrangler.toml. */
  vars?: Record<string, string>;
  /** More environment for wrangler, e.g. WRANGLER_REGISTRY_PATH to keep a test's dev registry to itself. */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

/** The caller's database, or a new sqld of our own, migrated and (if asked) seeded. */
async function provideDatabase(
  options: StackOptions,
  log: (line: string) => void,
): Promise<{ database: { url: string; authToken: string }; sqld?: RunningSqld }> {
  if (options.database !== undefined) return { database: options.database };
  const sqld = await startSqld(join(options.dataDir, 'sqld'), (line) => log(`[sqld] ${line}`));
  try {
    const db = createDatabase(sqld);
    await applyMigrations(db);
    if (options.seed) await ensureDemoData(db, { hashPassword, log });
    return { database: sqld, sqld };
  } catch (error) {
    await sqld.process.stop();
    throw error;
  }
}

/** Starts the stack and resolves once `GET /api/v1/health` answers 200 through wrangler dev. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? (() => {});
  await mkdir(options.dataDir, { recursive: true });
  const { database, sqld } = await provideDatabase(options, log);
  let worker: ManagedProcess | undefined;
  const stop = async () => {
    await worker?.stop();
    await sqld?.process.stop();
  };
  try {
    const devVarsPath = options.devVarsPath ?? join(options.dataDir, '.dev.vars');
    await ensureDevVars(devVarsPath);
    // Later env files win: the runtime one points the Worker at this run's sqld port.
    const port = options.port ?? (await findFreePort());
    const runtimeEnvPath = join(options.dataDir, 'runtime.env');
    const runtimeVars = { LIBSQL_URL: database.url, LIBSQL_AUTH_TOKEN: database.authToken, PUBLIC_URL: `http://127.0.0.1:${port}`, ...options.vars };
    await writeFile(runtimeEnvPath, Object.entries(runtimeVars).map(([name, value]) => `${name}=${value}\n`).join(''), { mode: 0o600 });

    worker = startManagedProcess(
      'wrangler',
      process.execPath,
      [
        WRANGLER,
        'dev',
        ...(options.configPath === undefined ? [] : [`--config=${options.configPath}`]),
        '--ip=127.0.0.1',
        `--port=${port}`,
        `--inspector-port=${await findFreePort()}`,
        `--env-file=${devVarsPath}`,
        `--env-file=${runtimeEnvPath}`,
        `--persist-to=${join(options.dataDir, 'wrangler')}`,
        '--show-interactive-dev-session=false',
        '--log-level=warn',
      ],
      {
        cwd: PROJECT_ROOT,
        // No telemetry, no interactive UI, and no download of Cloudflare's sample `Request.cf`
        // (offline it fails on every reload; the placeholder is all local runs need).
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false', ...options.env },
        onLine: (line) => log(`[worker] ${line}`),
      },
    );
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/api/v1/health`, { timeoutMs: 90_000, exited: worker.exited, accept: readyEnough });
    const running = worker;
    return { url, libsqlUrl: database.url, libsqlAuthToken: database.authToken, stopWorker: () => running.stop(), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Ready once health answers 200, or 503 for stale scheduled jobs alone: wrangler dev fires no cron
 * by itself (`npm start` drives them, see local-cron.ts), and a persisted .data/ remembers jobs
 * that have not run since the last session.
 */
function readyEnough(status: number, body: string): boolean {
  if (status === 200) return true;
  if (status !== 503) return false;
  try {
    const failing: unknown = (JSON.parse(body) as { failing?: unknown }).failing;
    return Array.isArray(failing) && failing.length === 1 && failing[0] === 'cron';
  } catch {
    return false;
  }
}
