import { describe, expect, it } from 'vitest';
import { ApiError, ServerUnreachableError } from '../api/errors';
import type { SharedToday } from '../api/shared';
import { afterRead, INITIAL_SHARED_DAY, nextReadIn, POLL_MS, type SharedDayState } from './shared-day-state';

const today: SharedToday = {
  clinic: { name: 'Cabinet Ennour', timezone: 'Africa/Tunis' },
  scope: 'today',
  expiresAt: '2026-12-13T09:00:00.000Z',
  figures: {
    waiting: 3, seenToday: 9, avgWaitMinutes: 18, maxWaitMinutes: 41, noShowsToday: 1,
    checkIns: { qr: 8, manual: 5, qrShare: 0.62 }, avgConsultationMinutes: 11, estimatedEndAt: null, doctorPresent: false,
    estimates: { called: 9, meanAbsoluteErrorMinutes: 5, medianAbsoluteErrorMinutes: 4, withinRangeShare: 0.78, underQuotedShare: 0.11 },
    serviceLevel: { targetMinutes: 30, called: 9, calledWithinTarget: 7, share: 0.78 },
    unusual: [], asOf: '2026-12-06T09:00:00.000Z', timezone: 'Africa/Tunis', day: '2026-12-06',
  },
};

const refusal = (code: 'NOT_FOUND' | 'RATE_LIMITED' | 'UNAVAILABLE', retryAfterSeconds: number | null = null) =>
  new ApiError({ status: code === 'NOT_FOUND' ? 404 : code === 'RATE_LIMITED' ? 429 : 503, code, message: code, details: {}, retryAfterSeconds });

describe('a shared day over successive reads', () => {
  it('should show the first answer live and ask again in 15 s', () => {
    const state = afterRead(INITIAL_SHARED_DAY, { ok: true, today, at: 1_000 });
    expect(state).toEqual({ status: 'live', today, receivedAt: 1_000 });
    expect(nextReadIn(state, { ok: true, today, at: 1_000 })).toBe(POLL_MS);
  });

  it('should keep the last figures, marked stale, while the server cannot be reached, and keep asking', () => {
    const live: SharedDayState = { status: 'live', today, receivedAt: 1_000 };
    const read = { ok: false as const, error: new ServerUnreachableError('offline') };
    const state = afterRead(live, read);
    expect(state).toEqual({ status: 'stale', today, receivedAt: 1_000 });
    expect(nextReadIn(state, read)).toBe(15_000);
    expect(afterRead(INITIAL_SHARED_DAY, read)).toEqual(INITIAL_SHARED_DAY);
  });

  it('should forget the figures and stop asking once the link does not open (revoked, expired, unknown)', () => {
    const live: SharedDayState = { status: 'live', today, receivedAt: 1_000 };
    const read = { ok: false as const, error: refusal('NOT_FOUND') };
    const state = afterRead(live, read);
    expect(state).toEqual({ status: 'invalid', today: null, receivedAt: null });
    expect(nextReadIn(state, read)).toBeNull();
  });

  it("should wait as long as the server says when refused for asking too often, never less than a poll", () => {
    const live: SharedDayState = { status: 'live', today, receivedAt: 1_000 };
    const slow = { ok: false as const, error: refusal('RATE_LIMITED', 60) };
    expect(nextReadIn(afterRead(live, slow), slow)).toBe(60_000);
    const quick = { ok: false as const, error: refusal('RATE_LIMITED', 2) };
    expect(nextReadIn(afterRead(live, quick), quick)).toBe(POLL_MS);
  });
});
