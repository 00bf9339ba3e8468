/** Browsers behind the tests' push service (tests/support/push-receiver.ts), as the workerd tests use them. */
import { expect, inject } from 'vitest';
import { z } from 'zod';
import type { PushTarget } from '../../worker/push/send-push.ts';

const receiverUrl = inject('pushReceiverUrl');

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

/** A browser subscribing: fresh P-256 keys and auth secret, behind a push service answering `answer`. */
export async function newDevice(answer = 201): Promise<PushTarget & { expirationTime: null }> {
  const response = await fetch(`${receiverUrl}/devices`, { method: 'POST', body: JSON.stringify({ answer }) });
  expect(response.status).toBe(201);
  return z.object({ endpoint: z.string(), expirationTime: z.null(), keys: z.object({ p256dh: z.string(), auth: z.string() }) }).parse(await response.json());
}

export async function receivedBy(device: PushTarget) {
  const id = device.endpoint.split('/').at(-1);
  const response = await fetch(`${receiverUrl}/devices/${id}/received`);
  return ReceivedSchema.parse(await response.json());
}

