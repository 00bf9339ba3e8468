import { describe, expect, it } from 'vitest';
import type { DayCounters } from './history-figures.ts';
import { emptyRollupCounters } from './rollup.ts';
import { clinicWeekDigest, weekChart } from './weekly-digest.ts';

const MINUTE = 60_000;
const day = (label: string, counters: Partial<DayCounters>): DayCounters => ({ ...emptyRollupCounters(), day: label, ...counters });

describe("a clinic owner's weekly digest", () => {
  const week = { from: '2026-11-16', to: '2026-11-22' };
  const days = [
    // The week before: 10 patients, 8 seen.
    day('2026-11-10', { checkinsQr: 4, checkinsManual: 6, seen: 8, waitSumMs: 80 * MINUTE, waitCount: 8, waitMaxMs: 25 * MINUTE }),
    // Last week: Monday and Thursday tie on 12 patients; Monday, the earlier, is the busiest day.
    day('2026-11-16', { checkinsQr: 6, checkinsManual: 6, seen: 11, noShows: 1, waitSumMs: 110 * MINUTE, waitCount: 11, waitMaxMs: 30 * MINUTE, smsSent: 12, smsCostMinor: 480 }),
    day('2026-11-19', { checkinsQr: 9, checkinsManual: 3, seen: 10, noShows: 2, waitSumMs: 150 * MINUTE, waitCount: 10, waitMaxMs: 45 * MINUTE, smsSent: 10, smsCostMinor: 400 }),
    // The Monday after (this week): not in last week's figures.
    day('2026-11-23', { checkinsQr: 50 }),
  ];
  const hours = [
    { hour: 9, arrivals: 8 },
    { hour: 10, arrivals: 8 },
    { hour: 16, arrivals: 5 },
  ];

  it('should sum last week, compare it with the week before and name its busiest day and hour', () => {
    const digest = clinicWeekDigest(week, days, hours);
    expect(digest.figures).toMatchObject({ patients: 24, seen: 21, noShows: 3, avgWaitMinutes: 12.4, maxWaitMinutes: 45, qrShare: 0.625, smsSent: 22, smsCostMinor: 880 });
    expect(digest.previous).toMatchObject({ patients: 10, seen: 8 });
    expect(digest.change).toMatchObject({ patients: 140, seen: 162.5, smsSent: null });
    expect(digest.busiestDay).toEqual({ day: '2026-11-16', patients: 12 });
    expect(digest.busiestHour).toEqual({ hour: 9, patients: 8 });
  });

  it('should say nothing of a busiest day or hour for a week without patients', () => {
    const digest = clinicWeekDigest(week, [], []);
    expect(digest).toMatchObject({ busiestDay: null, busiestHour: null, figures: { patients: 0, avgWaitMinutes: null } });
  });

  it("should draw the week's bars against its busiest day, a day without patients at zero", () => {
    expect(weekChart(week, days)).toEqual([
      { day: '2026-11-16', patients: 12, seen: 11, share: 1 },
      { day: '2026-11-17', patients: 0, seen: 0, share: 0 },
      { day: '2026-11-18', patients: 0, seen: 0, share: 0 },
      { day: '2026-11-19', patients: 12, seen: 10, share: 1 },
      { day: '2026-11-20', patients: 0, seen: 0, share: 0 },
      { day: '2026-11-21', patients: 0, seen: 0, share: 0 },
      { day: '2026-11-22', patients: 0, seen: 0, share: 0 },
    ]);
    const thursdayHalf = weekChart(week, [...days.filter((row) => row.day === '2026-11-16'), { ...emptyRollupCounters(), day: '2026-11-19', checkinsQr: 4, seen: 4 }]);
    expect(thursdayHalf.map((bar) => bar.share)).toEqual([1, 0, 0, 0.3333, 0, 0, 0]);
    expect(weekChart(week, []).every((bar) => bar.share === 0)).toBe(true);
  });
});
