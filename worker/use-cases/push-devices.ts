import type { Database } from '../../db/client.ts';
import { deletePushSubscription, savePushSubscription } from '../../db/queries/push-subscriptions.ts';
import { isPushServiceHost } from '../domain/push-services.ts';
import type { Locale } from '../domain/vocabulary.ts';
import type { Config } from '../env.ts';
import { pushToUser } from '../push/push-to-user.ts';
import type { Clock } from '../runtime/clock.ts';
import { textsFor } from '../texts/catalogue.ts';
import { failed, succeeded, type Result } from './result.ts';

/** What a person's push devices need: the database, the clock, and the push services and identity configured. */
export interface PushRuntime {
  config: Pick<Config, 'vapid' | 'pushServiceHosts'>;
  db: Database;
  clock: Clock;
}

/** A browser's subscription, as `PushSubscription.toJSON()` gives it. */
export interface BrowserSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/**
 * Registers a browser for `userId`'s notifications (again: updates it). An endpoint belongs to the
 * user who registered it: `endpoint_taken` when it is another's, and nothing changes.
 */
export async function subscribeDevice(
  { config, db, clock }: PushRuntime,
  userId: string,
  { endpoint, keys }: BrowserSubscription,
): Promise<Result<void, 'not_a_push_service' | 'endpoint_taken'>> {
  // Only browser push services: the Worker would otherwise post to any host it is given.
  if (!isPushServiceHost(new URL(endpoint).hostname, config.pushServiceHosts)) return failed('not_a_push_service');
  const outcome = await savePushSubscription(db, { id: crypto.randomUUID(), userId, endpoint, p256dh: keys.p256dh, auth: keys.auth, createdAt: clock.now() });
  return outcome === 'taken' ? failed('endpoint_taken') : succeeded(undefined);
}

/** Stops notifications to one of `userId`'s browsers; someone else's endpoint is as unknown as a made-up one. */
export async function unsubscribeDevice({ db }: Pick<PushRuntime, 'db'>, userId: string, endpoint: string): Promise<Result<void, 'no_such_subscription'>> {
  return (await deletePushSubscription(db, userId, endpoint)) ? succeeded(undefined) : failed('no_such_subscription');
}

/** A test notification to every browser of a person, in their language: what each device answered. */
export async function sendTestNotification({ config, db, clock }: PushRuntime, user: { id: string; locale: Locale }) {
  const outcome = await pushToUser(db, user.id, { ...textsFor(user.locale).push.test, url: '/settings', tag: 'pulse-test' }, { vapid: config.vapid, priority: 'P1', now: clock.now() });
  return { delivered: outcome.delivered, removed: outcome.removed, failed: outcome.failed.length };
}
