import { describe, expect, it } from 'vitest';
import { busiestCell, heatOf, openHours } from './peak-hours';

/** A clinic open 8:00–12:00 and 15:00–18:00, closed for lunch, nobody at night. */
const ARRIVALS_BY_HOUR: Record<number, number> = { 8: 14, 9: 40, 10: 33, 11: 12, 15: 20, 16: 26, 17: 9 };
const HOURS = Array.from({ length: 24 }, (_, hour) => {
  const arrivals = ARRIVALS_BY_HOUR[hour] ?? 0;
  return { hour, arrivals, meanArrivals: arrivals / 6 };
});

describe('openHours', () => {
  it('should keep the hours from the first arrival to the last, the lunch break included', () => {
    expect(openHours(HOURS)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  });

  it('should keep no hour of a window without arrivals', () => {
    expect(openHours(HOURS.map((hour) => ({ ...hour, arrivals: 0, meanArrivals: 0 })))).toEqual([]);
  });
});

describe('heatOf and busiestCell', () => {
  const weekdayHours = [
    { weekday: 0, openDays: 1, meanArrivals: [0, 2, 8] },
    { weekday: 6, openDays: 0, meanArrivals: [0, 0, 0] },
  ];

  it('should shade each cell by its share of the busiest one', () => {
    expect(busiestCell(weekdayHours)).toBe(8);
    expect(heatOf(2, 8)).toBe(0.25);
    expect(heatOf(8, 8)).toBe(1);
  });

  it('should leave every cell blank when nobody came', () => {
    expect(busiestCell([{ weekday: 6, openDays: 0, meanArrivals: [0, 0] }])).toBe(0);
    expect(heatOf(0, 0)).toBe(0);
  });
});
