/** Browsers behind the tests' push service (tests/support/push-receiver.ts), as the workerd tests use them. */
import { env } from 'cloudflare:test';
import { expect, inject } from 'vitest';
import { z } from 'zod';
import type { PushMessage } from '../../worker/domain/push-message.ts';
import type { PushTarget, VapidIdentity } from '../../worker/push/send-push.ts';

/**
 * The Worker sends real pushes over HTTPS to tests/support/push-receiver.ts, which checks them as
 * a push service (VAPID) and a browser (aes128gcm decryption with the subscription's own keys) do.
 */
export const receiverUrl = inject('pushReceiverUrl');

/** The Worker's VAPID identity, as the tests' environment configures it. */
export const vapid: VapidIdentity = { subject: env.VAPID_SUBJECT, publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY };

/** The push a clinic owner gets when the queue grows too long. */
export const queueAlert: PushMessage = {
  title: "File d'attente trop longue",
  body: 'Cabinet Ennasr : 34 patients en attente (seuil 30).',
  url: '/clinics/clinic-ennasr/live',
  tag: 'alert-queue-too-long-clinic-ennasr',
};

const ReceivedSchema = z.array(
  z.object({
    answered: z.number(),
    ttl: z.string().nullable(),
    urgency: z.string().nullable(),
    contentEncoding: z.string().nullable(),
    vapid: z
      .object({
        publicKey: z.string(),
        signatureValid: z.boolean(),
        header: z.record(z.string(), z.unknown()),
        claims: z.object({ aud: z.unknown(), exp: z.unknown(), sub: z.unknown(), iat: z.unknown() }),
      })
      .nullable(),
    plaintext: z.string().nullable(),
    error: z.string().nullable(),
  }),
);

/**
 * A browser subscribing: fresh P-256 keys and auth secret, behind a push service answering
 * `answer`, with a `Location` header pointing at `location` when given (a redirect).
 */
export async function newDevice(answer = 201, location?: string): Promise<PushTarget & { expirationTime: null }> {
  const response = await fetch(`${receiverUrl}/devices`, { method: 'POST', body: JSON.stringify({ answer, location }) });
  expect(response.status).toBe(201);
  return z.object({ endpoint: z.string(), expirationTime: z.null(), keys: z.object({ p256dh: z.string(), auth: z.string() }) }).parse(await response.json());
}

/** The device's push service answers `answer` from now on: e.g. back up after failing. */
export async function answerWith(device: PushTarget, answer: number): Promise<void> {
  const id = device.endpoint.split('/').at(-1);
  const response = await fetch(`${receiverUrl}/devices/${id}/answer`, { method: 'PUT', body: JSON.stringify({ answer }) });
  expect(response.status).toBe(200);
}

export async function receivedBy(device: PushTarget) {
  const id = device.endpoint.split('/').at(-1);
  const response = await fetch(`${receiverUrl}/devices/${id}/received`);
  return ReceivedSchema.parse(await response.json());
}

