import { beforeAll, describe, expect, it } from 'vitest';
import { addClinicDays, clinicDayOf, instantOfClinicTime } from '../../worker/domain/clinic-time.ts';
import type { AnalyticsAnswer, ChartsAnswer, EstimatesAnswer, NoShowsAnswer, PeakHoursAnswer, WeeklyAnswer } from '../../worker/domain/history-wire.ts';
import { emptyRollupCounters, type RollupCounters } from '../../worker/domain/rollup.ts';
import { storeRollups } from '../support/stored-rollups.ts';
import { api, apiJson, createWorld, sessionFor, type World } from '../support/world.ts';

const TZ = 'Africa/Tunis';
const MINUTE = 60_000;

/** A day of clinic A, written out: only the counters that matter to the test are set. */
function counters(partial: Partial<RollupCounters>): RollupCounters {
  return { ...emptyRollupCounters(), ...partial };
}

describe('a clinic history from its rollups (hand-built, days relative to today in Tunis)', () => {
  let world: World;
  let doctor: string;
  let today: string;
  const day = (offset: number) => addClinicDays(today, offset);

  beforeAll(async () => {
    world = await createWorld();
    doctor = await sessionFor(world.ownerA);
    today = clinicDayOf(Date.now(), TZ);
    const days: Array<[number, RollupCounters]> = [
      // The current 7 days: today and two days ago. Quotes: today errors 1 and 5 (median 3), two
      // days ago 0, 2 and 7 (median 2); the week's median is 2, not a mean of medians.
      [0, counters({ checkinsQr: 3, checkinsManual: 1, seen: 2, noShows: 1, waitSumMs: 40 * MINUTE, waitCount: 2, waitMaxMs: 25 * MINUTE, consultSumMs: 30 * MINUTE, consultCount: 2, smsSent: 4, smsFailed: 1, smsCostMinor: 160, calledWithinTarget: 2, quoted: 2, quoteAbsErrorSum: 6, quoteWithinRange: 1, quoteUnderQuoted: 1, quoteAbsErrors: { 1: 1, 5: 1 }, walkOutScored: 2, walkOutBrierSum: 0.3, walkOutBaseRateBrierSum: 0.5 })],
      [-2, counters({ checkinsQr: 1, checkinsManual: 3, seen: 4, waitSumMs: 60 * MINUTE, waitCount: 4, waitMaxMs: 30 * MINUTE, consultSumMs: 40 * MINUTE, consultCount: 4, smsSent: 2, smsCostMinor: 80, unfinished: 1, calledWithinTarget: 3, quoted: 3, quoteAbsErrorSum: 9, quoteWithinRange: 3, quoteAbsErrors: { 0: 1, 2: 1, 7: 1 }, walkOutScored: 3, walkOutBrierSum: 0.15, walkOutBaseRateBrierSum: 0.4 })],
      // The 7 days before.
      [-8, counters({ checkinsQr: 2, checkinsManual: 2, seen: 3, noShows: 1, waitSumMs: 30 * MINUTE, waitCount: 3, waitMaxMs: 12 * MINUTE, consultSumMs: 36 * MINUTE, consultCount: 3, calledWithinTarget: 3, quoted: 2, quoteAbsErrorSum: 4, quoteWithinRange: 1, quoteAbsErrors: { 2: 2 } })],
      // Further back: in the previous 30 days, and in the year.
      [-40, counters({ checkinsQr: 5, seen: 5 })],
      [-200, counters({ checkinsManual: 7, seen: 6, noShows: 1 })],
    ];
    const daily = days.map(([offset, values]) => ({ clinicId: world.clinicA, day: day(offset), ...values, updatedAt: 0, finalizedAt: null }));
    // The hours of the two current days, consistent with their check-ins and calls.
    const hours: Array<[number, number, Partial<RollupCounters>]> = [
      [0, 9, { checkinsQr: 2 }],
      [0, 10, { checkinsQr: 1, checkinsManual: 1, waitCount: 2, calledWithinTarget: 2, quoted: 2, quoteAbsErrorSum: 6, quoteWithinRange: 1, quoteUnderQuoted: 1, quoteAbsErrors: { 1: 1, 5: 1 } }],
      [-2, 9, { checkinsManual: 2, waitCount: 2, calledWithinTarget: 2, quoted: 2, quoteAbsErrorSum: 2, quoteWithinRange: 2, quoteAbsErrors: { 0: 1, 2: 1 } }],
      [-2, 16, { checkinsQr: 1, checkinsManual: 1, waitCount: 2, calledWithinTarget: 1, quoted: 1, quoteAbsErrorSum: 7, quoteWithinRange: 1, quoteAbsErrors: { 7: 1 } }],
    ];
    const hourly = hours.map(([offset, hour, values]) => ({
      clinicId: world.clinicA,
      hourStart: instantOfClinicTime(day(offset), hour * 60, TZ),
      day: day(offset),
      hour,
      ...counters(values),
      updatedAt: 0,
    }));
    await storeRollups({ daily, hourly });
  });

  const get = <T>(path: string, token = doctor) => apiJson<T>(world, `/clinics/${world.clinicA}${path}`, { token });

  it('should total the last 7 days and compare them with the 7 before', async () => {
    const { response, body } = await get<AnalyticsAnswer>('/analytics?timeframe=7d');
    expect(response.status).toBe(200);
    expect(body.period).toEqual({ from: day(-6), to: today });
    expect(body.previousPeriod).toEqual({ from: day(-13), to: day(-7) });
    expect(body.current).toEqual({
      patients: 8, checkInsQr: 4, checkInsManual: 4, seen: 6, noShows: 1, cancelled: 0, noShowRate: 0.125,
      avgWaitMinutes: 16.7, maxWaitMinutes: 30, avgConsultationMinutes: 11.7, qrShare: 0.5,
      smsSent: 6, smsFailed: 1, smsCostMinor: 240, unfinished: 1,
      // Errors 0, 1, 2, 5, 7; 5 of 6 calls within the 30-minute default target.
      estimates: { called: 5, meanAbsoluteErrorMinutes: 3, medianAbsoluteErrorMinutes: 2, withinRangeShare: 0.8, underQuotedShare: 0.2 },
      serviceLevel: { targetMinutes: 30, called: 6, calledWithinTarget: 5, share: 0.8333 },
      // Five entries' walk-out risks scored: Brier (0.3 + 0.15) ÷ 5, the base rate's (0.5 + 0.4) ÷ 5.
      walkOutModel: { entries: 5, brier: 0.09, baseRateBrier: 0.18 },
    });
    expect(body.previous).toMatchObject({
      patients: 4, seen: 3, noShows: 1, noShowRate: 0.25, avgWaitMinutes: 10, maxWaitMinutes: 12, avgConsultationMinutes: 12, qrShare: 0.5, smsSent: 0, unfinished: 0,
      estimates: { called: 2, meanAbsoluteErrorMinutes: 2, medianAbsoluteErrorMinutes: 2, withinRangeShare: 0.5, underQuotedShare: 0 },
      serviceLevel: { targetMinutes: 30, called: 3, calledWithinTarget: 3, share: 1 },
    });
    // Compared on exact values, not on the rounded minutes: 16.666… against 10 is +66.7 %.
    expect(body.periodComparison).toEqual({
      patients: 100, seen: 100, noShows: 0, noShowRate: -50, avgWaitMinutes: 66.7, maxWaitMinutes: 150,
      avgConsultationMinutes: -2.8, qrShare: 0, smsSent: null, smsCostMinor: null,
      // Mean error 3 against 2; within range 0.8 against 0.5; service level 5/6 against 1.
      meanAbsoluteErrorMinutes: 50, withinRangeShare: 60, serviceLevelShare: -16.7,
    });
    expect(body).toMatchObject({ clinicId: world.clinicA, timezone: TZ, currency: 'TND', timeframe: '7d' });
  });

  it('should reach further back with longer windows', async () => {
    const month = (await get<AnalyticsAnswer>('/analytics?timeframe=30d')).body;
    expect(month.current.patients).toBe(12);
    expect(month.previous.patients).toBe(5);
    expect(month.periodComparison.patients).toBe(140);
    const year = (await get<AnalyticsAnswer>('/analytics?timeframe=1y')).body;
    expect(year.current).toMatchObject({ patients: 24, seen: 20, noShows: 3 });
    expect(year.previous.patients).toBe(0);
    expect(year.periodComparison.patients).toBeNull();
  });

  it('should chart every day of the window, zero-filled', async () => {
    const { body } = await get<ChartsAnswer>('/charts?timeframe=7d');
    expect(body.granularity).toBe('day');
    expect(body.insufficientData).toBe(false);
    expect(body.points.map((point) => point.date)).toEqual([-6, -5, -4, -3, -2, -1, 0].map(day));
    expect(body.points.map((point) => point.figures.patients)).toEqual([0, 0, 0, 0, 4, 0, 4]);
    expect(body.points[5]?.figures).toMatchObject({ seen: 0, noShowRate: null, avgWaitMinutes: null, qrShare: null });
    expect(body.points[6]?.figures).toMatchObject({ patients: 4, seen: 2, noShows: 1, avgWaitMinutes: 20, maxWaitMinutes: 25, qrShare: 0.75 });
    expect(body.points[4]?.figures).toMatchObject({
      unfinished: 1,
      estimates: { called: 3, meanAbsoluteErrorMinutes: 3, medianAbsoluteErrorMinutes: 2, withinRangeShare: 1, underQuotedShare: 0 },
      serviceLevel: { targetMinutes: 30, called: 4, calledWithinTarget: 3, share: 0.75 },
    });
  });

  it('should chart a year by Monday-to-Sunday weeks that cover the window exactly', async () => {
    const { body } = await get<ChartsAnswer>('/charts?timeframe=1y');
    expect(body.granularity).toBe('week');
    expect(body.points[0]?.from).toBe(day(-364));
    expect(body.points.at(-1)?.to).toBe(today);
    for (const [index, point] of body.points.entries()) {
      if (index > 0) expect(point.from).toBe(addClinicDays(body.points[index - 1]?.to ?? '', 1));
      if (index > 0) expect(new Date(`${point.from}T00:00:00Z`).getUTCDay()).toBe(1);
    }
    expect(body.points.reduce((sum, point) => sum + point.figures.patients, 0)).toBe(24);
    expect(body.points.length).toBeGreaterThanOrEqual(53);
    expect(body.points.reduce((sum, point) => sum + point.figures.estimates.called, 0)).toBe(7);
    // This week's errors: today's 1 and 5 (median 3), merged with 0, 2 and 7 (median 2 together)
    // when two days ago falls in the same week.
    const thisWeek = body.points.at(-1);
    expect(thisWeek?.figures.estimates.medianAbsoluteErrorMinutes).toBe((thisWeek?.from ?? today) <= day(-2) ? 2 : 3);
  });

  it('should say when a window has no data at all', async () => {
    const owner = await sessionFor(world.ownerB);
    const response = await api(world, `/clinics/${world.clinicB}/charts?timeframe=30d`, { token: owner });
    const body = await response.json<ChartsAnswer>();
    expect(body.insufficientData).toBe(true);
    expect(body.points).toHaveLength(30);
    expect(body.points.every((point) => point.figures.patients === 0)).toBe(true);
  });

  it('should list the last 7 clinic days, today last', async () => {
    const { body } = await get<WeeklyAnswer>('/stats/weekly');
    expect(body.days.map((entry) => entry.day)).toEqual([-6, -5, -4, -3, -2, -1, 0].map(day));
    expect(body.days[6]?.weekday).toBe((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7);
    expect(body.totals.patients).toBe(8);
    expect(body.totals.estimates.medianAbsoluteErrorMinutes).toBe(2);
    expect(body.days[6]?.figures.estimates).toMatchObject({ called: 2, medianAbsoluteErrorMinutes: 3 });
  });

  it('should give the accuracy of the quotes and the service level per hour of the call, the window as their sum', async () => {
    const { response, body } = await get<EstimatesAnswer>('/stats/estimates?timeframe=7d');
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ clinicId: world.clinicA, timezone: TZ, timeframe: '7d', period: { from: day(-6), to: today } });
    expect(body.overall).toEqual({ called: 5, meanAbsoluteErrorMinutes: 3, medianAbsoluteErrorMinutes: 2, withinRangeShare: 0.8, underQuotedShare: 0.2 });
    expect(body.serviceLevel).toEqual({ targetMinutes: 30, called: 6, calledWithinTarget: 5, share: 0.8333 });
    expect(body.hours).toHaveLength(24);
    // 09: two days ago, errors 0 and 2. 10: today, 1 and 5. 16: two days ago, 7, one of two calls in time.
    expect(body.hours[9]).toEqual({
      hour: 9,
      estimates: { called: 2, meanAbsoluteErrorMinutes: 1, medianAbsoluteErrorMinutes: 1, withinRangeShare: 1, underQuotedShare: 0 },
      serviceLevel: { targetMinutes: 30, called: 2, calledWithinTarget: 2, share: 1 },
    });
    expect(body.hours[10]?.estimates).toEqual({ called: 2, meanAbsoluteErrorMinutes: 3, medianAbsoluteErrorMinutes: 3, withinRangeShare: 0.5, underQuotedShare: 0.5 });
    expect(body.hours[16]?.serviceLevel).toEqual({ targetMinutes: 30, called: 2, calledWithinTarget: 1, share: 0.5 });
    expect(body.hours.filter((hour) => hour.serviceLevel.called === 0)).toHaveLength(21);
    expect(body.hours[12]?.estimates.medianAbsoluteErrorMinutes).toBeNull();
  });

  it('should give mean arrivals per hour over the open days, and per weekday × hour', async () => {
    const { body } = await get<PeakHoursAnswer>('/stats/peak-hours?timeframe=7d');
    expect(body.openDays).toBe(2);
    const hours = Object.fromEntries(body.hours.filter((hour) => hour.arrivals > 0).map((hour) => [hour.hour, hour.meanArrivals]));
    expect(hours).toEqual({ 9: 2, 10: 1, 16: 1 });
    const weekdayOf = (offset: number) => (new Date(`${day(offset)}T00:00:00Z`).getUTCDay() + 6) % 7;
    const todayRow = body.weekdayHours[weekdayOf(0)];
    expect(todayRow?.openDays).toBe(1);
    expect(todayRow?.meanArrivals[9]).toBe(2);
    expect(todayRow?.meanArrivals[10]).toBe(2);
    expect(body.weekdayHours[weekdayOf(-2)]?.meanArrivals[16]).toBe(2);
    expect(body.weekdayHours.reduce((sum, row) => sum + row.openDays, 0)).toBe(2);
  });

  it('should give the no-show rate per weekday', async () => {
    const { body } = await get<NoShowsAnswer>('/stats/no-shows?timeframe=7d');
    const weekdayOf = (offset: number) => (new Date(`${day(offset)}T00:00:00Z`).getUTCDay() + 6) % 7;
    expect(body.weekdays[weekdayOf(0)]).toEqual({ weekday: weekdayOf(0), patients: 4, noShows: 1, rate: 0.25 });
    expect(body.weekdays[weekdayOf(-2)]).toEqual({ weekday: weekdayOf(-2), patients: 4, noShows: 0, rate: 0 });
    expect(body.weekdays.filter((row) => row.patients === 0).every((row) => row.rate === null)).toBe(true);
    expect(body.overallRate).toBe(0.125);
  });

  it('should reuse an answer for 5 minutes with its ETag, and answer 304 to a matching If-None-Match', async () => {
    const first = await get<AnalyticsAnswer>('/analytics?timeframe=90d');
    const second = await get<AnalyticsAnswer>('/analytics?timeframe=90d');
    expect(first.body.dataFreshness).toBe('live');
    expect(second.body.dataFreshness).toBe('cached');
    const etag = first.response.headers.get('ETag');
    expect(etag).toMatch(/^W\/".+"$/);
    expect(second.response.headers.get('ETag')).toBe(etag);
    expect(second.body.lastUpdated).toBe(first.body.lastUpdated);
    const revalidated = await api(world, `/clinics/${world.clinicA}/analytics?timeframe=90d`, { token: doctor, headers: { 'If-None-Match': etag ?? '' } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
  });

});
