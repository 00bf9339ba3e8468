import { createClient, type Client, type InArgs, type InStatement } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/libsql/web';
import * as schema from './schema/index.ts';

/**
 * Told of every round trip: its statement (a batch's first one, with `batch` set), how long it
 * took, whether it failed.
 */
export type QueryObserver = (observed: { statement: string; batch: boolean; seconds: number; failed: boolean }) => void;

/**
 * Where the database is: a local sqld (`http://127.0.0.1:PORT`) or Turso
 * (`libsql://NAME.turso.io` with a token). Nothing downstream can tell which.
 */
export interface DatabaseConfig {
  url: string;
  authToken?: string | undefined;
  /** Metrics: every runtime (worker/runtime/runtime.ts) times its round trips. */
  onQuery?: QueryObserver | undefined;
}

/**
 * A drizzle database over libSQL's HTTP protocol (Hrana), usable in workerd and in Node.
 * Build one per request on Workers: the environment arrives with the request.
 */
export function createDatabase(config: DatabaseConfig) {
  const client = createClient({ url: config.url, authToken: config.authToken, intMode: 'number' });
  return drizzle(config.onQuery === undefined ? client : observed(client, config.onQuery), { schema });
}

export type Database = ReturnType<typeof createDatabase>;

/** The same client, timing `execute` and `batch` (all drizzle sends outside transactions). */
function observed(client: Client, onQuery: QueryObserver): Client {
  const timed = async <T>(statement: InStatement | undefined, batch: boolean, run: () => Promise<T>): Promise<T> => {
    const text = typeof statement === 'object' ? statement.sql : (statement ?? '');
    const started = performance.now();
    try {
      const result = await run();
      onQuery({ statement: text, batch, seconds: (performance.now() - started) / 1000, failed: false });
      return result;
    } catch (error) {
      onQuery({ statement: text, batch, seconds: (performance.now() - started) / 1000, failed: true });
      throw error;
    }
  };
  const execute = (statement: InStatement, args?: InArgs) =>
    timed(statement, false, () => (typeof statement === 'string' ? client.execute(statement, args) : client.execute(statement)));
  const batch: Client['batch'] = (statements, mode) => {
    const first = statements[0];
    return timed(Array.isArray(first) ? first[0] : first, true, () => client.batch(statements, mode));
  };
  return new Proxy(client, {
    get(target, property) {
      if (property === 'execute') return execute;
      if (property === 'batch') return batch;
      const value: unknown = Reflect.get(target, property, target);
      // The client's methods use private fields: they must run on the client, not on the proxy.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
