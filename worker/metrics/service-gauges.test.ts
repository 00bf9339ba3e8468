import { describe, expect, it } from 'vitest';
import type { ClinicRecord } from '../../db/queries/business.ts';
import { serviceGauges } from './service-gauges.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('the business gauges', () => {
  // 00:30 UTC on 25 November: already the 25th in Tunis, still the 24th in New York.
  const NOW = Date.parse('2026-11-25T00:30:00Z');
  const clinic = (clinicId: string, timezone: string, planPriceMinor: number, lastLoginAt: number | null, currency = 'TND', createdAt = 0): ClinicRecord => ({
    clinicId, name: `Cabinet ${clinicId}`, timezone, currency, planPriceMinor, smsUnitCostMinor: 40, createdAt, archivedAt: null, lastLoginAt,
  });

  it('should count active and onboarding clinics, MRR per currency, churn risk and today’s waiting patients in each clinic’s own zone', () => {
    const gauges = serviceGauges(
      {
        clinics: [
          clinic('tunis', 'Africa/Tunis', 50_000, NOW - HOUR),
          clinic('sfax', 'Africa/Tunis', 50_000, NOW - 10 * DAY),
          clinic('paris', 'Europe/Paris', 6_000, NOW - 2 * DAY, 'EUR'),
          clinic('nyc', 'America/New_York', 60_000, NOW - 31 * DAY),
          clinic('never', 'Africa/Tunis', 50_000, null),
          // Signed up 3 days ago, no login yet: onboarding, in the clinics but neither active nor at risk.
          clinic('new', 'Africa/Tunis', 50_000, null, 'TND', NOW - 3 * DAY),
        ],
        waiting: [
          { clinicId: 'tunis', clinicDay: '2026-11-25', waiting: 4 },
          // Yesterday's leftovers in Tunis are not waiting now; New York's today is the 24th.
          { clinicId: 'tunis', clinicDay: '2026-11-24', waiting: 2 },
          { clinicId: 'nyc', clinicDay: '2026-11-24', waiting: 7 },
          // An archived clinic is not in the standing list: its queue does not count.
          { clinicId: 'archived', clinicDay: '2026-11-25', waiting: 9 },
        ],
        smsCostLastHour: [{ currency: 'TND', costMinor: 1_240 }],
      },
      NOW,
    );
    expect(gauges).toEqual({
      pulse_database_up: [{ value: 1 }],
      pulse_clinics: [{ value: 6 }],
      // Logins within 30 days: tunis, sfax (at risk, still active) and paris.
      pulse_active_clinics: [{ value: 3 }],
      pulse_onboarding_clinics: [{ value: 1 }],
      pulse_mrr: [
        { labels: { currency: 'TND' }, value: 100 },
        { labels: { currency: 'EUR' }, value: 60 },
      ],
      // sfax (10 days), nyc (31 days) and never: 3 of 6.
      pulse_churn_risk_ratio: [{ value: 0.5 }],
      pulse_patients_waiting: [{ value: 11 }],
      pulse_queues_open: [{ value: 2 }],
      pulse_queue_length_max: [{ value: 7 }],
      pulse_sms_cost_last_hour: [
        { labels: { currency: 'TND' }, value: 1.24 },
        { labels: { currency: 'EUR' }, value: 0 },
      ],
    });
  });

  it('should expose no churn share over no clinics rather than divide by zero', () => {
    expect(serviceGauges({ clinics: [], waiting: [], smsCostLastHour: [] }, NOW).pulse_churn_risk_ratio).toEqual([]);
  });
});

describe('the business gauges on a quiet evening', () => {
  const NOW = Date.parse('2026-11-25T19:00:00Z');
  const tunis: ClinicRecord = {
    clinicId: 'tunis', name: 'Cabinet tunis', timezone: 'Africa/Tunis', currency: 'TND', planPriceMinor: 45_500, smsUnitCostMinor: 40, createdAt: 0, archivedAt: null, lastLoginAt: NOW - HOUR,
  };

  it('should show queues at zero when nobody waits, and SMS cost in a currency no standing clinic uses', () => {
    const gauges = serviceGauges(
      { clinics: [tunis], waiting: [{ clinicId: 'tunis', clinicDay: '2026-11-25', waiting: 0 }], smsCostLastHour: [{ currency: 'EUR', costMinor: 35 }] },
      NOW,
    );
    expect(gauges).toMatchObject({
      pulse_mrr: [{ labels: { currency: 'TND' }, value: 45.5 }],
      pulse_churn_risk_ratio: [{ value: 0 }],
      pulse_patients_waiting: [{ value: 0 }],
      pulse_queues_open: [{ value: 0 }],
      pulse_queue_length_max: [{ value: 0 }],
      pulse_sms_cost_last_hour: [
        { labels: { currency: 'TND' }, value: 0 },
        { labels: { currency: 'EUR' }, value: 0.35 },
      ],
    });
  });
});
