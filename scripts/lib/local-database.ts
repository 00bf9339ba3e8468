/**
 * Where the database CLIs (`db:migrate`, `db:seed`) work: the database named by LIBSQL_URL (and
 * LIBSQL_AUTH_TOKEN), e.g. Turso, when set; else the local default, a sqld on `.data/sqld` started
 * for the command and stopped after it — the same data `npm start` uses (do not run both at once:
 * while `npm start` runs, point LIBSQL_URL at the sqld it prints).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type Database } from '../../db/client.ts';
import { startSqld } from './sqld.ts';

const LOCAL_DATA = fileURLToPath(new URL('../../.data/sqld', import.meta.url));

/** Runs `work` against the database; `where` names it for messages, without credentials. */
export async function withDatabase<Result>(work: (db: Database, where: string) => Promise<Result>): Promise<Result> {
  const url = process.env.LIBSQL_URL;
  if (url !== undefined && url !== '') {
    const db = createDatabase({ url, authToken: process.env.LIBSQL_AUTH_TOKEN });
    return work(db, describeRemote(url));
  }
  const sqld = await startSqld(LOCAL_DATA);
  try {
    return await work(createDatabase({ url: sqld.url, authToken: sqld.authToken }), `the local database (${join('.data', 'sqld')})`);
  } finally {
    await sqld.process.stop();
  }
}

/** The host only: a URL may carry a token in its query string. */
function describeRemote(url: string): string {
  try {
    return new URL(url).host || url.split('?')[0] || 'LIBSQL_URL';
  } catch {
    return 'LIBSQL_URL';
  }
}
