import { LiveMessageSchema, type LiveMessage } from '../api/wire';
import { readPreference, writePreference } from '../preferences';

/** The queue as a message last told it, and when this phone received it (its own clock, ms). */
export interface LiveSnapshot {
  figures: LiveMessage['figures'];
  entries: LiveMessage['entries'];
  receivedAt: number;
}

const keyOf = (clinicId: string) => `pulse.today.${clinicId}`;

/**
 * Keeps a clinic's last snapshot on this phone, so the screen opens on figures at once and keeps
 * them, marked stale, while offline. Tickets, states and times only: no personal data exists.
 */
export function rememberSnapshot(clinicId: string, snapshot: LiveSnapshot): void {
  const { figures, entries, receivedAt } = snapshot;
  writePreference(keyOf(clinicId), JSON.stringify({ type: 'snapshot', figures, entries, receivedAt }));
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

export function recallSnapshot(clinicId: string): LiveSnapshot | null {
  return parseStoredSnapshot(readPreference(keyOf(clinicId)));
}
