import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { pushSubscriptions } from '../schema/notifications.ts';

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;

/**
 * How many browsers one person may register. Every alert is sent to each of them, so the bound
 * keeps one account from turning a notice into an unbounded fan-out of pushes; ten covers a
 * phone, a tablet and browsers on a few computers, re-installed a few times.
 */
export const MAX_PUSH_SUBSCRIPTIONS_PER_USER = 10;

/** `saved`, or `taken` when another user holds the endpoint (nothing was changed then). */
export type SavePushSubscriptionOutcome = 'saved' | 'taken';

/**
 * Saves a browser's subscription for this user. An endpoint identifies one browser profile and
 * belongs to the user who registered it: the same user again replaces its keys and starts its
 * failure count afresh; another user gets `taken` and the row stays as it was (otherwise anyone
 * who learnt an endpoint could divert its owner's alerts). Past the per-user bound the oldest
 * registrations are dropped, never the one just saved. One transaction, so two registrations at
 * once cannot leave more than the bound.
 */
export async function savePushSubscription(
  db: Database,
  subscription: { id: string; userId: string; endpoint: string; p256dh: string; auth: string; createdAt: number },
): Promise<SavePushSubscriptionOutcome> {
  const mine = eq(pushSubscriptions.userId, subscription.userId);
  const kept = db
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(mine)
    // Newest first; rowid breaks ties within one millisecond (a later insert has a larger one).
    .orderBy(desc(sql`${pushSubscriptions.endpoint} = ${subscription.endpoint}`), desc(pushSubscriptions.createdAt), desc(sql`rowid`))
    .limit(MAX_PUSH_SUBSCRIPTIONS_PER_USER);
  const [saved] = await db.batch([
    db
      .insert(pushSubscriptions)
      .values(subscription)
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: { p256dh: subscription.p256dh, auth: subscription.auth, failureCount: 0 },
        // Someone else's row is left alone, and then RETURNING gives nothing.
        setWhere: mine,
      })
      .returning({ id: pushSubscriptions.id }),
    db.delete(pushSubscriptions).where(and(mine, notInArray(pushSubscriptions.id, kept))),
  ]);
  return saved.length === 0 ? 'taken' : 'saved';
}

/** Every device of one user, oldest first. */
export async function listPushSubscriptions(db: Database, userId: string): Promise<PushSubscriptionRow[]> {
  return db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)).orderBy(pushSubscriptions.createdAt, pushSubscriptions.id);
}

/** Removes one of this user's devices; false when the endpoint is not theirs (or unknown). */
export async function deletePushSubscription(db: Database, userId: string, endpoint: string): Promise<boolean> {
  const deleted = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
    .returning({ id: pushSubscriptions.id });
  return deleted.length > 0;
}

/** The push service said the subscription is gone (404/410): it will never work again. */
export async function forgetPushSubscription(db: Database, id: string): Promise<void> {
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
}

export async function recordPushSuccess(db: Database, id: string, now: number): Promise<void> {
  await db.update(pushSubscriptions).set({ lastSuccessAt: now, failureCount: 0 }).where(eq(pushSubscriptions.id, id));
}

export async function recordPushFailure(db: Database, id: string): Promise<void> {
  await db
    .update(pushSubscriptions)
    .set({ failureCount: sql`${pushSubscriptions.failureCount} + 1` })
    .where(eq(pushSubscriptions.id, id));
}
