import { describe, expect, it } from 'vitest';
import { randomToken } from '../auth/secrets.ts';
import {
  isShareTokenShape,
  SHARE_TOKEN_BYTES,
  ShareLinkRequestSchema,
  shareLinkExpiry,
  shareLinkState,
  SharedTodayFiguresSchema,
  sharedTodayFigures,
  type SharedTodayFigures,
} from './share-links.ts';

const DAY = 86_400_000;
const MADE = Date.UTC(2026, 2, 28, 9, 0);

/** A morning's figures as the live queue answers them, with the fields a visitor must never get. */
const figures: SharedTodayFigures = {
  waiting: 4,
  seenToday: 11,
  avgWaitMinutes: 22.5,
  maxWaitMinutes: 48,
  noShowsToday: 1,
  checkIns: { qr: 12, manual: 4, qrShare: 0.75 },
  avgConsultationMinutes: 12.1,
  estimatedEndAt: '2026-03-28T12:40:00+01:00',
  doctorPresent: true,
  estimates: { called: 11, meanAbsoluteErrorMinutes: 6.2, medianAbsoluteErrorMinutes: 5, withinRangeShare: 0.82, underQuotedShare: 0.09 },
  serviceLevel: { targetMinutes: 30, called: 11, calledWithinTarget: 8, share: 0.73 },
  unusual: [{ figure: 'waiting', value: 4, usual: 1.5, ratio: 2.67, direction: 'above', weekday: 5, hour: 10 }],
  asOf: '2026-03-28T09:00:00.000Z',
  timezone: 'Africa/Tunis',
  day: '2026-03-28',
};

describe('a share link over its life', () => {
  it('should be active until its last millisecond, then expired', () => {
    const expiresAt = shareLinkExpiry(MADE, 7);
    expect(expiresAt).toBe(MADE + 7 * DAY);
    expect(shareLinkState({ expiresAt, revokedAt: null }, expiresAt - 1)).toBe('active');
    expect(shareLinkState({ expiresAt, revokedAt: null }, expiresAt)).toBe('expired');
  });

  it('should read revoked once revoked, expired or not: the owner remembers revoking it', () => {
    expect(shareLinkState({ expiresAt: MADE + DAY, revokedAt: MADE + 60_000 }, MADE + 120_000)).toBe('revoked');
    expect(shareLinkState({ expiresAt: MADE + DAY, revokedAt: MADE + 60_000 }, MADE + 2 * DAY)).toBe('revoked');
  });
});

describe('what an owner may ask for', () => {
  it('should take 1 to 90 whole days and a known scope, nothing else', () => {
    expect(ShareLinkRequestSchema.safeParse({ expiresInDays: 1, scope: 'today' }).success).toBe(true);
    expect(ShareLinkRequestSchema.safeParse({ expiresInDays: 90, scope: 'history' }).success).toBe(true);
    for (const refused of [{ expiresInDays: 0, scope: 'today' }, { expiresInDays: 91, scope: 'today' }, { expiresInDays: 1.5, scope: 'today' }, { expiresInDays: 7, scope: 'all' }, { expiresInDays: 7, scope: 'today', extra: 1 }]) {
      expect(ShareLinkRequestSchema.safeParse(refused).success, JSON.stringify(refused)).toBe(false);
    }
  });
});

describe('the token of a link', () => {
  it("should recognise this service's tokens and nothing of another shape", () => {
    const token = randomToken(SHARE_TOKEN_BYTES);
    expect(token).toHaveLength(43);
    expect(isShareTokenShape(token)).toBe(true);
    for (const other of ['', token.slice(1), `${token}A`, `${token.slice(0, 42)}=`, `${token.slice(0, 42)}+`, `${token.slice(0, 42)}/`, token.replace(/^./, 'é')]) {
      expect(isShareTokenShape(other), other).toBe(false);
    }
  });
});

describe("a shared day's figures", () => {
  it('should keep the allowed figures as they are', () => {
    expect(sharedTodayFigures(figures)).toEqual(figures);
    expect(SharedTodayFiguresSchema.parse(sharedTodayFigures(figures))).toEqual(figures);
  });

  it('should drop whatever else the live queue answers, money and the queue itself included', () => {
    const answered = { ...figures, sms: { monthToDate: { count: 310, costMinor: 12_400 }, budgetMinor: 15_000 }, entries: [{ entryId: 'e1', ticketNumber: 7 }], clinicId: 'clinic-1' };
    const shared = sharedTodayFigures(answered);
    expect(Object.keys(shared).sort()).toEqual(Object.keys(figures).sort());
    expect(JSON.stringify(shared)).not.toMatch(/sms|entries|ticketNumber|clinic-1/);
  });
});
