/**
 * A shared "Aujourd'hui" over time, as pure steps: what the page knows after each read of
 * `/shared/{token}/today`, and when to read again. The page polls (no live socket: it has no
 * session), every POLL_MS while the tab is shown.
 */
import { ApiError } from '../api/errors';
import type { SharedToday } from '../api/shared';

/** A shared page asks again this often: the figures move with the queue, a few seconds late at most. */
export const POLL_MS = 15_000;

/**
 * - `loading`: nothing read yet;
 * - `live`: the last read answered;
 * - `stale`: the last read failed (network, server): the figures are the last ones, marked;
 * - `invalid`: the link does not open (unknown, expired or revoked): nothing is shown, and the page stops asking.
 */
export type SharedDayStatus = 'loading' | 'live' | 'stale' | 'invalid';

export interface SharedDayState {
  status: SharedDayStatus;
  today: SharedToday | null;
  /** When this phone received `today` (its own clock, ms). */
  receivedAt: number | null;
}

export const INITIAL_SHARED_DAY: SharedDayState = { status: 'loading', today: null, receivedAt: null };

export type SharedRead = { ok: true; today: SharedToday; at: number } | { ok: false; error: unknown };

/**
 * The state after a read. A link found invalid forgets its figures at once: a revoked link must
 * not keep showing them.
 */
export function afterRead(state: SharedDayState, read: SharedRead): SharedDayState {
  if (read.ok) return { status: 'live', today: read.today, receivedAt: read.at };
  if (read.error instanceof ApiError && read.error.code === 'NOT_FOUND') return { status: 'invalid', today: null, receivedAt: null };
  return { ...state, status: state.today === null && state.status === 'loading' ? 'loading' : 'stale' };
}

/** How long until the next read after `read`: never for an invalid link, the server's word when it says to wait. */
export function nextReadIn(state: SharedDayState, read: SharedRead): number | null {
  if (state.status === 'invalid') return null;
  if (!read.ok && read.error instanceof ApiError && read.error.code === 'RATE_LIMITED' && read.error.retryAfterSeconds !== null) {
    return Math.max(POLL_MS, read.error.retryAfterSeconds * 1000);
  }
  return POLL_MS;
}
