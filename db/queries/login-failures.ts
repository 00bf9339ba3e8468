import { and, count, eq, gt, inArray, lt, min } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { loginFailures } from '../schema/accounts.ts';

/**
 * Records one login attempt against each key, then tells how many attempts each key has in the
 * window. Recording before checking is what makes the limit hold across isolates racing each
 * other: every concurrent attempt sees the others.
 */
export async function recordLoginAttempt(
  db: Database,
  keyHashes: readonly string[],
  now: number,
  windowMs: number,
): Promise<{ ids: number[]; counts: Map<string, { attempts: number; oldestAt: number }> }> {
  const inserted = await db
    .insert(loginFailures)
    .values(keyHashes.map((keyHash) => ({ keyHash, at: now })))
    .returning({ id: loginFailures.id });
  const rows = await db
    .select({ keyHash: loginFailures.keyHash, attempts: count(), oldestAt: min(loginFailures.at) })
    .from(loginFailures)
    .where(and(inArray(loginFailures.keyHash, [...keyHashes]), gt(loginFailures.at, now - windowMs)))
    .groupBy(loginFailures.keyHash);
  return {
    ids: inserted.map((row) => row.id),
    counts: new Map(rows.map((row) => [row.keyHash, { attempts: row.attempts, oldestAt: row.oldestAt ?? now }])),
  };
}

/** Takes back attempts that turned out not to count (refused unheard, or successful). */
export async function forgetLoginAttempts(db: Database, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await db.delete(loginFailures).where(inArray(loginFailures.id, [...ids]));
}

/** A successful login clears the account's count (not the address's: one IP may try many accounts). */
export async function clearLoginAttempts(db: Database, keyHash: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.keyHash, keyHash));
}

/** Drops attempts older than the window; they no longer count for anything. */
export async function pruneLoginAttempts(db: Database, before: number): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.at, before));
}
