import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { listPushSubscriptions } from '../../db/queries/push-subscriptions.ts';
import { pushDeliveryFor } from '../../worker/domain/push-delivery.ts';
import { sendPush } from '../../worker/push/send-push.ts';
import { newDevice, queueAlert, receivedBy, receiverUrl, vapid } from '../support/push-devices.ts';
import { api, signedInWorld, sessionFor, testDatabase } from '../support/world.ts';

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

});

describe('push subscriptions API', () => {
  const signedIn = signedInWorld(['ownerA']);
  const rowsOf = (userId: string) => listPushSubscriptions(testDatabase(), userId);

  it("should give a signed-in user the server's VAPID public key", async () => {
    const { world } = signedIn;
    const owner = signedIn.token('ownerA');
    const response = await api(world, '/push/public-key', { token: owner });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ publicKey: env.VAPID_PUBLIC_KEY });
  });

  it('should keep several devices per user, and update one that subscribes again', async () => {
    const { world } = signedIn;
    const owner = signedIn.token('ownerA');
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

  it('should keep at most 10 devices per user, dropping the oldest when an 11th subscribes', async () => {
    const { world } = signedIn;
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

  it("should send a test push in the user's language, and delete a subscription the push service calls gone", async () => {
    const { world } = signedIn;
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

});
