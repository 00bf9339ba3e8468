import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { pushSubscriptions } from '../schema/notifications.ts';

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;

/**
 * Saves a browser's subscription for this user. An endpoint identifies one browser profile, so
 * the same endpoint again replaces its keys and owner (someone else signed in on that browser)
 * and starts its failure count afresh.
 */
export async function savePushSubscription(
  db: Database,
  subscription: { id: string; userId: string; endpoint: string; p256dh: string; auth: string; createdAt: number },
): Promise<void> {
  await db
    .insert(pushSubscriptions)
    .values(subscription)
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { userId: subscription.userId, p256dh: subscription.p256dh, auth: subscription.auth, failureCount: 0 },
    });
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
