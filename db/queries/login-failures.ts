import { and, count, eq, gt, inArray, lt, max } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { loginFailures } from '../schema/accounts.ts';

/** What came before one attempt on one throttle key, within the window. */
export interface PriorFailures {
  failures: number;
  lastAt: number;
}

/**
 * Records one attempt against each key, then tells, per key, how many earlier attempts fall in the
 * window and when the latest was. Recording before reading is what makes the throttle hold across
 * isolates racing each other: an attempt sees every one recorded before it, settled or still in
 * flight, so a burst fired all at once is counted like one fired in turn.
 */
export async function recordLoginAttempt(
  db: Database,
  keyHashes: readonly string[],
  now: number,
  windowMs: number,
): Promise<{ ids: number[]; prior: Map<string, PriorFailures> }> {
  const inserted = await db
    .insert(loginFailures)
    .values(keyHashes.map((keyHash) => ({ keyHash, at: now })))
    .returning({ id: loginFailures.id });
  const ids = inserted.map((row) => row.id);
  const rows = await db
    .select({ keyHash: loginFailures.keyHash, failures: count(), lastAt: max(loginFailures.at) })
    .from(loginFailures)
    .where(and(inArray(loginFailures.keyHash, [...keyHashes]), gt(loginFailures.at, now - windowMs), lt(loginFailures.id, Math.min(...ids))))
    .groupBy(loginFailures.keyHash);
  return { ids, prior: new Map(rows.map((row) => [row.keyHash, { failures: row.failures, lastAt: row.lastAt ?? now }])) };
}

/** Takes back attempts that turned out not to count (refused unheard, or successful). */
export async function forgetLoginAttempts(db: Database, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await db.delete(loginFailures).where(inArray(loginFailures.id, [...ids]));
}

/** A successful sign-in clears its own keys (never the address's: one address may try many accounts). */
export async function clearLoginAttempts(db: Database, keyHash: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.keyHash, keyHash));
}

/** Drops attempts older than the window; they no longer count for anything. */
export async function pruneLoginAttempts(db: Database, before: number): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.at, before));
}
