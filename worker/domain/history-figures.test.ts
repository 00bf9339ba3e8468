import { describe, expect, it } from 'vitest';
import { startOfClinicDay, nextClinicDay } from './clinic-time.ts';
import { chartPoints, daysOf, mondayFirstWeekday, peakHours, periodComparison, windowsOf, type DayCounters, type WeekdayHourArrivals } from './history-figures.ts';
import { emptyRollupCounters, rollupClinic, type HourlyRollupRow, type RollupEntry } from './rollup.ts';

const HOUR = 3_600_000;

/** One QR check-in five minutes into every hour the clinic day really has. */
function everyHourOf(day: string, timezone: string): RollupEntry[] {
  const entries: RollupEntry[] = [];
  const end = startOfClinicDay(nextClinicDay(day), timezone);
  for (let at = startOfClinicDay(day, timezone); at < end; at += HOUR) {
    entries.push({ method: 'qr', checkedInAt: at + 5 * 60_000, calledAt: null, consultationStartedAt: null, completedAt: null, noShowAt: null, cancelledAt: null, unfinishedAt: null, quoteWaitMinutes: null, quoteLowMinutes: null, quoteHighMinutes: null });
  }
  return entries;
}

/** What the peak-hours query sums: check-ins by weekday and local hour. */
function arrivalsOf(hourly: readonly HourlyRollupRow[]): WeekdayHourArrivals[] {
  const cells = new Map<string, WeekdayHourArrivals>();
  for (const row of hourly) {
    const weekday = mondayFirstWeekday(row.day);
    const key = `${weekday}:${row.hour}`;
    const cell = cells.get(key) ?? { weekday, hour: row.hour, arrivals: 0 };
    cell.arrivals += row.checkinsQr + row.checkinsManual;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

function openDays(days: readonly string[]): number[] {
  const counts = Array.from({ length: 7 }, () => 0);
  for (const day of days) counts[mondayFirstWeekday(day)] = (counts[mondayFirstWeekday(day)] ?? 0) + 1;
  return counts;
}

describe('history buckets on days that are not 24 hours long', () => {
  it('should give Paris 23 hourly buckets when summer time starts (no 02:00), all in one day', () => {
    const day = '2026-03-29';
    const { daily, hourly } = rollupClinic({ clinicId: 'c', timezone: 'Europe/Paris', entries: everyHourOf(day, 'Europe/Paris'), sms: [], now: Date.parse('2026-04-01T00:00:00Z') });
    expect(hourly).toHaveLength(23);
    expect(hourly.map((row) => row.hour)).toEqual([0, 1, ...Array.from({ length: 21 }, (_, index) => index + 3)]);
    expect(daily).toEqual([expect.objectContaining({ day, checkinsQr: 23 })]);
    const peaks = peakHours(arrivalsOf(hourly), openDays([day]));
    expect(peaks.hours[2]).toEqual({ hour: 2, meanArrivals: 0, arrivals: 0 });
    expect(peaks.hours[3]?.meanArrivals).toBe(1);
  });

  it('should give Paris 25 hourly buckets when summer time ends, the repeated 02:00 counted twice in hour 2', () => {
    const day = '2026-10-25';
    const { daily, hourly } = rollupClinic({ clinicId: 'c', timezone: 'Europe/Paris', entries: everyHourOf(day, 'Europe/Paris'), sms: [], now: Date.parse('2026-11-01T00:00:00Z') });
    expect(hourly).toHaveLength(25);
    const twos = hourly.filter((row) => row.hour === 2);
    expect(twos).toHaveLength(2);
    expect((twos[1]?.hourStart ?? 0) - (twos[0]?.hourStart ?? 0)).toBe(HOUR);
    expect(daily).toEqual([expect.objectContaining({ day, checkinsQr: 25 })]);
    const peaks = peakHours(arrivalsOf(hourly), openDays([day]));
    expect(peaks.hours[2]).toEqual({ hour: 2, meanArrivals: 2, arrivals: 2 });
    expect(peaks.weekdayHours[6]?.meanArrivals[2]).toBe(2); // 25 October 2026 is a Sunday.
    expect(peaks.hours.reduce((sum, hour) => sum + hour.arrivals, 0)).toBe(25);
  });

  it('should give Tunis, which has no summer time, 24 buckets on both of those days', () => {
    for (const day of ['2026-03-29', '2026-10-25']) {
      const { hourly } = rollupClinic({ clinicId: 'c', timezone: 'Africa/Tunis', entries: everyHourOf(day, 'Africa/Tunis'), sms: [], now: Date.parse('2026-11-01T00:00:00Z') });
      expect(hourly.map((row) => row.hour)).toEqual(Array.from({ length: 24 }, (_, index) => index));
    }
  });
});

describe('history windows and points', () => {
  it('should end each window today and put the previous one right before it', () => {
    expect(windowsOf('7d', '2026-11-25')).toEqual({ current: { from: '2026-11-19', to: '2026-11-25' }, previous: { from: '2026-11-12', to: '2026-11-18' } });
    expect(windowsOf('1y', '2026-11-25').current.from).toBe('2025-11-26');
    // Across the change of month and of summer time, days stay calendar days.
    expect(daysOf({ from: '2026-10-24', to: '2026-10-27' })).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
  });

  it('should cut weeks on Mondays and clip the first and last to the window', () => {
    const points = chartPoints([], { from: '2026-11-12', to: '2026-11-25' }, 'week');
    // 12 Nov 2026 is a Thursday; 16 and 23 Nov are Mondays.
    expect(points.map((point) => [point.from, point.to])).toEqual([
      ['2026-11-12', '2026-11-15'],
      ['2026-11-16', '2026-11-22'],
      ['2026-11-23', '2026-11-25'],
    ]);
  });

  it('should sum the days of a week into its point', () => {
    const row = (day: string, checkinsQr: number): DayCounters => ({ ...emptyRollupCounters(), day, checkinsQr });
    const points = chartPoints([row('2026-11-16', 2), row('2026-11-22', 3), row('2026-11-23', 1)], { from: '2026-11-16', to: '2026-11-25' }, 'week');
    expect(points.map((point) => point.figures.patients)).toEqual([5, 1]);
  });

  it('should compare with the previous period, null where there was nothing before', () => {
    const counters = (checkinsQr: number, checkinsManual: number) => ({ ...emptyRollupCounters(), checkinsQr, checkinsManual });
    const compared = periodComparison(counters(3, 0), counters(1, 1));
    expect(compared.patients).toBe(50);
    expect(compared.qrShare).toBe(100);
    expect(periodComparison(counters(3, 0), counters(0, 0)).patients).toBeNull();
  });
});
