import { LiveMessageSchema, type LiveMessage } from '../api/wire';
import { deviceCopies } from '../session/device-copies';

/** The queue as a message last told it, and when this phone received it (its own clock, ms). */
export interface LiveSnapshot {
  figures: LiveMessage['figures'];
  entries: LiveMessage['entries'];
  receivedAt: number;
}

/** The name of a clinic's snapshot among the signed-in user's copies. */
const nameOf = (clinicId: string) => `today/${encodeURIComponent(clinicId)}`;

/**
 * Keeps a clinic's last snapshot on this phone, among the signed-in user's copies (wiped at
 * logout), so the screen opens on figures at once, even offline, and keeps them, marked stale,
 * while the line is down. Tickets, states and times only: no personal data exists.
 */
export function rememberSnapshot(clinicId: string, snapshot: LiveSnapshot): void {
  const { figures, entries, receivedAt } = snapshot;
  deviceCopies.keep(nameOf(clinicId), JSON.stringify({ type: 'snapshot', figures, entries, receivedAt }));
}

/** Reads a stored snapshot back, checked like a message off the wire; null when none or unreadable. */
export function parseStoredSnapshot(stored: string | null): LiveSnapshot | null {
  if (stored === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return null;
  }
  const message = LiveMessageSchema.safeParse(json);
  const receivedAt = typeof json === 'object' && json !== null ? Reflect.get(json, 'receivedAt') : undefined;
  if (!message.success || typeof receivedAt !== 'number' || !Number.isFinite(receivedAt)) return null;
  return { figures: message.data.figures, entries: message.data.entries, receivedAt };
}

/** The signed-in user's last snapshot of a clinic, or null. */
export function recallSnapshot(clinicId: string): LiveSnapshot | null {
  return parseStoredSnapshot(deviceCopies.read(nameOf(clinicId)));
}
