import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

/** Whether the database answers, and how fast a trivial round trip is. */
export type DatabaseProbe =
  | { reachable: true; latencyMs: number }
  | { reachable: false; latencyMs: null; error: string };

/** `now` is injected so the measured latency follows the caller's clock. */
export async function probeDatabase(db: Database, now: () => number): Promise<DatabaseProbe> {
  const started = now();
  try {
    await db.run(sql`select 1`);
    return { reachable: true, latencyMs: Math.max(0, now() - started) };
  } catch (error) {
    return { reachable: false, latencyMs: null, error: describeDatabaseError(error) };
  }
}

/** A short reason fit for an operator, without the connection URL or token. */
function describeDatabaseError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.name}${cause}`.slice(0, 200);
  }
  return 'unknown error';
}
