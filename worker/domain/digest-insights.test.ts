import { describe, expect, it } from 'vitest';
import { addClinicDays } from './clinic-time.ts';
import { chooseInsight, dayChange, estimatesOff, insightCandidates, noShowSpike, qrDrop, sameWeekdays, slowestHour, type HourWaits, type InsightWeek } from './digest-insights.ts';
import { daysOf, mondayFirstWeekday, type DayCounters } from './history-figures.ts';
import { emptyRollupCounters } from './rollup.ts';

const MINUTE = 60_000;
const WEEK = { from: '2026-11-16', to: '2026-11-22' };
const TUESDAY = '2026-11-17';

/**
 * A clinic open Monday to Friday: 40 patients a day (30 by QR), 38 seen, 2 no-shows, 36 calls
 * waiting 20 min each, 36 quotes of which 30 held. Closed at the weekend.
 */
function usualDay(day: string, change: Partial<DayCounters> = {}): DayCounters {
  return {
    ...emptyRollupCounters(), day, checkinsQr: 30, checkinsManual: 10, seen: 38, noShows: 2,
    waitSumMs: 36 * 20 * MINUTE, waitCount: 36, quoted: 36, quoteWithinRange: 30, quoteAbsErrorSum: 36 * 4, ...change,
  };
}

/** The week and the 4 weeks before, every open day usual unless `change` says otherwise. */
function clinicWeeks(change: (day: string, inWeek: boolean) => Partial<DayCounters> = () => ({})): DayCounters[] {
  return daysOf({ from: addClinicDays(WEEK.from, -28), to: WEEK.to })
    .filter((day) => mondayFirstWeekday(day) < 5)
    .map((day) => usualDay(day, change(day, day >= WEEK.from)));
}

/** Four hours of calls, 9 h to 13 h, each waiting 20 min on average. */
const EVEN_HOURS: HourWaits[] = [9, 10, 11, 12].map((hour) => ({ hour, waitSumMs: 45 * 20 * MINUTE, waitCount: 45 }));

const weekOf = (days: DayCounters[], hours: HourWaits[] = EVEN_HOURS): InsightWeek => ({ week: WEEK, days, hours });

describe('the insight a digest leads with', () => {
  it('should find nothing unusual in a week like the four before, and say so with the week against their mean', () => {
    const week = weekOf(clinicWeeks());
    expect(insightCandidates(week)).toEqual([]);
    expect(chooseInsight(week)).toEqual({ kind: 'steady', figure: 200, against: 200, change: 0, score: 0 });
  });

  it('should say nothing of a week without patients', () => {
    expect(chooseInsight(weekOf(clinicWeeks((_, inWeek) => (inWeek ? { checkinsQr: 0, checkinsManual: 0 } : {}))))).toBeNull();
  });

  it("should compare nothing with a clinic's first weeks: no usual yet", () => {
    // Opened a fortnight before the week: two weeks of history, not four.
    const young = weekOf(clinicWeeks().filter((row) => row.day >= addClinicDays(WEEK.from, -14)));
    expect([dayChange(young), noShowSpike(young), qrDrop(young)]).toEqual([null, null, null]);
    expect(chooseInsight(young)).toEqual({ kind: 'steady', figure: 200, against: null, change: null, score: 0 });
    expect(sameWeekdays(young)[0]).toEqual({ day: WEEK.from, patients: 40, seen: 38, avgWaitMinutes: 20, usual: null });
  });

  describe('a day against the same weekday of the 4 weeks before', () => {
    // The 4 Tuesdays before had 40, 42, 41 and 41 patients (mean 41); this Tuesday 58.
    const tuesdays: Record<string, number> = { '2026-10-20': 40, '2026-10-27': 42, '2026-11-03': 41, '2026-11-10': 41, [TUESDAY]: 58 };
    const busyTuesday = weekOf(clinicWeeks((day) => (tuesdays[day] === undefined ? {} : { checkinsQr: (tuesdays[day] ?? 0) - 10 })));

    it('should name the day, its patients and the 4 weeks’ mean', () => {
      const found = dayChange(busyTuesday);
      expect(found).toMatchObject({ kind: 'day_change', day: TUESDAY, measure: 'patients', figure: 58, against: 41 });
      expect(found?.change).toBe(0.4146);
      expect(chooseInsight(busyTuesday)?.kind).toBe('day_change');
      expect(sameWeekdays(busyTuesday)[1]).toEqual({ day: TUESDAY, patients: 58, seen: 38, avgWaitMinutes: 20, usual: { patients: 41, avgWaitMinutes: 20 } });
    });

    it('should see a day whose average wait doubled', () => {
      const slowThursday = weekOf(clinicWeeks((day) => (day === '2026-11-19' ? { waitSumMs: 36 * 40 * MINUTE } : {})));
      expect(dayChange(slowThursday)).toMatchObject({ day: '2026-11-19', measure: 'avg_wait', figure: 40, against: 20, change: 1 });
    });

    it('should stay silent for a small clinic, where 4 more patients would read as +100 %', () => {
      // 4 patients on each usual Tuesday, 8 this one.
      const small = weekOf(clinicWeeks((day) => ({ checkinsQr: day === TUESDAY ? 8 : 4, checkinsManual: 0, waitCount: 4, waitSumMs: 4 * 20 * MINUTE })));
      expect(dayChange(small)).toBeNull();
    });

    it('should stay silent under a quarter of change', () => {
      const slightlyBusier = weekOf(clinicWeeks((day) => (day === TUESDAY ? { checkinsQr: 39 } : {})));
      expect(dayChange(slightlyBusier)).toBeNull();
    });
  });

  describe('the hour whose waits are longest', () => {
    it('should name the hour and compare its wait with the week’s', () => {
      // 10 h: 45 calls waiting 45 min; the other three hours 20 min: the week 26.25 min.
      const hours = EVEN_HOURS.map((row) => (row.hour === 10 ? { ...row, waitSumMs: 45 * 45 * MINUTE } : row));
      const found = slowestHour(weekOf(clinicWeeks(), hours));
      expect(found).toMatchObject({ kind: 'slowest_hour', hour: 10, figure: 45, against: 26.3 });
      expect(found?.score).toBeCloseTo(45 / 26.25 - 1, 10);
    });

    it('should not name an hour of 3 calls, however long they waited', () => {
      const hours = [...EVEN_HOURS, { hour: 17, waitSumMs: 3 * 90 * MINUTE, waitCount: 3 }];
      expect(slowestHour(weekOf(clinicWeeks(), hours))).toBeNull();
    });
  });

  describe('a no-show spike against the 4 weeks’ rate', () => {
    it('should give the week’s rate, its no-shows and the usual rate', () => {
      // 5 no-shows a day instead of 2: 25 of 200 patients (12.5 %) against 5 %.
      const spike = weekOf(clinicWeeks((_, inWeek) => (inWeek ? { noShows: 5 } : {})));
      expect(noShowSpike(spike)).toMatchObject({ kind: 'no_show_spike', noShows: 25, figure: 0.125, against: 0.05, change: 1.5 });
      expect(chooseInsight(spike)?.kind).toBe('no_show_spike');
    });

    it('should stay silent for a week of 20 patients', () => {
      const quiet = weekOf(clinicWeeks((_, inWeek) => (inWeek ? { checkinsQr: 2, checkinsManual: 2, noShows: 2 } : {})));
      expect(noShowSpike(quiet)).toBeNull();
    });
  });

  describe('a QR adoption drop against the 4 weeks before', () => {
    it('should give the week’s share and the usual one', () => {
      // 15 of 40 by QR instead of 30 of 40.
      const drop = weekOf(clinicWeeks((_, inWeek) => (inWeek ? { checkinsQr: 15, checkinsManual: 25 } : {})));
      expect(qrDrop(drop)).toMatchObject({ kind: 'qr_drop', figure: 0.375, against: 0.75, change: -0.5, score: 0.5 });
    });

    it('should stay silent for a small week', () => {
      const small = weekOf(clinicWeeks((_, inWeek) => (inWeek ? { checkinsQr: 1, checkinsManual: 4 } : {})));
      expect(qrDrop(small)).toBeNull();
    });
  });

  describe('the wait estimates’ accuracy', () => {
    it('should say how often the quoted range held against the 8 in 10 it aims at, and the mean error', () => {
      // 12 of 36 quotes held each day (1 in 3), 9 min off on average.
      const off = weekOf(clinicWeeks((_, inWeek) => (inWeek ? { quoteWithinRange: 12, quoteAbsErrorSum: 36 * 9 } : {})));
      const found = estimatesOff(off);
      expect(found).toMatchObject({ kind: 'estimates_off', quoted: 180, meanAbsoluteErrorMinutes: 9, figure: 0.3333, against: 0.8 });
      expect(found?.score).toBeCloseTo(1 - 1 / 3 / 0.8, 10);
    });

    it('should stay silent under 20 quotes', () => {
      const few = weekOf(clinicWeeks((day, inWeek) => (inWeek ? { quoted: day === TUESDAY ? 19 : 0, quoteWithinRange: 0 } : {})));
      expect(estimatesOff(few)).toBeNull();
    });
  });

  it('should pick the strongest evidence when several detectors fire, and keep the others ranked', () => {
    // Tuesday +41 % and the QR share halved (a relative gap of 50 %): the QR drop leads.
    const both = weekOf(
      clinicWeeks((day, inWeek) => ({
        ...(inWeek ? { checkinsQr: 15, checkinsManual: 25 } : {}),
        ...(day === TUESDAY ? { checkinsQr: 13, checkinsManual: 45 } : {}),
        ...(day === '2026-11-10' || day === '2026-11-03' || day === '2026-10-27' || day === '2026-10-20' ? { checkinsQr: 31 } : {}),
      })),
    );
    const ranked = insightCandidates(both);
    expect(ranked.map((candidate) => candidate.kind)).toEqual(['qr_drop', 'day_change']);
    expect(ranked[0]).toMatchObject({ figure: 0.3349, against: 0.7512 });
    expect(chooseInsight(both)?.kind).toBe('qr_drop');
  });
});
