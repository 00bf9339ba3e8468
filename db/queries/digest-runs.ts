/**
 * The "exactly once per recipient and week" of the Monday digest. A run claims its row first
 * (the unique index lets one claim win); only the winner sends; the row then says it was sent.
 * A claim whose send failed is released for the retry; one whose worker died mid-send is taken
 * over once it is older than any consumer can run, so a lost worker delays a digest, never drops it.
 */
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { DigestKind } from '../../worker/domain/vocabulary.ts';
import type { Database } from '../client.ts';
import { digestRuns } from '../schema/notifications.ts';

export interface DigestRunKey {
  userId: string;
  kind: DigestKind;
  /** The clinic id, or `service`. */
  scopeKey: string;
  /** The Monday that starts the week summarised. */
  periodStart: string;
}

/** A queue consumer runs at most 15 minutes: a claim older than that has no one behind it. */
export const DIGEST_CLAIM_STALE_MS = 15 * 60_000;

/** The id of the claimed run when this caller is the one to send, else null (sent or being sent). */
export async function claimDigestRun(db: Database, key: DigestRunKey, now: number): Promise<string | null> {
  const [inserted] = await db
    .insert(digestRuns)
    .values({ id: crypto.randomUUID(), ...key, claimedAt: now })
    .onConflictDoNothing()
    .returning({ id: digestRuns.id });
  if (inserted !== undefined) return inserted.id;
  const [takenOver] = await db
    .update(digestRuns)
    .set({ claimedAt: now, error: null })
    .where(
      and(
        eq(digestRuns.userId, key.userId),
        eq(digestRuns.kind, key.kind),
        eq(digestRuns.scopeKey, key.scopeKey),
        eq(digestRuns.periodStart, key.periodStart),
        isNull(digestRuns.sentAt),
        lt(digestRuns.claimedAt, now - DIGEST_CLAIM_STALE_MS),
      ),
    )
    .returning({ id: digestRuns.id });
  return takenOver?.id ?? null;
}

export async function markDigestSent(db: Database, id: string, now: number): Promise<void> {
  await db.update(digestRuns).set({ sentAt: now, error: null }).where(eq(digestRuns.id, id));
}

/** Gives the claim back after a failed send, with the reason, so the queue's retry can take it. */
export async function releaseDigestRun(db: Database, id: string, error: string): Promise<void> {
  await db.update(digestRuns).set({ claimedAt: 0, error: error.slice(0, 500) }).where(and(eq(digestRuns.id, id), isNull(digestRuns.sentAt)));
}

/** How many of these recipients already have this week's digest (the manual "send now" reports it). */
export async function sentDigestUsers(db: Database, kind: DigestKind, scopeKey: string, periodStart: string): Promise<Set<string>> {
  const rows = await db
    .select({ userId: digestRuns.userId, sentAt: digestRuns.sentAt })
    .from(digestRuns)
    .where(and(eq(digestRuns.kind, kind), eq(digestRuns.scopeKey, scopeKey), eq(digestRuns.periodStart, periodStart)));
  return new Set(rows.filter((row) => row.sentAt !== null).map((row) => row.userId));
}

/** Keeps the claim with the reason the mail server refused it: not retried, visible to the operator. */
export async function recordDigestRefusal(db: Database, id: string, error: string): Promise<void> {
  await db.update(digestRuns).set({ error: error.slice(0, 500) }).where(eq(digestRuns.id, id));
}
