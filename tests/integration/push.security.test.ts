import { describe, expect, it } from 'vitest';
import { listPushSubscriptions } from '../../db/queries/push-subscriptions.ts';
import { pushDeliveryFor } from '../../worker/domain/push-delivery.ts';
import { sendPush } from '../../worker/push/send-push.ts';
import { newDevice, queueAlert, receivedBy, vapid } from '../support/push-devices.ts';
import { api, signedInWorld, testDatabase } from '../support/world.ts';

describe('sendPush to a push service that redirects', () => {
  it('should not follow a redirect: the 3xx is a failed delivery, and nothing reaches where it points', async () => {
    // Where a hostile or broken push service sends the Worker: it must never be asked anything.
    const elsewhere = await newDevice();
    for (const status of [301, 302, 303, 307, 308]) {
      const redirecting = await newDevice(status, elsewhere.endpoint);
      expect(await sendPush(redirecting, queueAlert, { vapid, delivery: pushDeliveryFor('P1') }), String(status)).toEqual({ retryable: true, status });
      expect(await receivedBy(redirecting), String(status)).toHaveLength(1);
    }
    expect(await receivedBy(elsewhere)).toEqual([]);
  });
});

describe('push subscriptions only ever pointing at push services, each of its own user', () => {
  const signedIn = signedInWorld(['ownerA', 'staffA']);
  const rowsOf = (userId: string) => listPushSubscriptions(testDatabase(), userId);

  it('should refuse a subscription that is not https, lacks its keys or points anywhere but a push service', async () => {
    const { world } = signedIn;
    const staff = signedIn.token('staffA');
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
    const { world } = signedIn;
    const owner = signedIn.token('ownerA');
    const staff = signedIn.token('staffA');
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


  it("should delete only the caller's own subscription", async () => {
    const { world } = signedIn;
    const owner = signedIn.token('ownerA');
    const staff = signedIn.token('staffA');
    const device = await newDevice();
    await api(world, '/push/subscriptions', { method: 'POST', token: staff, json: device });

    const byOwner = await api(world, '/push/subscriptions', { method: 'DELETE', token: owner, json: { endpoint: device.endpoint } });
    expect(byOwner.status).toBe(404);
    expect(await rowsOf(world.staffA.id)).toHaveLength(1);

    const byStaff = await api(world, '/push/subscriptions', { method: 'DELETE', token: staff, json: { endpoint: device.endpoint } });
    expect(byStaff.status).toBe(204);
    expect(await rowsOf(world.staffA.id)).toEqual([]);
  });


  it('should count a device whose push service redirects as failed, not delivered', async () => {
    const { world } = signedIn;
    const staff = signedIn.token('staffA');
    const elsewhere = await newDevice();
    const redirecting = await newDevice(307, elsewhere.endpoint);
    expect((await api(world, '/push/subscriptions', { method: 'POST', token: staff, json: redirecting })).status).toBe(204);

    const response = await api(world, '/push/test', { method: 'POST', token: staff });

    expect(await response.json()).toEqual({ delivered: 0, removed: 0, failed: 1 });
    expect(await receivedBy(elsewhere)).toEqual([]);
    expect((await rowsOf(world.staffA.id)).map((row) => ({ endpoint: row.endpoint, failureCount: row.failureCount }))).toEqual([{ endpoint: redirecting.endpoint, failureCount: 1 }]);
  });
});
