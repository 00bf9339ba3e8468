import { describe, expect, it } from 'vitest';
import { QUIET_DAY, WEEK } from '../history/marsa-week.fixture';
import { UnexpectedAnswerError } from './errors';
import { historyCsvUrl, parseAnalytics, parseCharts, parseEstimates, parseNoShows, parsePeakHours, parseWeekly } from './history';

/** Dr Ben Salah's clinic in La Marsa, the week ending Tuesday 24 November 2026. */
const CLINIC = { clinicId: 'clinic-la-marsa', timezone: 'Africa/Tunis', currency: 'TND' };
const FRESH = { lastUpdated: '2026-11-24T10:00:00.000Z', dataFreshness: 'live' };

const ANALYTICS = {
  ...CLINIC,
  timeframe: '7d',
  period: { from: '2026-11-18', to: '2026-11-24' },
  previousPeriod: { from: '2026-11-11', to: '2026-11-17' },
  current: WEEK,
  previous: { ...WEEK, patients: 200, noShows: 0 },
  periodComparison: {
    patients: 6,
    seen: 4.8,
    noShows: null,
    noShowRate: null,
    avgWaitMinutes: -5.2,
    maxWaitMinutes: 0,
    avgConsultationMinutes: 1.8,
    qrShare: 3.1,
    smsSent: 12.5,
    smsCostMinor: 12.5,
    meanAbsoluteErrorMinutes: -8.2,
    withinRangeShare: 2.5,
    serviceLevelShare: 4.1,
  },
  ...FRESH,
};

describe('parseAnalytics', () => {
  it("should take a week of the clinic's figures, compared with the week before, as the Worker sends them", () => {
    const answer = parseAnalytics(ANALYTICS);
    expect(answer.current.patients).toBe(212);
    expect(answer.periodComparison.avgWaitMinutes).toBe(-5.2);
    // No no-show the week before: nothing to compare with.
    expect(answer.periodComparison.noShows).toBeNull();
  });

  it('should keep the age of an answer served from the cache while the database is down', () => {
    const answer = parseAnalytics({ ...ANALYTICS, dataFreshness: 'cached', stale: true, ageSeconds: 720 });
    expect(answer).toMatchObject({ stale: true, ageSeconds: 720 });
  });

  it('should refuse an answer that breaks the contract, naming the field', () => {
    expect(() => parseAnalytics({ ...ANALYTICS, timeframe: '2w' })).toThrow(/timeframe/);
    expect(() => parseAnalytics({ ...ANALYTICS, current: { ...WEEK, patients: '212' } })).toThrow(/current\.patients/);
    expect(() => parseAnalytics({ ...ANALYTICS, periodComparison: { ...ANALYTICS.periodComparison, patients: 'up' } })).toThrow(
      UnexpectedAnswerError,
    );
    expect(() => parseAnalytics(null)).toThrow(UnexpectedAnswerError);
  });

  it('should read the quotes’ accuracy and the service level of the window, and their changes', () => {
    const answer = parseAnalytics(ANALYTICS);
    expect(answer.current.estimates.medianAbsoluteErrorMinutes).toBe(4);
    expect(answer.current.serviceLevel).toEqual({ targetMinutes: 30, called: 198, calledWithinTarget: 162, share: 162 / 198 });
    expect(answer.periodComparison.serviceLevelShare).toBe(4.1);
  });

  it('should refuse an answer from before quotes rather than show it without them', () => {
    const { estimates: _estimates, serviceLevel: _serviceLevel, unfinished: _unfinished, ...before } = WEEK;
    expect(() => parseAnalytics({ ...ANALYTICS, current: before })).toThrow(/current\.(estimates|serviceLevel|unfinished)/);
  });
});

describe('parseCharts', () => {
  it('should read a year as weeks, the first one clipped to the window', () => {
    const answer = parseCharts({
      ...CLINIC,
      timeframe: '1y',
      period: { from: '2025-11-25', to: '2026-11-24' },
      granularity: 'week',
      points: [
        { date: '2025-11-25', from: '2025-11-25', to: '2025-11-30', figures: WEEK },
        { date: '2025-12-01', from: '2025-12-01', to: '2025-12-07', figures: QUIET_DAY },
      ],
      insufficientData: false,
      ...FRESH,
    });
    expect(answer.granularity).toBe('week');
    expect(answer.points.map((point) => point.figures.patients)).toEqual([212, 0]);
  });

  it('should refuse a point without its figures', () => {
    const broken = { ...CLINIC, timeframe: '7d', period: ANALYTICS.period, granularity: 'day', insufficientData: true, ...FRESH };
    expect(() => parseCharts({ ...broken, points: [{ date: '2026-11-24', from: '2026-11-24', to: '2026-11-24' }] })).toThrow(/points\.0\.figures/);
  });
});

describe('parseWeekly, parsePeakHours and parseNoShows', () => {
  it('should read the last seven days, Monday as weekday 0', () => {
    const answer = parseWeekly({
      ...CLINIC,
      period: { from: '2026-11-18', to: '2026-11-24' },
      days: [{ day: '2026-11-23', weekday: 0, figures: WEEK }],
      totals: WEEK,
      ...FRESH,
    });
    expect(answer.days[0]).toMatchObject({ day: '2026-11-23', weekday: 0 });
  });

  it('should read mean arrivals per hour and per weekday and hour', () => {
    const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, meanArrivals: hour === 9 ? 6.5 : 0, arrivals: hour === 9 ? 39 : 0 }));
    const weekdayHours = Array.from({ length: 7 }, (_, weekday) => ({ weekday, openDays: 1, meanArrivals: hours.map((h) => h.meanArrivals) }));
    const answer = parsePeakHours({ ...CLINIC, timeframe: '7d', period: ANALYTICS.period, openDays: 6, hours, weekdayHours, ...FRESH });
    expect(answer.hours[9]).toEqual({ hour: 9, meanArrivals: 6.5, arrivals: 39 });
    expect(() => parsePeakHours({ ...answer, weekdayHours: [{ weekday: 0, openDays: 1, meanArrivals: ['many'] }] })).toThrow(
      /weekdayHours\.0\.meanArrivals\.0/,
    );
  });

  it('should read a weekday without patients as a rate of null', () => {
    const weekdays = Array.from({ length: 7 }, (_, weekday) =>
      weekday === 6 ? { weekday, patients: 0, noShows: 0, rate: null } : { weekday, patients: 35, noShows: 2, rate: 2 / 35 },
    );
    const answer = parseNoShows({ ...CLINIC, timeframe: '7d', period: ANALYTICS.period, weekdays, overallRate: 12 / 210, ...FRESH });
    expect(answer.weekdays[6]?.rate).toBeNull();
    expect(() => parseNoShows({ ...answer, overallRate: '6%' })).toThrow(/overallRate/);
  });
});

describe('parseEstimates', () => {
  it('should read the window’s accuracy overall and for each hour of the call', () => {
    const hours = Array.from({ length: 24 }, (_, hour) => {
      const { estimates, serviceLevel } = hour === 9 ? WEEK : QUIET_DAY;
      return { hour, estimates, serviceLevel };
    });
    const window = { ...CLINIC, timeframe: '30d', period: ANALYTICS.period };
    const answer = parseEstimates({ ...window, overall: WEEK.estimates, serviceLevel: WEEK.serviceLevel, hours, ...FRESH });
    expect(answer.hours[9]?.estimates.medianAbsoluteErrorMinutes).toBe(4);
    expect(answer.overall.called).toBe(160);
    expect(() => parseEstimates({ ...answer, hours: [{ hour: 9, estimates: WEEK.estimates }] })).toThrow(/hours\.0\.serviceLevel/);
  });
});

describe('historyCsvUrl', () => {
  it("should address the window's export on the clinic, for a plain download link", () => {
    expect(historyCsvUrl('clinic-la-marsa', '90d')).toBe('/api/v1/clinics/clinic-la-marsa/history.csv?timeframe=90d');
  });
});
