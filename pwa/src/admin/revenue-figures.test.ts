import { describe, expect, it } from 'vitest';
import type { RevenueMonth } from '../api/revenue';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { majorAmountText, revenueChartSeries, revenueColumns, revenueMonthAxis, revenueRowCells } from './revenue-figures';

/** April: 240 TND at the start, a rise of 20, a clinic of 50 gone; May: nothing active. */
const APRIL: RevenueMonth = {
  month: '2034-04', mrrStartMinor: 240_000, newMinor: 0, expansionMinor: 20_000, contractionMinor: 0, churnedMinor: 50_000, reactivationMinor: 0,
  mrrEndMinor: 210_000, activeClinics: 4, arpuMinor: 52_500, logoChurnRate: 0.2, revenueChurnRate: 0.2083,
};
const EMPTY: RevenueMonth = { ...APRIL, month: '2034-05', mrrStartMinor: 0, expansionMinor: 0, churnedMinor: 0, mrrEndMinor: 0, activeClinics: 0, arpuMinor: null, logoChurnRate: null, revenueChurnRate: null };

describe('the revenue screen', () => {
  it('should draw rises above zero and falls below in major units, stacked, with the month-end MRR as a line', () => {
    const series = revenueChartSeries([APRIL, EMPTY], 'TND', fr);
    expect(series.map((one) => [one.label, one.type, one.tone, one.faded ?? false, one.values])).toEqual([
      ['Nouveaux', 'bar', 'ok', false, [0, 0]],
      ['Hausses', 'bar', 'ok', true, [20, 0]],
      ['Retours', 'bar', 'brand', false, [0, 0]],
      ['Baisses', 'bar', 'danger', true, [-0, -0]],
      ['Départs', 'bar', 'danger', false, [-50, -0]],
      ['MRR à la fin', 'line', 'neutral', false, [210, 0]],
    ]);
    // Euros have cents: 39 € is 3 900 of them.
    expect(revenueChartSeries([{ ...APRIL, mrrEndMinor: 3_900 }], 'EUR', en).at(-1)?.values).toEqual([39]);
  });

  it('should give the table one column per figure and write each month in the currency, "—" where there is none', () => {
    expect(revenueColumns(fr)).toEqual([
      'Mois', 'MRR au début', 'Nouveaux', 'Hausses', 'Retours', 'Baisses', 'Départs', 'MRR à la fin', 'Cabinets actifs', 'Revenu moyen par cabinet', 'Attrition des cabinets', 'Attrition du revenu',
    ]);
    const cells = revenueRowCells(APRIL, 'TND', 'fr', fr).map((cell) => cell.replace(/\s/g, ' '));
    expect(cells).toEqual(['240,000 TND', '0,000 TND', '20,000 TND', '0,000 TND', '0,000 TND', '50,000 TND', '210,000 TND', '4', '52,500 TND', '20 %', '21 %']);
    expect(revenueRowCells(EMPTY, 'TND', 'en', en).slice(-3)).toEqual(['—', '—', '—']);
    expect(revenueColumns(en)).toHaveLength(cells.length + 1);
  });

  it('should name a month briefly on the axis, in each language', () => {
    expect(revenueMonthAxis('2034-04', 'fr')).toBe('avr. 34');
    expect(revenueMonthAxis('2034-04', 'en')).toBe('Apr 34');
    // The chart's axis and tooltips: its major units back to money, falls with their sign.
    expect(majorAmountText(52.5, 'TND', 'fr').replace(/\s/g, ' ')).toBe('52,500 TND');
    expect(majorAmountText(-39, 'EUR', 'en')).toBe('-€39.00');
  });
});
