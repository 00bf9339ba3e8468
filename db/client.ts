import { createClient } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/libsql/web';
import * as schema from './schema/index.ts';

/**
 * Where the database is: a local sqld (`http://127.0.0.1:PORT`) or Turso
 * (`libsql://NAME.turso.io` with a token). Nothing downstream can tell which.
 */
export interface DatabaseConfig {
  url: string;
  authToken?: string | undefined;
}

/**
 * A drizzle database over libSQL's HTTP protocol (Hrana), usable in workerd and in Node.
 * Build one per request on Workers: the environment arrives with the request.
 */
export function createDatabase(config: DatabaseConfig) {
  const client = createClient({ url: config.url, authToken: config.authToken, intMode: 'number' });
  return drizzle(client, { schema });
}

export type Database = ReturnType<typeof createDatabase>;
