import { describe, expect, it } from 'vitest';
import { pushDeliveryFor } from '../../worker/domain/push-delivery.ts';
import { sendPush } from '../../worker/push/send-push.ts';
import { newDevice, queueAlert, vapid } from '../support/push-devices.ts';

describe('sendPush to a push service that does not take the push', () => {
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

});
