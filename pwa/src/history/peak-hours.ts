import type { PeakHoursAnswer } from '../api/history';

/**
 * The hours from the first to the last that had an arrival in the window: the empty night would
 * crowd a phone's width for nothing. Hours in between stay, even empty (a lunch break is news).
 */
export function openHours(hours: PeakHoursAnswer['hours']): number[] {
  const busy = hours.filter((hour) => hour.arrivals > 0).map((hour) => hour.hour);
  if (busy.length === 0) return [];
  const first = Math.min(...busy);
  return Array.from({ length: Math.max(...busy) - first + 1 }, (_, index) => first + index);
}

/** A heat map cell's share of the busiest cell, 0 to 1: how dark it is. */
export function heatOf(meanArrivals: number, busiest: number): number {
  return busiest > 0 ? Math.min(1, Math.max(0, meanArrivals / busiest)) : 0;
}

/** The busiest weekday-hour of the window (mean arrivals), the heat map's darkest cell. */
export function busiestCell(weekdayHours: PeakHoursAnswer['weekdayHours']): number {
  return Math.max(0, ...weekdayHours.flatMap((row) => row.meanArrivals));
}
