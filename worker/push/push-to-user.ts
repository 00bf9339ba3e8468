import type { Database } from '../../db/client.ts';
import { forgetPushSubscription, listPushSubscriptions, recordPushFailure, recordPushSuccess } from '../../db/queries/push-subscriptions.ts';
import { pushDeliveryFor, type PushPriority } from '../domain/push-delivery.ts';
import type { PushMessage } from '../domain/push-message.ts';
import { sendPush, type VapidIdentity } from './send-push.ts';

/** What happened on each of a user's devices; `failed` ones are worth a retry (the queue's). */
export interface UserPushOutcome {
  delivered: number;
  /** Subscriptions the push service said are gone, now deleted. */
  removed: number;
  failed: Array<{ subscriptionId: string; status: number | null }>;
}

/**
 * Sends one notification to every device of one user, at the urgency and TTL of its priority.
 * Gone subscriptions (404/410) are deleted here; the others record their success or failure.
 */
export async function pushToUser(
  db: Database,
  userId: string,
  message: PushMessage,
  options: { vapid: VapidIdentity; priority: PushPriority; now: number },
): Promise<UserPushOutcome> {
  const delivery = pushDeliveryFor(options.priority);
  const devices = await listPushSubscriptions(db, userId);
  const results = await Promise.all(
    devices.map(async (device) => ({ device, result: await sendPush({ endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } }, message, { vapid: options.vapid, delivery }) })),
  );
  const outcome: UserPushOutcome = { delivered: 0, removed: 0, failed: [] };
  for (const { device, result } of results) {
    if ('ok' in result) {
      await recordPushSuccess(db, device.id, options.now);
      outcome.delivered += 1;
    } else if ('gone' in result) {
      await forgetPushSubscription(db, device.id);
      outcome.removed += 1;
    } else {
      await recordPushFailure(db, device.id);
      outcome.failed.push({ subscriptionId: device.id, status: result.status });
    }
  }
  return outcome;
}
