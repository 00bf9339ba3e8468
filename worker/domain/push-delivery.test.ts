import { describe, expect, it } from 'vitest';
import { pushDeliveryFor } from './push-delivery.ts';

describe('pushDeliveryFor', () => {
  it('should wake the device for P0 and P1 alerts, with a short life', () => {
    expect(pushDeliveryFor('P0')).toEqual({ urgency: 'high', ttlSeconds: 900 });
    expect(pushDeliveryFor('P1')).toEqual({ urgency: 'high', ttlSeconds: 3_600 });
  });

  it('should let a P2 alert (a long queue) wait for the device at normal urgency', () => {
    expect(pushDeliveryFor('P2')).toEqual({ urgency: 'normal', ttlSeconds: 43_200 });
  });

  it('should send the digest at low urgency, kept for a day', () => {
    expect(pushDeliveryFor('digest')).toEqual({ urgency: 'low', ttlSeconds: 86_400 });
    expect(pushDeliveryFor('P3')).toEqual({ urgency: 'low', ttlSeconds: 86_400 });
  });
});
