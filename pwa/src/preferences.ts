/**
 * The few choices Pulse remembers on this phone (language, theme, last known health).
 * Storage can be missing or refuse writes (private browsing, a full quota, a locked-down
 * device); a preference that cannot be kept must never stop the app, so failures read as
 * "nothing stored" and writes are best effort.
 */
export function readPreference(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writePreference(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Best effort, see above.
  }
}
