import { describe, expect, it } from 'vitest';
import type { TrendPoint } from '../api/admin';
import { adminTimeframeOf, formatTrendValue, seriesEnds, seriesOf } from './trend-series';

const day = (date: string, figures: Partial<TrendPoint>): TrendPoint => ({
  day: date,
  mrrMinor: null,
  activeClinics: null,
  patients: 0,
  smsSent: 0,
  smsCostMinor: 0,
  qrAdoption: null,
  dau: null,
  ...figures,
});

/** Three days, the first before the first business snapshot. */
const POINTS = [
  day('2026-11-23', { patients: 40 }),
  day('2026-11-24', { mrrMinor: 250_000, activeClinics: 5, patients: 14, qrAdoption: 0.3571 }),
  day('2026-11-25', { mrrMinor: 210_000, activeClinics: 4, patients: 5 }),
];

describe('adminTimeframeOf', () => {
  it('should open on a month, and take any window the API knows', () => {
    expect(adminTimeframeOf(undefined)).toBe('30d');
    expect(adminTimeframeOf('1y')).toBe('1y');
    // The clinic history has 7 days; the business trends do not.
    expect(adminTimeframeOf('7d')).toBe('30d');
  });
});

describe('seriesOf and seriesEnds', () => {
  it('should leave a gap where a figure is not known rather than draw a zero', () => {
    expect(seriesOf(POINTS, 'mrrMinor')).toEqual([null, 250_000, 210_000]);
    expect(seriesOf(POINTS, 'patients')).toEqual([40, 14, 5]);
  });

  it('should say where a series started and where it stands, from known days only', () => {
    expect(seriesEnds(POINTS, 'mrrMinor')).toEqual({ first: { day: '2026-11-24', value: 250_000 }, last: { day: '2026-11-25', value: 210_000 } });
    expect(seriesEnds(POINTS, 'qrAdoption')).toEqual({ first: { day: '2026-11-24', value: 0.3571 }, last: { day: '2026-11-24', value: 0.3571 } });
    expect(seriesEnds(POINTS, 'dau')).toBeNull();
  });
});

describe('formatTrendValue', () => {
  it('should write each figure in its unit', () => {
    expect(formatTrendValue(210_000, 'money', 'TND', 'en')).toBe('TND\u00a0210.000');
    expect(formatTrendValue(0.3571, 'share', 'TND', 'en')).toBe('36%');
    expect(formatTrendValue(1234, 'count', 'TND', 'en')).toBe('1,234');
  });
});
