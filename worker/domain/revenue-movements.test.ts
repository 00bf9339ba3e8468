import { describe, expect, it } from 'vitest';
import { revenueByCurrency, revenueWindows, type MovementGroup } from './revenue-movements.ts';

const NOW = Date.parse('2034-03-10T09:30:00Z');

/** A group of `clinics` clinics in month `monthIndex`, active where their price is given. */
function group(monthIndex: number, start: number | null, end: number | null, extra: Partial<MovementGroup> = {}): MovementGroup {
  return {
    currency: 'TND', monthIndex, activeAtStart: start !== null, activeAtEnd: end !== null, seenBefore: true, clinics: 1, startMinor: start ?? 0, endMinor: end ?? 0, ...extra,
  };
}

describe('the MRR movements of a month', () => {
  it('should cut the window into UTC months ending with the current one, which ends now', () => {
    expect(revenueWindows(NOW, 3)).toEqual([
      { month: '2034-01', start: Date.parse('2034-01-01T00:00:00Z'), end: Date.parse('2034-02-01T00:00:00Z') },
      { month: '2034-02', start: Date.parse('2034-02-01T00:00:00Z'), end: Date.parse('2034-03-01T00:00:00Z') },
      { month: '2034-03', start: Date.parse('2034-03-01T00:00:00Z'), end: NOW },
    ]);
    // Across a new year, and a single month.
    expect(revenueWindows(Date.parse('2035-01-15T00:00:00Z'), 2).map((window) => window.month)).toEqual(['2034-12', '2035-01']);
    expect(revenueWindows(NOW, 1)).toHaveLength(1);
    expect(revenueWindows(NOW, 36)[0]?.month).toBe('2031-04');
  });

  it('should tell new, expansion, contraction, churned and reactivation apart, and add up to the end exactly', () => {
    const windows = revenueWindows(NOW, 1);
    const [revenue] = revenueByCurrency(windows, [
      // Two clinics active all month at 50 TND, unchanged.
      group(0, 100_000, 100_000, { clinics: 2 }),
      // One raised from 50 to 80, two cut from 50 to 30 each.
      group(0, 50_000, 80_000),
      group(0, 100_000, 60_000, { clinics: 2 }),
      // A first login this month; one back after a churn.
      group(0, null, 45_000, { seenBefore: false }),
      group(0, null, 50_000),
      // One that stopped logging in.
      group(0, 70_000, null),
    ]);
    expect(revenue?.months).toEqual([
      {
        month: '2034-03', mrrStartMinor: 320_000, newMinor: 45_000, expansionMinor: 30_000, contractionMinor: 40_000, churnedMinor: 70_000, reactivationMinor: 50_000,
        mrrEndMinor: 335_000, activeClinics: 7, arpuMinor: 47_857, logoChurnRate: 0.1667, revenueChurnRate: 0.3438,
      },
    ]);
    const month = revenue?.months[0];
    if (month === undefined) throw new Error('no month');
    expect(month.mrrStartMinor + month.newMinor + month.expansionMinor + month.reactivationMinor - month.contractionMinor - month.churnedMinor).toBe(month.mrrEndMinor);
  });

  it('should give every month of each currency, empty ones as zeros with no rates, currencies in alphabetical order', () => {
    const windows = revenueWindows(NOW, 3);
    const answer = revenueByCurrency(windows, [group(1, null, 3_900, { currency: 'EUR', seenBefore: false }), group(2, 3_900, 3_900, { currency: 'EUR' }), group(0, 50_000, null)]);
    expect(answer.map((revenue) => revenue.currency)).toEqual(['EUR', 'TND']);
    const [eur, tnd] = answer;
    expect(eur?.months.map((month) => [month.month, month.mrrStartMinor, month.newMinor, month.mrrEndMinor, month.arpuMinor])).toEqual([
      ['2034-01', 0, 0, 0, null],
      ['2034-02', 0, 3_900, 3_900, 3_900],
      ['2034-03', 3_900, 0, 3_900, 3_900],
    ]);
    expect(eur?.months[0]).toMatchObject({ activeClinics: 0, logoChurnRate: null, revenueChurnRate: null });
    expect(tnd?.months[0]).toMatchObject({ mrrStartMinor: 50_000, churnedMinor: 50_000, mrrEndMinor: 0, logoChurnRate: 1, revenueChurnRate: 1, arpuMinor: null });
    expect(revenueByCurrency(windows, [])).toEqual([]);
  });
});
