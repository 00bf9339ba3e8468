/**
 * Turning web push on and off on this device: the browser's permission, its push subscription and
 * the server's copy of it, step by step. The browser and the server are passed in, so the whole
 * flow runs in tests with a browser that refuses, never answers or has no push at all.
 *
 * Every function resolves with where this device stands (`status`) and, when a step went wrong,
 * which and how (`problem`), for the screen to put into words; none rejects but on a bug of its own.
 */
import { ApiError } from '../api/errors';

/** A push subscription as the browser hands it over. */
export interface BrowserSubscription {
  readonly endpoint: string;
  toJSON(): PushSubscriptionJSON;
  unsubscribe(): Promise<boolean>;
}

/** The service worker registration's push manager. */
export interface BrowserPushManager {
  getSubscription(): Promise<BrowserSubscription | null>;
  subscribe(options: { userVisibleOnly: true; applicationServerKey: Uint8Array<ArrayBuffer> }): Promise<BrowserSubscription>;
}

/** What web push needs from the browser. */
export interface PushBrowser {
  /** A service worker, the Push API and notifications are all there (iOS has none of them in a Safari tab). */
  readonly supported: boolean;
  permission(): NotificationPermission;
  /** Shows the browser's question; must be called while handling the user's tap. */
  requestPermission(): Promise<NotificationPermission>;
  /** Resolves once Pulse's service worker is active: it receives the pushes. */
  pushManager(): Promise<BrowserPushManager>;
}

/** What web push needs from Pulse's API (api/push.ts). */
export interface PushServer {
  publicKey(): Promise<string>;
  save(subscription: PushSubscriptionJSON): Promise<void>;
  remove(endpoint: string): Promise<void>;
}

/** How long each browser step may take before it counts as never answering. */
export interface PushTimeLimits {
  /** The permission question: a person reads it and decides. */
  promptMs: number;
  /** Steps the browser takes alone (service worker, push service). */
  browserMs: number;
}

/**
 * A minute to answer the question, then the screen says something rather than wait forever;
 * the browser's own steps get the API's patience (api/client.ts).
 */
export const PUSH_TIME_LIMITS: PushTimeLimits = { promptMs: 60_000, browserMs: 15_000 };

export type PushStatus =
  /** This browser cannot receive web push. */
  | 'unsupported'
  /** Notifications are blocked for Pulse; only the browser's site settings can allow them again. */
  | 'denied'
  /** Pulse may ask, or was allowed but has no subscription on this device. */
  | 'off'
  /** Subscribed here, and the server has the subscription. */
  | 'on';

/** The browser's steps, for the words that say which one never answered. */
export type BrowserStep = 'permission' | 'serviceWorker' | 'subscription';

export type PushProblem =
  /** The question was closed without an answer. */
  | { kind: 'dismissed' }
  | { kind: 'noAnswer'; step: BrowserStep }
  | { kind: 'browserFailed'; step: BrowserStep; error: unknown }
  /** Pulse's API refused or could not be reached: the errors of api/client.ts. */
  | { kind: 'serverFailed'; error: unknown };

export interface PushState {
  status: PushStatus;
  problem: PushProblem | null;
}

/** A step that went wrong, carrying the problem to report. */
class StepFailed extends Error {
  override readonly name = 'StepFailed';
  constructor(readonly problem: PushProblem) {
    super(problem.kind);
  }
}

/** A browser step that rejects, or never settles within `ms`, fails with the problem to report. */
function browserStep<T>(step: BrowserStep, ms: number, start: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StepFailed({ kind: 'noAnswer', step })), ms);
    const failed = (error: unknown): void => {
      clearTimeout(timer);
      reject(new StepFailed({ kind: 'browserFailed', step, error }));
    };
    try {
      start().then((value) => {
        clearTimeout(timer);
        resolve(value);
      }, failed);
    } catch (error) {
      failed(error);
    }
  });
}

async function serverStep<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new StepFailed({ kind: 'serverFailed', error });
  }
}

/** The problem of a failed step; anything else is a bug of this module and stays an exception. */
function problemOf(failure: unknown): PushProblem {
  if (failure instanceof StepFailed) return failure.problem;
  throw failure;
}

const state = (status: PushStatus, problem: PushProblem | null = null): PushState => ({ status, problem });

/** The VAPID key as the bytes `subscribe` takes everywhere (some browsers refuse the base64url text). */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/** Where this device stands, without asking the user anything. */
export async function readPush(browser: PushBrowser, limits: PushTimeLimits = PUSH_TIME_LIMITS): Promise<PushState> {
  if (!browser.supported) return state('unsupported');
  const permission = browser.permission();
  if (permission === 'denied') return state('denied');
  if (permission === 'default') return state('off');
  try {
    const manager = await browserStep('serviceWorker', limits.browserMs, () => browser.pushManager());
    const subscription = await browserStep('subscription', limits.browserMs, () => manager.getSubscription());
    return state(subscription === null ? 'off' : 'on');
  } catch (failure) {
    return state('off', problemOf(failure));
  }
}

/**
 * Asks for the permission if needed, subscribes this browser with the server's key and gives the
 * subscription to the server. A subscription the server refused is dropped here too, so the device
 * never says "on" while the server sends nothing.
 */
export async function enablePush(browser: PushBrowser, server: PushServer, limits: PushTimeLimits = PUSH_TIME_LIMITS): Promise<PushState> {
  if (!browser.supported) return state('unsupported');
  let subscription: BrowserSubscription | null = null;
  try {
    // Blocked stays blocked: only the browser's site settings can change that, not a question.
    const permission = browser.permission();
    if (permission === 'denied') return state('denied');
    // The question comes first: browsers only show it during the tap that led here.
    if (permission === 'default') {
      const answer = await browserStep('permission', limits.promptMs, () => browser.requestPermission());
      if (answer === 'denied') return state('denied');
      if (answer === 'default') return state('off', { kind: 'dismissed' });
    }
    const manager = await browserStep('serviceWorker', limits.browserMs, () => browser.pushManager());
    // A key that is not base64url is the server's contract broken, like any malformed answer.
    const key = await serverStep(async () => applicationServerKey(await server.publicKey()));
    const subscribed = await browserStep('subscription', limits.browserMs, () => manager.subscribe({ userVisibleOnly: true, applicationServerKey: key }));
    subscription = subscribed;
    await serverStep(() => server.save(subscribed.toJSON()));
    return state('on');
  } catch (failure) {
    if (subscription !== null) await dropQuietly(subscription, limits);
    return state('off', problemOf(failure));
  }
}

/** Best effort: the problem that led here is the one to report, not this one. */
async function dropQuietly(subscription: BrowserSubscription, limits: PushTimeLimits): Promise<void> {
  try {
    await browserStep('subscription', limits.browserMs, () => subscription.unsubscribe());
  } catch {
    // Still subscribed in the browser: the next visit reads "on" and can turn it off again.
  }
}

/**
 * Tells the server first, then the browser: while the server refuses, the device stays "on" and
 * says so, rather than looking off while pushes still arrive. A subscription the server no longer
 * knows (NOT_FOUND) is already what was asked.
 */
export async function disablePush(browser: PushBrowser, server: PushServer, limits: PushTimeLimits = PUSH_TIME_LIMITS): Promise<PushState> {
  if (!browser.supported) return state('unsupported');
  try {
    const manager = await browserStep('serviceWorker', limits.browserMs, () => browser.pushManager());
    const subscription = await browserStep('subscription', limits.browserMs, () => manager.getSubscription());
    if (subscription === null) return state('off');
    await serverStep(async () => {
      try {
        await server.remove(subscription.endpoint);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'NOT_FOUND')) throw error;
      }
    });
    await browserStep('subscription', limits.browserMs, () => subscription.unsubscribe());
    return state('off');
  } catch (failure) {
    return state('on', problemOf(failure));
  }
}
