import { buildPushPayload, type PushSubscription } from '@block65/webcrypto-web-push';
import type { PushDelivery } from '../domain/push-delivery.ts';
import type { PushMessage } from '../domain/push-message.ts';

/** The application server's VAPID identity (RFC 8292): a P-256 key pair and a contact. */
export interface VapidIdentity {
  /** `mailto:` or `https:` contact the push service may use about this sender. */
  subject: string;
  /** Uncompressed P-256 point, base64url (what the browser's `applicationServerKey` takes). */
  publicKey: string;
  /** The private scalar `d`, base64url. */
  privateKey: string;
}

/** A device as the browser described it (`PushSubscription.toJSON()`), without its expiry. */
export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/**
 * The push service's answer, as the caller must act on it: `gone` means the subscription no
 * longer exists (delete it); `retryable` means it was not delivered, try again later (the queue's
 * retry does) — a redirect among them. `status` is null when no answer came at all (DNS, TLS,
 * connection).
 */
export type PushResult = { ok: true } | { gone: true } | { retryable: true; status: number | null };

/** RFC 8030 §7.3 / common practice: the subscription expired or was unsubscribed. */
const GONE_STATUSES = new Set([404, 410]);

/**
 * Sends one notification to one device: payload encrypted with aes128gcm (RFC 8291), request
 * signed with VAPID (RFC 8292), urgency and TTL as `delivery` says (see `pushDeliveryFor`).
 * Throws only for a misconfigured sender (bad VAPID keys) or a malformed subscription, which no
 * retry would fix.
 *
 * Redirects are not followed: the endpoint's host was checked against the push services when it
 * was registered, and a redirect would send the Worker's request (and its VAPID signature, made
 * for that host) anywhere, internal hosts included. No push service redirects a push (RFC 8030
 * §5 answers 201), so a 3xx is a failed delivery.
 */
export async function sendPush(target: PushTarget, message: PushMessage, options: { vapid: VapidIdentity; delivery: PushDelivery }): Promise<PushResult> {
  const subscription: PushSubscription = { endpoint: target.endpoint, expirationTime: null, keys: target.keys };
  const request = await buildPushPayload(
    { data: message, options: { ttl: options.delivery.ttlSeconds, urgency: options.delivery.urgency } },
    subscription,
    options.vapid,
  );
  let response: Response;
  try {
    response = await fetch(target.endpoint, { ...request, redirect: 'manual' });
  } catch {
    return { retryable: true, status: null };
  }
  // Nothing in the answer is needed; reading it frees the connection.
  await response.body?.cancel();
  if (response.ok) return { ok: true };
  if (GONE_STATUSES.has(response.status)) return { gone: true };
  return { retryable: true, status: response.status };
}

