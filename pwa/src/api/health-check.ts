import { readPreference, writePreference } from '../preferences';
import { fetchHealth, parseHealth, ServerUnreachableError, type Health } from './health';

/** What the health screen shows: a fresh answer, or the last one this phone received. */
export type HealthReading =
  | { source: 'server'; health: Health }
  | { source: 'lastKnown'; health: Health | null };

const LAST_KNOWN_KEY = 'pulse.health.lastKnown';

function rememberHealth(health: Health): void {
  writePreference(LAST_KNOWN_KEY, JSON.stringify(health));
}

/** The last health document received, carrying its own check time; null if none or unreadable. */
export function recallHealth(): Health | null {
  const stored = readPreference(LAST_KNOWN_KEY);
  if (stored === null) return null;
  try {
    const value: unknown = JSON.parse(stored);
    return parseHealth(value);
  } catch {
    return null;
  }
}

/**
 * Checks the service's health and keeps the answer. Being offline or facing a stopped server is
 * normal for a phone, so it yields the last known document instead of failing; a malformed answer
 * still rejects.
 */
export async function checkHealth(): Promise<HealthReading> {
  try {
    const health = await fetchHealth();
    rememberHealth(health);
    return { source: 'server', health };
  } catch (error) {
    if (error instanceof ServerUnreachableError) return { source: 'lastKnown', health: recallHealth() };
    throw error;
  }
}
