import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { pushSubscriptions } from '../../db/schema/notifications.ts';
import { pushDeliveryFor } from '../../worker/domain/push-delivery.ts';
import type { PushMessage } from '../../worker/domain/push-message.ts';
import { sendPush, type VapidIdentity } from '../../worker/push/send-push.ts';
import { newDevice, receivedBy } from '../support/push-devices.ts';
import { api, createWorld, sessionFor, testDatabase, type World } from '../support/world.ts';

/**
 * The Worker sends real pushes over HTTPS to tests/support/push-receiver.ts, which checks them as
 * a push service (VAPID) and a browser (aes128gcm decryption with the subscription's own keys) do.
 */
const receiverUrl = inject('pushReceiverUrl');
const vapid: VapidIdentity = { subject: env.VAPID_SUBJECT, publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY };

/** A browser whose push service answers `status` with a `Location` header pointing at `location`. */
async function redirectingDevice(status: number, location: string) {
  const response = await fetch(`${receiverUrl}/devices`, { method: 'POST', body: JSON.stringify({ answer: status, location }) });
  expect(response.status).toBe(201);
  return z.object({ endpoint: z.string(), expirationTime: z.null(), keys: z.object({ p256dh: z.string(), auth: z.string() }) }).parse(await response.json());
}

const queueAlert: PushMessage = {
  title: "File d'attente trop longue",
  body: 'Cabinet Ennasr : 34 patients en attente (seuil 30).',
  url: '/clinics/clinic-ennasr/live',
  tag: 'alert-queue-too-long-clinic-ennasr',
};

describe('sendPush to a real push service over HTTPS', () => {
  it('should deliver a payload the browser decrypts to the exact JSON, signed with VAPID', async () => {
    const device = await newDevice();
    const before = Math.floor(Date.now() / 1000);

    const result = await sendPush(device, queueAlert, { vapid, delivery: pushDeliveryFor('P1') });

    expect(result).toEqual({ ok: true });
    const [received, ...more] = await receivedBy(device);
    expect(more).toEqual([]);
    expect(received?.error).toBeNull();
    expect(received?.contentEncoding).toBe('aes128gcm');
    expect(JSON.parse(received?.plaintext ?? 'null')).toEqual(queueAlert);
    expect(received?.vapid).toMatchObject({ publicKey: env.VAPID_PUBLIC_KEY, signatureValid: true, header: { alg: 'ES256', typ: 'JWT' } });
    const claims = received?.vapid?.claims;
    expect(claims?.aud).toBe(receiverUrl);
    expect(claims?.sub).toBe('mailto:ops@pulse.tn');
    expect(claims?.exp).toBeTypeOf('number');
    // RFC 8292 §2: no more than 24 hours ahead, and not already expired.
    expect(Number(claims?.exp)).toBeGreaterThan(before);
    expect(Number(claims?.exp)).toBeLessThanOrEqual(before + 24 * 3_600 + 5);
  });

  it('should set Urgency and TTL from the priority: a P0 outage, a long queue, the digest', async () => {
    const device = await newDevice();
    for (const priority of ['P0', 'P2', 'digest'] as const) {
      expect(await sendPush(device, queueAlert, { vapid, delivery: pushDeliveryFor(priority) })).toEqual({ ok: true });
    }
    const received = await receivedBy(device);
    expect(received.map(({ urgency, ttl }) => ({ urgency, ttl }))).toEqual([
      { urgency: 'high', ttl: '900' },
      { urgency: 'normal', ttl: '43200' },
      { urgency: 'low', ttl: '86400' },
    ]);
  });

  it('should report a subscription the push service no longer knows (410, 404) as gone', async () => {
    expect(await sendPush(await newDevice(410), queueAlert, { vapid, delivery: pushDeliveryFor('P2') })).toEqual({ gone: true });
    expect(await sendPush(await newDevice(404), queueAlert, { vapid, delivery: pushDeliveryFor('P2') })).toEqual({ gone: true });
  });

  it('should report a failing or unreachable push service as retryable', async () => {
    expect(await sendPush(await newDevice(500), queueAlert, { vapid, delivery: pushDeliveryFor('P1') })).toEqual({ retryable: true, status: 500 });
    expect(await sendPush(await newDevice(429), queueAlert, { vapid, delivery: pushDeliveryFor('P1') })).toEqual({ retryable: true, status: 429 });
    const unreachable = { ...(await newDevice()), endpoint: 'https://127.0.0.1:1/push/nobody' };
    expect(await sendPush(unreachable, queueAlert, { vapid, delivery: pushDeliveryFor('P1') })).toEqual({ retryable: true, status: null });
  });

  it('should not follow a redirect: the 3xx is a failed delivery, and nothing reaches where it points', async () => {
    // Where a hostile or broken push service sends the Worker: it must never be asked anything.
    const elsewhere = await newDevice();
    for (const status of [301, 302, 303, 307, 308]) {
      const redirecting = await redirectingDevice(status, elsewhere.endpoint);
      expect(await sendPush(redirecting, queueAlert, { vapid, delivery: pushDeliveryFor('P1') }), String(status)).toEqual({ retryable: true, status });
      expect(await receivedBy(redirecting), String(status)).toHaveLength(1);
    }
    expect(await receivedBy(elsewhere)).toEqual([]);
  });
});

describe('push subscriptions API', () => {
  let world: World;
  let owner: string;
  let staff: string;
  const db = testDatabase();
  const rowsOf = (userId: string) => db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));

  beforeAll(async () => {
    world = await createWorld();
    [owner, staff] = await Promise.all([sessionFor(world.ownerA), sessionFor(world.staffA)]);
  });

  it("should give a signed-in user the server's VAPID public key", async () => {
    const response = await api(world, '/push/public-key', { token: owner });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ publicKey: env.VAPID_PUBLIC_KEY });
  });

  it('should keep several devices per user, and update one that subscribes again', async () => {
    const phone = await newDevice();
    const laptop = await newDevice();
    for (const device of [phone, laptop]) {
      expect((await api(world, '/push/subscriptions', { method: 'POST', token: owner, json: device })).status).toBe(204);
    }
    // The phone's browser re-subscribes after a key rotation: same endpoint, new keys.
    const rotated = { ...phone, keys: (await newDevice()).keys };
    expect((await api(world, '/push/subscriptions', { method: 'POST', token: owner, json: rotated })).status).toBe(204);

    const rows = await rowsOf(world.ownerA.id);
    expect(rows.map((row) => ({ endpoint: row.endpoint, p256dh: row.p256dh })).sort((a, b) => a.endpoint.localeCompare(b.endpoint))).toEqual(
      [
        { endpoint: phone.endpoint, p256dh: rotated.keys.p256dh },
        { endpoint: laptop.endpoint, p256dh: laptop.keys.p256dh },
      ].sort((a, b) => a.endpoint.localeCompare(b.endpoint)),
    );
  });

  it('should refuse a subscription that is not https, lacks its keys or points anywhere but a push service', async () => {
    const device = await newDevice();
    // The Worker would POST there: an endpoint on an arbitrary host is refused (SSRF).
    for (const endpoint of ['https://evil.example/push/1', 'https://169.254.169.254/latest/meta-data']) {
      const elsewhere = await api(world, '/push/subscriptions', { method: 'POST', token: staff, json: { ...device, endpoint } });
      expect(elsewhere.status, endpoint).toBe(400);
      expect(await elsewhere.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { field: 'endpoint' } } });
    }
    const plain = await api(world, '/push/subscriptions', { method: 'POST', token: staff, json: { ...device, endpoint: device.endpoint.replace('https:', 'http:') } });
    expect(plain.status).toBe(400);
    const keyless = await api(world, '/push/subscriptions', { method: 'POST', token: staff, json: { endpoint: device.endpoint, keys: { p256dh: device.keys.p256dh } } });
    expect(keyless.status).toBe(400);
    expect(await rowsOf(world.staffA.id)).toEqual([]);
  });

  it('should refuse with 409 an endpoint another user holds, and change nothing of it', async () => {
    const device = await newDevice();
    expect((await api(world, '/push/subscriptions', { method: 'POST', token: staff, json: device })).status).toBe(204);
    const [before] = await rowsOf(world.staffA.id);

    // The owner posts the receptionist's endpoint, with keys of their own: alerts would go to them.
    const taken = await api(world, '/push/subscriptions', { method: 'POST', token: owner, json: { ...device, keys: (await newDevice()).keys } });

    expect(taken.status).toBe(409);
    expect(await taken.json()).toEqual({ error: { code: 'CONFLICT', message: expect.any(String), details: {} } });
    expect(await rowsOf(world.staffA.id)).toEqual([before]);
    expect((await rowsOf(world.ownerA.id)).map((row) => row.endpoint)).not.toContain(device.endpoint);
    await api(world, '/push/subscriptions', { method: 'DELETE', token: staff, json: { endpoint: device.endpoint } });
  });

  it('should keep at most 10 devices per user, dropping the oldest when an 11th subscribes', async () => {
    const admin = await sessionFor(world.superAdmin);
    const devices = [];
    for (let index = 0; index < 11; index += 1) {
      const device = await newDevice();
      devices.push(device);
      expect((await api(world, '/push/subscriptions', { method: 'POST', token: admin, json: device })).status).toBe(204);
    }
    const endpoints = async () => (await rowsOf(world.superAdmin.id)).map((row) => row.endpoint).sort();
    const [oldest, ...newest] = devices.map((device) => device.endpoint);
    expect(await endpoints()).toEqual([...newest].sort());
    expect(await endpoints()).not.toContain(oldest);

    // Subscribing again with a device already kept adds nothing, so it drops nothing.
    expect((await api(world, '/push/subscriptions', { method: 'POST', token: admin, json: devices[1] })).status).toBe(204);
    expect(await endpoints()).toEqual([...newest].sort());
  });

  it("should delete only the caller's own subscription", async () => {
    const device = await newDevice();
    await api(world, '/push/subscriptions', { method: 'POST', token: staff, json: device });

    const byOwner = await api(world, '/push/subscriptions', { method: 'DELETE', token: owner, json: { endpoint: device.endpoint } });
    expect(byOwner.status).toBe(404);
    expect(await rowsOf(world.staffA.id)).toHaveLength(1);

    const byStaff = await api(world, '/push/subscriptions', { method: 'DELETE', token: staff, json: { endpoint: device.endpoint } });
    expect(byStaff.status).toBe(204);
    expect(await rowsOf(world.staffA.id)).toEqual([]);
  });

  it("should send a test push in the user's language, and delete a subscription the push service calls gone", async () => {
    const ownerB = await sessionFor(world.ownerB);
    const working = await newDevice(201);
    const uninstalled = await newDevice(410);
    const broken = await newDevice(503);
    for (const device of [working, uninstalled, broken]) await api(world, '/push/subscriptions', { method: 'POST', token: ownerB, json: device });

    const response = await api(world, '/push/test', { method: 'POST', token: ownerB });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ delivered: 1, removed: 1, failed: 1 });
    const [received] = await receivedBy(working);
    expect(JSON.parse(received?.plaintext ?? 'null')).toEqual({
      title: 'Pulse : notification de test',
      body: 'Les alertes arriveront sur cet appareil.',
      url: '/settings',
      tag: 'pulse-test',
    });
    const rows = await rowsOf(world.ownerB.id);
    expect(rows.map((row) => ({ endpoint: row.endpoint, failureCount: row.failureCount, delivered: row.lastSuccessAt !== null })).sort((a, b) => a.failureCount - b.failureCount)).toEqual([
      { endpoint: working.endpoint, failureCount: 0, delivered: true },
      { endpoint: broken.endpoint, failureCount: 1, delivered: false },
    ]);
  });

  it('should count a device whose push service redirects as failed, not delivered', async () => {
    const elsewhere = await newDevice();
    const redirecting = await redirectingDevice(307, elsewhere.endpoint);
    expect((await api(world, '/push/subscriptions', { method: 'POST', token: staff, json: redirecting })).status).toBe(204);

    const response = await api(world, '/push/test', { method: 'POST', token: staff });

    expect(await response.json()).toEqual({ delivered: 0, removed: 0, failed: 1 });
    expect(await receivedBy(elsewhere)).toEqual([]);
    expect((await rowsOf(world.staffA.id)).map((row) => ({ endpoint: row.endpoint, failureCount: row.failureCount }))).toEqual([{ endpoint: redirecting.endpoint, failureCount: 1 }]);
  });
});
