import { describe, expect, it } from 'vitest';
import { healthRowOf, type ClinicFacts } from './clinic-health.ts';

const NOW = Date.parse('2026-11-24T10:30:00+01:00');
const DAY = 86_400_000;
const MINUTE = 60_000;

const MARSA: ClinicFacts = {
  clinicId: 'clinic-marsa', name: 'Cabinet Dr Ben Salah — La Marsa', timezone: 'Africa/Tunis', currency: 'TND', planPriceMinor: 50_000,
  createdAt: NOW - 200 * DAY, archivedAt: null, lastLoginAt: NOW - 3 * DAY - 5 * MINUTE, patientsToday: 14, waitSumToday: 50 * MINUTE, waitCountToday: 2, qr30d: 200, patients30d: 300,
};

describe("a clinic's row in the admin's health table", () => {
  it('should show an active clinic with its figures as the product defines them', () => {
    expect(healthRowOf(MARSA, NOW)).toEqual({
      clinicId: 'clinic-marsa',
      name: 'Cabinet Dr Ben Salah — La Marsa',
      timezone: 'Africa/Tunis',
      status: 'active',
      daysSinceLastLogin: 3,
      lastLoginAt: '2026-11-21T09:25:00.000Z',
      patientsToday: 14,
      avgWaitToday: 25,
      planPrice: { currency: 'TND', amountMinor: 50_000 },
      qrShare30d: 0.6667,
      archived: false,
    });
  });

  it('should turn at risk at 7 days since the last login, stay so at 30, and churn just after', () => {
    const statusAfter = (ms: number) => healthRowOf({ ...MARSA, lastLoginAt: NOW - ms }, NOW);
    expect(statusAfter(7 * DAY - 1)).toMatchObject({ status: 'active', daysSinceLastLogin: 6 });
    expect(statusAfter(7 * DAY)).toMatchObject({ status: 'at_risk', daysSinceLastLogin: 7 });
    expect(statusAfter(30 * DAY)).toMatchObject({ status: 'at_risk', daysSinceLastLogin: 30 });
    expect(statusAfter(30 * DAY + 1)).toMatchObject({ status: 'churned', daysSinceLastLogin: 30 });
  });

  it('should count a clinic that never logged in as churned, with no login to show', () => {
    expect(healthRowOf({ ...MARSA, lastLoginAt: null }, NOW)).toMatchObject({ status: 'churned', daysSinceLastLogin: null, lastLoginAt: null });
  });

  it('should show a clinic signed up under 30 days ago and never logged in as onboarding, and churned from 30 days exactly', () => {
    const signedUp = (ago: number) => healthRowOf({ ...MARSA, createdAt: NOW - ago, lastLoginAt: null, patientsToday: 0, waitSumToday: 0, waitCountToday: 0 }, NOW);
    expect(signedUp(0)).toMatchObject({ status: 'onboarding', daysSinceLastLogin: null, lastLoginAt: null });
    expect(signedUp(30 * DAY - 1)).toMatchObject({ status: 'onboarding', daysSinceLastLogin: null });
    expect(signedUp(30 * DAY)).toMatchObject({ status: 'churned', daysSinceLastLogin: null });
  });

  it('should end onboarding with the first login, whatever the age of the clinic, and age from that login on', () => {
    // Signed up ten days ago: a login this morning makes it active, one 7 or 9 days ago at risk.
    const newcomer = (loginAgo: number) => healthRowOf({ ...MARSA, createdAt: NOW - 10 * DAY, lastLoginAt: NOW - loginAgo }, NOW).status;
    expect(newcomer(0)).toBe('active');
    expect(newcomer(7 * DAY - 1)).toBe('active');
    expect(newcomer(7 * DAY)).toBe('at_risk');
    expect(newcomer(9 * DAY)).toBe('at_risk');
    // Signed up 30 days − 1 ms ago, first login a minute ago.
    expect(healthRowOf({ ...MARSA, createdAt: NOW - 30 * DAY + 1, lastLoginAt: NOW - MINUTE }, NOW).status).toBe('active');
  });

  it('should leave the average wait and the QR share unknown on a day nobody was called and a month without patients', () => {
    const quiet = healthRowOf({ ...MARSA, patientsToday: 0, waitSumToday: 0, waitCountToday: 0, qr30d: 0, patients30d: 0 }, NOW);
    expect(quiet).toMatchObject({ patientsToday: 0, avgWaitToday: null, qrShare30d: null });
  });

  it('should round the average wait to a tenth of a minute', () => {
    // 1,000,000 ms over 3 waits is 5.555… minutes.
    expect(healthRowOf({ ...MARSA, waitSumToday: 1_000_000, waitCountToday: 3 }, NOW).avgWaitToday).toBe(5.6);
  });

  it('should mark an archived clinic and still show its price in its own currency', () => {
    const archived = healthRowOf({ ...MARSA, currency: 'EUR', planPriceMinor: 3_900, archivedAt: NOW - DAY }, NOW);
    expect(archived).toMatchObject({ archived: true, planPrice: { currency: 'EUR', amountMinor: 3_900 } });
  });
});
