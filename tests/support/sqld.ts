/**
 * The tests' one way to get a real sqld (Turso's server): its own temp dir, a free loopback port,
 * migrated unless told otherwise, removed with its data when stopped. Used by the integration
 * tests' global setup, the unit tests of Node tooling (seed, migrations, rollups, simulator), the
 * stack tests (several Workers in front of one database) and the orphan test's holder.
 * `sqldForFile` (sqld-for-file.ts) is the same for a whole test file; this module stays free of
 * vitest so a plain Node process (the holder) starts it quickly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Database } from '../../db/client.ts';
import { applyMigrations } from '../../db/migrate.ts';
import { startSqld, type RunningSqld } from '../../scripts/lib/sqld.ts';

export interface TestSqld {
  /** The server as it runs now: `url` and `authToken` are what a Worker gets as LIBSQL_URL and LIBSQL_AUTH_TOKEN. */
  readonly sqld: RunningSqld;
  /** The test's own handle on the database (over HTTP: it outlives a restart). */
  readonly db: Database;
  /** A temp dir of this database's own, for whatever else the test keeps beside it (wrangler state, .dev.vars). */
  readonly dataDir: string;
  /** Starts it again on the same data, port and token after `sqld.process.stop()`: an outage and its end. */
  restart(): Promise<void>;
  /** Stops the server (as it runs now) and deletes its directory. */
  stop(): Promise<void>;
}

export interface TestSqldOptions {
  /** Apply the migrations before answering (default); false for the migrations' own test. */
  migrate?: boolean;
}

/** Starts a sqld in a new temp dir named after `name` and, by default, migrates it. */
export async function startTestSqld(name: string, { migrate = true }: TestSqldOptions = {}): Promise<TestSqld> {
  const dataDir = await mkdtemp(join(tmpdir(), `pulse-${name}-`));
  let sqld: RunningSqld | undefined;
  const stop = async () => {
    await sqld?.process.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    let running = await startSqld(join(dataDir, 'sqld'));
    sqld = running;
    const db = createDatabase({ url: running.url, authToken: running.authToken });
    if (migrate) await applyMigrations(db);
    return {
      get sqld() {
        return running;
      },
      db,
      dataDir,
      async restart() {
        running = await running.restart();
        sqld = running;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
