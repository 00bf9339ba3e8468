import { describe, expect, it } from 'vitest';
import { ApiError, ServerUnreachableError } from '../api/errors';
import {
  applicationServerKey,
  disablePush,
  enablePush,
  readPush,
  type BrowserSubscription,
  type PushBrowser,
  type PushServer,
  type PushTimeLimits,
} from './push-enrolment';

/** A VAPID public key as the server gives it: an uncompressed P-256 point, base64url. */
const PUBLIC_KEY = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U';
const ENDPOINT = 'https://fcm.googleapis.com/fcm/send/dr-ben-salah-phone';

/** Short enough for a test; the browsers below either answer at once or never. */
const LIMITS: PushTimeLimits = { promptMs: 40, browserMs: 40 };

const never = <T>(): Promise<T> => new Promise<T>(() => {});

type Answer<T> = T | 'never' | { reject: unknown };

function settle<T>(answer: Answer<T>): Promise<T> {
  if (answer === 'never') return never();
  if (typeof answer === 'object' && answer !== null && 'reject' in answer) return Promise.reject(answer.reject);
  return Promise.resolve(answer);
}

/** Dr Ben Salah's phone: what its browser answers at each step, and what was asked of it. */
function phone(setup: {
  supported?: boolean;
  permission?: NotificationPermission;
  /** What the person answers to the question. */
  answers?: Answer<NotificationPermission>;
  serviceWorker?: 'ready' | 'never';
  subscribe?: 'ok' | 'never' | { reject: unknown };
  subscribed?: boolean;
}) {
  const asked = { permission: 0, subscribe: [] as Array<{ userVisibleOnly: boolean; applicationServerKey: Uint8Array }>, unsubscribed: 0 };
  let current: BrowserSubscription | null = null;
  let permission = setup.permission ?? 'default';
  const subscription: BrowserSubscription = {
    endpoint: ENDPOINT,
    toJSON: () => ({ endpoint: ENDPOINT, expirationTime: null, keys: { p256dh: 'p256dh-of-the-phone', auth: 'auth-of-the-phone' } }),
    unsubscribe: () => {
      asked.unsubscribed += 1;
      current = null;
      return Promise.resolve(true);
    },
  };
  if (setup.subscribed === true) current = subscription;
  const browser: PushBrowser = {
    supported: setup.supported ?? true,
    permission: () => permission,
    requestPermission: async () => {
      asked.permission += 1;
      permission = await settle(setup.answers ?? 'granted');
      return permission;
    },
    pushManager: () =>
      setup.serviceWorker === 'never'
        ? never()
        : Promise.resolve({
            getSubscription: () => Promise.resolve(current),
            subscribe: async (options) => {
              asked.subscribe.push(options);
              current = await settle(setup.subscribe === undefined || setup.subscribe === 'ok' ? subscription : setup.subscribe);
              return current;
            },
          }),
  };
  return { browser, asked, isSubscribed: () => current !== null };
}

/** Pulse's API as the enrolment sees it, with what it was given. */
function pulse(setup: { publicKey?: Answer<string>; save?: Answer<void>; remove?: Answer<void> } = {}) {
  const saved: PushSubscriptionJSON[] = [];
  const removed: string[] = [];
  const server: PushServer = {
    publicKey: () => settle(setup.publicKey ?? PUBLIC_KEY),
    save: async (subscription) => {
      await settle(setup.save ?? undefined);
      saved.push(subscription);
    },
    remove: async (endpoint) => {
      await settle(setup.remove ?? undefined);
      removed.push(endpoint);
    },
  };
  return { server, saved, removed };
}

const refusal = (code: 'VALIDATION_FAILED' | 'NOT_FOUND', status: number) =>
  new ApiError({ status, code, message: code, details: {}, retryAfterSeconds: null });

describe('applicationServerKey', () => {
  it('should turn the base64url key into the 65 bytes of an uncompressed P-256 point', () => {
    const bytes = applicationServerKey(PUBLIC_KEY);
    expect(bytes).toHaveLength(65);
    expect(bytes[0]).toBe(0x04);
    expect(bytes[1]).toBe(0x49);
    expect(bytes[64]).toBe(0xc5);
  });
});

describe('readPush', () => {
  it('should say a browser without service worker, Push API or notifications cannot receive pushes', async () => {
    const { browser } = phone({ supported: false });
    expect(await readPush(browser, LIMITS)).toEqual({ status: 'unsupported', problem: null });
  });

  it('should say notifications are blocked when the browser denies them, without asking', async () => {
    const { browser, asked } = phone({ permission: 'denied' });
    expect(await readPush(browser, LIMITS)).toEqual({ status: 'denied', problem: null });
    expect(asked.permission).toBe(0);
  });

  it('should read "off" before the question was ever asked, and "on" once subscribed', async () => {
    expect(await readPush(phone({ permission: 'default' }).browser, LIMITS)).toEqual({ status: 'off', problem: null });
    expect(await readPush(phone({ permission: 'granted' }).browser, LIMITS)).toEqual({ status: 'off', problem: null });
    expect(await readPush(phone({ permission: 'granted', subscribed: true }).browser, LIMITS)).toEqual({ status: 'on', problem: null });
  });

  it('should stop waiting for a service worker that never becomes ready', async () => {
    const { browser } = phone({ permission: 'granted', serviceWorker: 'never' });
    expect(await readPush(browser, LIMITS)).toEqual({ status: 'off', problem: { kind: 'noAnswer', step: 'serviceWorker' } });
  });
});

describe('enablePush', () => {
  it('should ask, subscribe with the server key for visible notifications only, and give the subscription to the server', async () => {
    const { browser, asked, isSubscribed } = phone({ permission: 'default', answers: 'granted' });
    const { server, saved } = pulse();

    expect(await enablePush(browser, server, LIMITS)).toEqual({ status: 'on', problem: null });
    expect(asked.permission).toBe(1);
    expect(asked.subscribe).toEqual([{ userVisibleOnly: true, applicationServerKey: applicationServerKey(PUBLIC_KEY) }]);
    expect(saved).toEqual([{ endpoint: ENDPOINT, expirationTime: null, keys: { p256dh: 'p256dh-of-the-phone', auth: 'auth-of-the-phone' } }]);
    expect(isSubscribed()).toBe(true);
    expect(await readPush(browser, LIMITS)).toEqual({ status: 'on', problem: null });
  });

  it('should not ask again once notifications are allowed', async () => {
    const { browser, asked } = phone({ permission: 'granted' });
    expect(await enablePush(browser, pulse().server, LIMITS)).toEqual({ status: 'on', problem: null });
    expect(asked.permission).toBe(0);
  });

  it('should stop at a refusal, and never ask a browser that already blocks Pulse', async () => {
    const refused = phone({ permission: 'default', answers: 'denied' });
    expect(await enablePush(refused.browser, pulse().server, LIMITS)).toEqual({ status: 'denied', problem: null });
    expect(refused.asked.subscribe).toEqual([]);

    const blocked = phone({ permission: 'denied' });
    expect(await enablePush(blocked.browser, pulse().server, LIMITS)).toEqual({ status: 'denied', problem: null });
    expect(blocked.asked.permission).toBe(0);
  });

  it('should say the question was closed without an answer', async () => {
    const { browser, asked } = phone({ permission: 'default', answers: 'default' });
    expect(await enablePush(browser, pulse().server, LIMITS)).toEqual({ status: 'off', problem: { kind: 'dismissed' } });
    expect(asked.subscribe).toEqual([]);
  });

  it('should stop waiting, at the step that never answers: the question, the service worker, the push service', async () => {
    const question = phone({ permission: 'default', answers: 'never' });
    expect(await enablePush(question.browser, pulse().server, LIMITS)).toEqual({ status: 'off', problem: { kind: 'noAnswer', step: 'permission' } });

    const worker = phone({ permission: 'granted', serviceWorker: 'never' });
    expect(await enablePush(worker.browser, pulse().server, LIMITS)).toEqual({ status: 'off', problem: { kind: 'noAnswer', step: 'serviceWorker' } });

    const pushService = phone({ permission: 'granted', subscribe: 'never' });
    const { server, saved } = pulse();
    expect(await enablePush(pushService.browser, server, LIMITS)).toEqual({ status: 'off', problem: { kind: 'noAnswer', step: 'subscription' } });
    expect(saved).toEqual([]);
  });

  it("should report the browser's own failure to subscribe (no push service reachable)", async () => {
    const unreachable = new Error('Registration failed - push service not available');
    const { browser } = phone({ permission: 'granted', subscribe: { reject: unreachable } });
    expect(await enablePush(browser, pulse().server, LIMITS)).toEqual({
      status: 'off',
      problem: { kind: 'browserFailed', step: 'subscription', error: unreachable },
    });
  });

  it('should drop the subscription the server refused, so this device never says "on" while nothing is sent', async () => {
    const refused = refusal('VALIDATION_FAILED', 400);
    const { browser, asked, isSubscribed } = phone({ permission: 'granted' });
    expect(await enablePush(browser, pulse({ save: { reject: refused } }).server, LIMITS)).toEqual({
      status: 'off',
      problem: { kind: 'serverFailed', error: refused },
    });
    expect(asked.unsubscribed).toBe(1);
    expect(isSubscribed()).toBe(false);
  });

  it('should not subscribe without the server key', async () => {
    const down = new ServerUnreachableError('no answer from the server');
    const { browser, asked } = phone({ permission: 'granted' });
    expect(await enablePush(browser, pulse({ publicKey: { reject: down } }).server, LIMITS)).toEqual({
      status: 'off',
      problem: { kind: 'serverFailed', error: down },
    });
    expect(asked.subscribe).toEqual([]);
  });
});

describe('disablePush', () => {
  it('should tell the server, then drop the subscription in the browser', async () => {
    const { browser, isSubscribed } = phone({ permission: 'granted', subscribed: true });
    const { server, removed } = pulse();
    expect(await disablePush(browser, server, LIMITS)).toEqual({ status: 'off', problem: null });
    expect(removed).toEqual([ENDPOINT]);
    expect(isSubscribed()).toBe(false);
  });

  it('should count a subscription the server no longer knows as removed', async () => {
    const { browser, isSubscribed } = phone({ permission: 'granted', subscribed: true });
    expect(await disablePush(browser, pulse({ remove: { reject: refusal('NOT_FOUND', 404) } }).server, LIMITS)).toEqual({ status: 'off', problem: null });
    expect(isSubscribed()).toBe(false);
  });

  it('should stay "on", and say why, while the server cannot be told', async () => {
    const down = new ServerUnreachableError('no answer from the server');
    const { browser, isSubscribed } = phone({ permission: 'granted', subscribed: true });
    expect(await disablePush(browser, pulse({ remove: { reject: down } }).server, LIMITS)).toEqual({
      status: 'on',
      problem: { kind: 'serverFailed', error: down },
    });
    expect(isSubscribed()).toBe(true);
  });

  it('should read "off" when this browser had no subscription left', async () => {
    const { server, removed } = pulse();
    expect(await disablePush(phone({ permission: 'granted' }).browser, server, LIMITS)).toEqual({ status: 'off', problem: null });
    expect(removed).toEqual([]);
  });
});
