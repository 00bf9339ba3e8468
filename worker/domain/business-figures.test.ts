import { describe, expect, it } from 'vitest';
import { businessStandingAt, changePercent, DAY_MS, daysSince, statusAt } from './business-figures.ts';
import { retentionByCohort } from './cohort-retention.ts';

const NOW = Date.parse('2026-11-25T00:30:00Z');

describe('clinic status from the last login', () => {
  it('should turn at risk at exactly 7 days and churned just after 30 days', () => {
    const loggedIn = (lastLoginAt: number | null) => statusAt({ createdAt: NOW - 400 * DAY_MS, lastLoginAt }, NOW);
    expect(loggedIn(NOW - 7 * DAY_MS + 1)).toBe('active');
    expect(loggedIn(NOW - 7 * DAY_MS)).toBe('at_risk');
    expect(loggedIn(NOW - 30 * DAY_MS)).toBe('at_risk');
    expect(loggedIn(NOW - 30 * DAY_MS - 1)).toBe('churned');
    expect(loggedIn(null)).toBe('churned');
    expect(daysSince(NOW - 7 * DAY_MS + 1, NOW)).toBe(6);
    expect(daysSince(null, NOW)).toBeNull();
  });

  it('should count MRR from active clinics only (a login within 30 days), per currency', () => {
    const clinic = (clinicId: string, lastLoginAt: number | null, planPriceMinor: number, currency = 'TND', createdAt = NOW - 90 * DAY_MS) => ({
      clinicId, name: clinicId, currency, planPriceMinor, createdAt, lastLoginAt,
    });
    const standing = businessStandingAt(
      [
        clinic('a', NOW - DAY_MS / 2, 50_000),
        clinic('b', NOW - 30 * DAY_MS, 60_000),
        clinic('c', NOW - 31 * DAY_MS, 70_000),
        clinic('d', null, 80_000),
        clinic('e', NOW - 3 * DAY_MS, 90, 'EUR'),
        // Signed up 29 days ago, no login yet: onboarding, neither active (no MRR) nor churned.
        clinic('f', null, 50_000, 'TND', NOW - 29 * DAY_MS),
      ],
      NOW,
    );
    expect(standing).toEqual({ totalClinics: 6, activeClinics: 3, onboarding: 1, atRisk: 1, churned: 2, mrr: { TND: 110_000, EUR: 90 }, dau: 1, wau: 2, mau: 3 });
  });

  it('should give the change in percent, none without a base', () => {
    expect(changePercent(90, 100)).toBe(-10);
    expect(changePercent(5, 0)).toBeNull();
    expect(changePercent(5, null)).toBeNull();
  });
});

describe('retention by signup month', () => {
  it('should share each cohort by the months after signup it logged in, null for months to come', () => {
    const rows = retentionByCohort(
      [
        { clinicId: 'a', createdAt: Date.parse('2026-09-03T00:00:00Z') },
        { clinicId: 'b', createdAt: Date.parse('2026-09-28T00:00:00Z') },
        { clinicId: 'c', createdAt: Date.parse('2026-10-01T00:00:00Z') },
      ],
      [
        { clinicId: 'a', month: '2026-09' },
        { clinicId: 'a', month: '2026-10' },
        { clinicId: 'b', month: '2026-11' },
        { clinicId: 'c', month: '2026-11' },
      ],
      NOW,
    );
    expect(rows).toEqual([
      { cohort: '2026-09', clinics: 2, retained: [0.5, 0.5] },
      { cohort: '2026-10', clinics: 1, retained: [1, null] },
    ]);
  });
});
