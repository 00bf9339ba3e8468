/**
 * Where this phone keeps what the API told its signed-in user, so the installed app opens on
 * figures without a network: the account under one key, every other copy under its owner's id.
 * Pure, so what belongs to whom and what a wipe removes is tested without a browser.
 */

/** The last account the API confirmed on this phone, with when. */
export const ACCOUNT_KEY = 'pulse.account';

/** Every copy of an answer, as `pulse.copy/<user id>/<name>`: one user never reads another's. */
const COPY_PREFIX = 'pulse.copy/';

/** Before copies were kept per user, Aujourd'hui's last snapshot was kept here, for anyone: wiped on sight. */
const UNOWNED_SNAPSHOT_PREFIX = 'pulse.today.';

/** The key of the copy `name` (`today/clinic-001`, `history/analytics/…`) of `userId`. */
export function copyKey(userId: string, name: string): string {
  // Encoded, so that an id holding a slash cannot reach into another user's names.
  return `${COPY_PREFIX}${encodeURIComponent(userId)}/${name}`;
}

/** Whose copy a stored key is; null for anything else (preferences, the account, a malformed key). */
export function ownerOfKey(key: string): string | null {
  if (!key.startsWith(COPY_PREFIX)) return null;
  const rest = key.slice(COPY_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  try {
    return decodeURIComponent(rest.slice(0, slash));
  } catch {
    return null;
  }
}

/** The name of a copy of `userId` under its key, or null when the key is not one of theirs. */
export function copyNameOf(key: string, userId: string): string | null {
  const prefix = copyKey(userId, '');
  return key.startsWith(prefix) ? key.slice(prefix.length) : null;
}

/** Any key holding something the API answered: the account, anyone's copies, the unowned snapshots. */
function holdsAnswers(key: string): boolean {
  return key === ACCOUNT_KEY || key.startsWith(COPY_PREFIX) || key.startsWith(UNOWNED_SNAPSHOT_PREFIX);
}

/**
 * The stored keys to remove: with `keepFor` null (signed out, a session revoked), everything the API
 * answered; with a user, what belongs to anyone else. Preferences (language, theme, chosen clinic,
 * last service health) stay: they are the phone's, not an account's.
 */
export function keysToWipe(keys: Iterable<string>, keepFor: string | null): string[] {
  return [...keys].filter((key) => {
    if (!holdsAnswers(key)) return false;
    if (keepFor === null) return true;
    // The account key is replaced, not wiped, when its user signs in again.
    if (key === ACCOUNT_KEY) return false;
    return ownerOfKey(key) !== keepFor;
  });
}

/** An API answer kept in Cache Storage (by the service worker or a page), which a wipe removes too. */
export function isApiAnswer(url: string): boolean {
  try {
    return /^\/api(?:\/|$)/.test(new URL(url).pathname);
  } catch {
    return false;
  }
}
