import { describe, expect, it } from 'vitest';
import { monthOf, retentionByCohort } from './cohort-retention.ts';

const at = (iso: string) => Date.parse(iso);

describe('the month of an instant', () => {
  it('should be the UTC calendar month, not the clinic’s', () => {
    // Already 1 March in Tunis (UTC+1), still February in UTC.
    expect(monthOf(at('2026-03-01T00:30:00+01:00'))).toBe('2026-02');
    expect(monthOf(at('2026-01-31T23:30:00-01:00'))).toBe('2026-02');
    expect(monthOf(at('2026-12-31T23:59:59.999Z'))).toBe('2026-12');
  });
});

describe('clinic retention by signup month', () => {
  it('should answer nothing when there are no clinics', () => {
    expect(retentionByCohort([], [], at('2026-04-15T12:00:00Z'))).toEqual([]);
  });

  it('should give each cohort the share that logged in each month after signing up, the current month included', () => {
    const clinics = [
      { clinicId: 'marsa', createdAt: at('2026-01-05T09:00:00Z') },
      { clinicId: 'ariana', createdAt: at('2026-01-28T09:00:00Z') },
      { clinicId: 'sfax', createdAt: at('2026-03-02T09:00:00Z') },
    ];
    const logins = [
      // Logging in during the signup month itself counts for nothing.
      { clinicId: 'ariana', month: '2026-01' },
      { clinicId: 'marsa', month: '2026-02' },
      { clinicId: 'ariana', month: '2026-02' },
      { clinicId: 'marsa', month: '2026-03' },
      { clinicId: 'marsa', month: '2026-04' },
      { clinicId: 'sfax', month: '2026-04' },
    ];
    expect(retentionByCohort(clinics, logins, at('2026-04-15T12:00:00Z'))).toEqual([
      // February had no signups: no row for it. Every row is as wide as the oldest cohort's.
      { cohort: '2026-01', clinics: 2, retained: [1, 0.5, 0.5] },
      { cohort: '2026-03', clinics: 1, retained: [1, null, null] },
    ]);
  });

  it('should round shares to 0.0001', () => {
    const clinics = ['a', 'b', 'c'].map((clinicId) => ({ clinicId, createdAt: at('2026-01-10T00:00:00Z') }));
    expect(retentionByCohort(clinics, [{ clinicId: 'b', month: '2026-02' }], at('2026-02-10T00:00:00Z'))).toEqual([
      { cohort: '2026-01', clinics: 3, retained: [0.3333] },
    ]);
  });

  it('should carry a December cohort into January of the next year', () => {
    const rows = retentionByCohort([{ clinicId: 'marsa', createdAt: at('2025-12-10T00:00:00Z') }], [{ clinicId: 'marsa', month: '2026-01' }], at('2026-01-20T00:00:00Z'));
    expect(rows).toEqual([{ cohort: '2025-12', clinics: 1, retained: [1] }]);
  });

  it('should show a cohort of this month with no month after it yet', () => {
    expect(retentionByCohort([{ clinicId: 'marsa', createdAt: at('2026-04-01T00:00:00Z') }], [], at('2026-04-30T23:00:00Z'))).toEqual([
      { cohort: '2026-04', clinics: 1, retained: [] },
    ]);
  });

  it('should count a month nobody logged in as 0, not as unknown', () => {
    const rows = retentionByCohort([{ clinicId: 'marsa', createdAt: at('2026-01-10T00:00:00Z') }], [{ clinicId: 'marsa', month: '2026-03' }], at('2026-03-05T00:00:00Z'));
    expect(rows).toEqual([{ cohort: '2026-01', clinics: 1, retained: [0, 1] }]);
  });
});
