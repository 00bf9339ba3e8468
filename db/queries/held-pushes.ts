/**
 * Alert pushes held by their recipient's quiet hours (alert_held_pushes): held by the delivery
 * job, released by the release job when the quiet hours end, or given up to the digest when the
 * alert resolved meanwhile. Each row is finished once: a guarded update of `done_at`.
 */
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { alertHeldPushes } from '../schema/alerts.ts';

export type HeldPushRow = typeof alertHeldPushes.$inferSelect;

export interface HeldPushKey {
  instanceId: string;
  userId: string;
  noticeAt: number;
}

/**
 * Holds one push until `releaseAt`. One held push per alert and person at a time is enough: a
 * reminder during the same night says nothing the morning's push will not, so it adds no row.
 * Answers whether a row was added.
 */
export async function holdPush(db: Database, held: HeldPushKey & { heldAt: number; releaseAt: number }): Promise<boolean> {
  const [waiting] = await db
    .select({ noticeAt: alertHeldPushes.noticeAt })
    .from(alertHeldPushes)
    .where(and(eq(alertHeldPushes.instanceId, held.instanceId), eq(alertHeldPushes.userId, held.userId), isNull(alertHeldPushes.doneAt)))
    .limit(1);
  if (waiting !== undefined) return false;
  const inserted = await db.insert(alertHeldPushes).values(held).onConflictDoNothing().returning({ noticeAt: alertHeldPushes.noticeAt });
  return inserted.length > 0;
}

/** Held pushes whose quiet hours are over at `at`, oldest release first (alert_held_pushes_release_idx). */
export function dueHeldPushes(db: Database, at: number, limit: number): Promise<HeldPushRow[]> {
  return db
    .select()
    .from(alertHeldPushes)
    .where(and(isNull(alertHeldPushes.doneAt), lte(alertHeldPushes.releaseAt, at)))
    .orderBy(asc(alertHeldPushes.releaseAt))
    .limit(limit);
}

/**
 * Finishes a held push as `sent` or `digest`, if nobody has yet: true for the one caller that did.
 * A release job delivered twice, or two at once, pushes once.
 */
export async function finishHeldPush(db: Database, key: HeldPushKey, outcome: 'sent' | 'digest', at: number): Promise<boolean> {
  const finished = await db
    .update(alertHeldPushes)
    .set({ doneAt: at, outcome })
    .where(and(eq(alertHeldPushes.instanceId, key.instanceId), eq(alertHeldPushes.userId, key.userId), eq(alertHeldPushes.noticeAt, key.noticeAt), isNull(alertHeldPushes.doneAt)))
    .returning({ noticeAt: alertHeldPushes.noticeAt });
  return finished.length > 0;
}

/**
 * Changes the mind of the caller that claimed a push as `sent` at `claimedAt`: back to waiting
 * (`null`: its push service failed, the next release run tries again) or given to the digest (no
 * device reached any more).
 */
export async function settleClaimedHeldPush(db: Database, key: HeldPushKey, claimedAt: number, outcome: 'digest' | null): Promise<void> {
  await db
    .update(alertHeldPushes)
    .set(outcome === null ? { doneAt: null, outcome: null } : { outcome })
    .where(and(eq(alertHeldPushes.instanceId, key.instanceId), eq(alertHeldPushes.userId, key.userId), eq(alertHeldPushes.noticeAt, key.noticeAt), eq(alertHeldPushes.doneAt, claimedAt)));
}

/** The held pushes of one alert, for its history and the tests. */
export function heldPushesOf(db: Database, instanceId: string): Promise<HeldPushRow[]> {
  return db.select().from(alertHeldPushes).where(eq(alertHeldPushes.instanceId, instanceId)).orderBy(asc(alertHeldPushes.userId), asc(alertHeldPushes.noticeAt));
}
