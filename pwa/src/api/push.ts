/**
 * Web push as the settings screen drives it (`/api/v1/push/…`): the server's VAPID key to subscribe
 * with, this browser's subscription saved or removed, and a test notification to every one of the
 * user's devices. Each resolves with an answer checked against the contract below, or rejects with
 * the errors of client.ts.
 */
import { z } from 'zod';
import { parseAnswer } from './answer';
import { api, callApi } from './client';
import type { PushTestAnswer } from './contract';

const PublicKeySchema = z.object({ publicKey: z.string().min(1) });

const TestOutcomeSchema = z.object({
  /** Devices whose push service took the notification. */
  delivered: z.number().int().nonnegative(),
  /** Subscriptions the push service said are gone (410), which the server forgot. */
  removed: z.number().int().nonnegative(),
  /** Devices that could not be reached this time. */
  failed: z.number().int().nonnegative(),
}) satisfies z.ZodType<PushTestAnswer>;

export type TestOutcome = z.infer<typeof TestOutcomeSchema>;

export const parsePublicKey = (value: unknown): string => parseAnswer(PublicKeySchema, 'push public key', value).publicKey;
export const parseTestOutcome = (value: unknown): TestOutcome => parseAnswer(TestOutcomeSchema, 'test push', value);

/** `GET /push/public-key`: the applicationServerKey, base64url. */
export async function fetchPushPublicKey(): Promise<string> {
  return parsePublicKey(await callApi(api.push['public-key'].$get()));
}

/**
 * The API's body for a subscription. The browser's JSON of a push subscription always holds its
 * endpoint and keys, but DOM types them optional.
 */
function subscriptionBody(subscription: PushSubscriptionJSON) {
  const { endpoint, expirationTime, keys } = subscription;
  const p256dh = keys?.['p256dh'];
  const auth = keys?.['auth'];
  if (endpoint === undefined || p256dh === undefined || auth === undefined) throw new TypeError('a push subscription without its endpoint or keys');
  return { endpoint, expirationTime, keys: { p256dh, auth } };
}

/** `POST /push/subscriptions`: `PushSubscription.toJSON()` as the browser gives it; saving it again updates it. */
export async function savePushSubscription(subscription: PushSubscriptionJSON): Promise<void> {
  await callApi(api.push.subscriptions.$post({ json: subscriptionBody(subscription) }));
}

/** `DELETE /push/subscriptions`: rejects with NOT_FOUND when the server does not know the endpoint. */
export async function removePushSubscription(endpoint: string): Promise<void> {
  await callApi(api.push.subscriptions.$delete({ json: { endpoint } }));
}

/** `POST /push/test`: what each of the user's devices answered. */
export async function sendTestPush(): Promise<TestOutcome> {
  return parseTestOutcome(await callApi(api.push.test.$post()));
}
