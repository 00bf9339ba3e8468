import { describe, expect, it } from 'vitest';
import { FUNNEL_STEPS, type FunnelCohort } from '../api/funnel';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { defaultFunnelWindow, funnelSteps, funnelTotal, funnelWindowOf, funnelWindowProblem, medianDaysWords, monthBefore } from './funnel-figures';

/** A cohort from its counts down the funnel and the median days between steps. */
const cohort = (month: string, counts: readonly number[], medians: readonly (number | null)[] = []): FunnelCohort => ({
  month,
  steps: FUNNEL_STEPS.map((step, index) => ({ step, clinics: counts[index] ?? 0, medianDaysFromPrevious: index === 0 ? null : (medians[index - 1] ?? null) })),
});

const DEC_6 = Date.parse('2026-12-06T08:00:00Z');

describe('the funnel window', () => {
  it('should open on the last 12 months, the current one last, across a new year', () => {
    expect(defaultFunnelWindow(DEC_6)).toEqual({ from: '2026-01', to: '2026-12' });
    expect(defaultFunnelWindow(Date.parse('2027-01-01T00:00:00Z'))).toEqual({ from: '2026-02', to: '2027-01' });
    expect(monthBefore(DEC_6, 23)).toBe('2025-01');
  });

  it('should keep a window the API takes and replace anything else with the default', () => {
    expect(funnelWindowOf({ from: '2025-01', to: '2026-12' }, DEC_6)).toEqual({ from: '2025-01', to: '2026-12' });
    expect(funnelWindowOf({ from: '2026-03', to: '2026-03' }, DEC_6)).toEqual({ from: '2026-03', to: '2026-03' });
    for (const query of [{}, { from: '2026-13', to: '2026-12' }, { from: '2026-05', to: '2026-04' }, { from: '2024-12', to: '2026-12' }, { from: ['2026-01'], to: 'x' }]) {
      expect(funnelWindowOf(query, DEC_6)).toEqual({ from: '2026-01', to: '2026-12' });
    }
  });

  it('should say why a window typed in the pickers cannot be asked for', () => {
    expect(funnelWindowProblem({ from: '2026-01', to: '2026-12' }, fr)).toBeNull();
    expect(funnelWindowProblem({ from: '', to: '2026-12' }, fr)).toBe('Choisissez deux mois.');
    expect(funnelWindowProblem({ from: '2026-05', to: '2026-04' }, fr)).toBe('Le premier mois ne peut pas suivre le second.');
    expect(funnelWindowProblem({ from: '2024-12', to: '2026-12' }, en)).toBe('At most 24 months.');
  });
});

describe('the funnel figures', () => {
  it("should give each step's share of the clinics created in its month, none for an empty month", () => {
    const steps = funnelSteps(cohort('2026-09', [4, 4, 3, 3, 2, 1, 0], [0.5, 2, 1.5, 3, 10, null]));
    expect(steps.map((step) => step.share)).toEqual([1, 1, 0.75, 0.75, 0.5, 0.25, 0]);
    expect(steps[2]).toEqual({ step: 'ownerJoined', clinics: 3, share: 0.75, medianDaysFromPrevious: 2 });
    expect(funnelSteps(cohort('2026-10', [0, 0, 0, 0, 0, 0, 0])).every((step) => step.share === null)).toBe(true);
  });

  it("should add the cohorts' clinics up step by step, as shares of all clinics created, without medians", () => {
    const total = funnelTotal([cohort('2026-09', [4, 4, 3, 3, 2, 1, 0], [1, 1, 1, 1, 1]), cohort('2026-10', [0, 0, 0, 0, 0, 0, 0]), cohort('2026-11', [6, 5, 5, 2, 2, 2, 1], [2, 2, 2, 2, 2, 2])]);
    expect(total.map((step) => step.clinics)).toEqual([10, 9, 8, 5, 4, 3, 1]);
    expect(total.map((step) => step.share)).toEqual([1, 0.9, 0.8, 0.5, 0.4, 0.3, 0.1]);
    expect(total.every((step) => step.medianDaysFromPrevious === null)).toBe(true);
    expect(funnelTotal([]).map((step) => step.share)).toEqual([null, null, null, null, null, null, null]);
  });

  it('should write a median delay in days in the reader’s notation, a dash when nobody went through', () => {
    expect(medianDaysWords(2.5, fr, 'fr')).toBe('2,5\u00a0j');
    expect(medianDaysWords(12, en, 'en')).toBe('12 d');
    expect(medianDaysWords(null, fr, 'fr')).toBe('—');
  });
});
