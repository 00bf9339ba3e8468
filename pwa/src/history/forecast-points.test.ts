import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { forecastCells, forecastSeries, type ScoredDay } from './forecast-points';

/** Two days at La Marsa: a busy Monday inside its range, then a Tuesday with no Tuesday before it to copy. */
const MONDAY: ScoredDay = {
  day: '2026-11-23',
  method: 'weekday-hour',
  expected: 52.3,
  low: 44,
  high: 61,
  actual: 58,
  absError: 5.7,
  inside: true,
  hoursScored: 10,
  hoursInside: 8,
  naiveAbsError: 9,
};
const TUESDAY: ScoredDay = { ...MONDAY, day: '2026-11-24', expected: 1040.5, low: 980, high: 1100, actual: 1212, absError: 171.5, inside: false, naiveAbsError: null };

describe('the forecast against what happened', () => {
  it('should draw each scored day’s expected arrivals, their range and the actual arrivals, in order', () => {
    expect(forecastSeries([MONDAY, TUESDAY])).toEqual({
      expected: [52.3, 1040.5],
      ranges: [
        [44, 61],
        [980, 1100],
      ],
      actual: [58, 1212],
    });
    expect(forecastSeries([])).toEqual({ expected: [], ranges: [], actual: [] });
  });

  it('should write a day’s row the reader’s way, with a dash where the naive forecast had nothing to copy', () => {
    expect(forecastCells(MONDAY, 'fr', fr)).toEqual(['52,3', '44–61', '58', '5,7', '9']);
    expect(forecastCells(MONDAY, 'en', en)).toEqual(['52.3', '44–61', '58', '5.7', '9']);
    const [expected, range, actual, error, naive] = forecastCells(TUESDAY, 'en', en);
    expect([expected, range, actual, error, naive]).toEqual(['1,040.5', '980–1,100', '1,212', '171.5', '—']);
  });
});
