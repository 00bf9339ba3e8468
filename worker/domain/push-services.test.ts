import { describe, expect, it } from 'vitest';
import { BROWSER_PUSH_SERVICES, isPushServiceHost } from './push-services.ts';

describe('push endpoints a subscription may name', () => {
  it("should accept the browsers' push services and nothing else", () => {
    for (const host of ['fcm.googleapis.com', 'updates.push.services.mozilla.com', 'wns2-par02p.notify.windows.com', 'web.push.apple.com', 'api.push.apple.com']) {
      expect(isPushServiceHost(host, BROWSER_PUSH_SERVICES), host).toBe(true);
    }
    for (const host of ['evil.example', 'fcm.googleapis.com.evil.example', 'notify.windows.com', 'push.apple.com', '169.254.169.254', 'localhost']) {
      expect(isPushServiceHost(host, BROWSER_PUSH_SERVICES), host).toBe(false);
    }
  });
});
