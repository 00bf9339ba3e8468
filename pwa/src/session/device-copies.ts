import { parseAccount, type Account } from '../api/account';
import { isRecord } from '../api/json';
import { ACCOUNT_KEY, copyKey, copyNameOf, isApiAnswer, keysToWipe } from './copy-keys';

/** What Pulse needs of localStorage, so the copies can be tested on a map. */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The account the API last confirmed on this phone, and when (this phone's clock, ms). */
export interface RememberedAccount {
  account: Account;
  savedAt: number;
}

/**
 * What this phone keeps of its signed-in user's answers (Aujourd'hui's snapshot, history answers),
 * each under the user's id: copies are written and read only for the account the session last
 * confirmed, so on a shared phone one user never sees another's.
 */
export interface DeviceCopies {
  /** The account last confirmed here, until a wipe; null when none or unreadable. */
  remembered(): RememberedAccount | null;
  /** The API confirmed `account`: it is remembered, and anyone else's copies go. */
  confirm(account: Account, now: number): void;
  /** Keeps a copy for the remembered user; nothing when there is none. */
  keep(name: string, text: string): void;
  /** The remembered user's copy, or null. */
  read(name: string): string | null;
  /** The names of the remembered user's copies that start with `prefix`. */
  names(prefix: string): string[];
  drop(name: string): void;
  /** Signed out or revoked: the account and every copy of anyone go. */
  wipe(): void;
}

/** Reads a remembered account back, checked like `/me`'s answer; null when absent or not trusted. */
export function parseRememberedAccount(stored: string | null): RememberedAccount | null {
  if (stored === null) return null;
  try {
    const json: unknown = JSON.parse(stored);
    if (!isRecord(json) || typeof json['savedAt'] !== 'number' || !Number.isFinite(json['savedAt'])) return null;
    return { account: parseAccount(json['account']), savedAt: json['savedAt'] };
  } catch {
    return null;
  }
}

/**
 * The copies over `storage` (localStorage in the page; null or throwing when the browser refuses
 * it, which then keeps nothing: copies are a comfort, never a reason for the app to fail).
 */
export function createDeviceCopies(storage: () => KeyValueStorage | null): DeviceCopies {
  /** Whose copies are read and written; `undefined` until first asked (read from the remembered account). */
  let owner: string | null | undefined;

  const attempt = <T>(work: (store: KeyValueStorage) => T, fallback: T): T => {
    try {
      const store = storage();
      return store === null ? fallback : work(store);
    } catch {
      return fallback;
    }
  };
  const allKeys = (store: KeyValueStorage): string[] => {
    const keys: string[] = [];
    for (let index = 0; index < store.length; index += 1) {
      const key = store.key(index);
      if (key !== null) keys.push(key);
    }
    return keys;
  };
  const remembered = (): RememberedAccount | null => attempt((store) => parseRememberedAccount(store.getItem(ACCOUNT_KEY)), null);
  const currentOwner = (): string | null => {
    owner ??= remembered()?.account.user.id ?? null;
    return owner;
  };
  const wipeKeys = (keepFor: string | null): void => {
    attempt((store) => {
      for (const key of keysToWipe(allKeys(store), keepFor)) store.removeItem(key);
    }, undefined);
  };

  return {
    remembered,
    confirm(account, now) {
      owner = account.user.id;
      wipeKeys(owner);
      attempt((store) => store.setItem(ACCOUNT_KEY, JSON.stringify({ account, savedAt: now })), undefined);
    },
    keep(name, text) {
      const user = currentOwner();
      if (user !== null) attempt((store) => store.setItem(copyKey(user, name), text), undefined);
    },
    read(name) {
      const user = currentOwner();
      return user === null ? null : attempt((store) => store.getItem(copyKey(user, name)), null);
    },
    names(prefix) {
      const user = currentOwner();
      if (user === null) return [];
      return attempt((store) => allKeys(store).flatMap((key) => {
        const name = copyNameOf(key, user);
        return name !== null && name.startsWith(prefix) ? [name] : [];
      }), []);
    },
    drop(name) {
      const user = currentOwner();
      if (user !== null) attempt((store) => store.removeItem(copyKey(user, name)), undefined);
    },
    wipe() {
      owner = null;
      wipeKeys(null);
    },
  };
}

/** This page's copies, in localStorage. */
export const deviceCopies: DeviceCopies = createDeviceCopies(() => localStorage);

/**
 * Removes API answers from Cache Storage, whoever put them there (Pulse's service worker keeps
 * none today; a future runtime cache must not outlive a session either). The precached app shell
 * stays, so the login screen still opens offline. Best effort: resolves whatever happens.
 */
export async function wipeCachedApiAnswers(): Promise<void> {
  try {
    if (typeof caches === 'undefined') return;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const requests = await cache.keys();
      await Promise.all(requests.filter((request) => isApiAnswer(request.url)).map((request) => cache.delete(request)));
    }
  } catch {
    // Cache Storage refused (private mode, a quota): nothing of ours is in it then.
  }
}
