import { beforeAll, describe, expect, it } from 'vitest';
import { readFrozenForecast, readHourlyArrivals, scoredEndPredictions, unscoredEndPredictions } from '../../db/queries/forecasts.ts';
import { hourlyRollups } from '../../db/schema/index.ts';
import { forecastArrivals, type HourArrivals } from '../../worker/domain/arrival-forecast.ts';
import { addClinicDays, clinicDayOf, instantOfClinicTime, weekdayOf } from '../../worker/domain/clinic-time.ts';
import type { ForecastAccuracyAnswer, ForecastAnswer } from '../../worker/domain/forecast-wire.ts';
import { runForecastJob } from '../../worker/use-cases/forecasts.ts';
import { dueForecasts } from '../../worker/scheduled.ts';
import { drainOutbox, eventId, ingest } from '../support/queue-story.ts';
import { apiJson, changeClinic, createWorld, sessionFor, testDatabase, type World } from '../support/world.ts';

const TZ = 'Africa/Tunis';
const DAY_MS = 24 * 3_600_000;

/**
 * Eight weeks of a clinic's check-ins, by hand: open Monday to Saturday with 3, 6 and 2 patients at
 * 9, 10 and 11 h (Saturdays 2, 4 and 1), closed on Sundays, one Monday a holiday with nobody.
 */
function handBuiltHistory(today: string): HourArrivals[] {
  const rows: HourArrivals[] = [];
  for (let back = 56; back >= 1; back -= 1) {
    const day = addClinicDays(today, -back);
    const weekday = weekdayOf(day);
    if (weekday === 0 || (weekday === 1 && back > 7 && back <= 14)) continue;
    const counts = weekday === 6 ? [2, 4, 1] : [3, 6, 2];
    counts.forEach((arrivals, index) => rows.push({ day, hour: 9 + index, arrivals }));
  }
  return rows;
}

async function storeArrivals(clinicId: string, rows: readonly HourArrivals[]): Promise<void> {
  await testDatabase()
    .insert(hourlyRollups)
    .values(rows.map(({ day, hour, arrivals }) => ({ clinicId, day, hour, hourStart: instantOfClinicTime(day, hour * 60, TZ), checkinsQr: arrivals, updatedAt: 0 })));
}

describe("a clinic's arrivals forecast, frozen at midnight and scored when the day ends", () => {
  let world: World;
  let staff: string;
  let today: string;
  let history: HourArrivals[];
  const firstDay = () => addClinicDays(today, -70);

  beforeAll(async () => {
    world = await createWorld();
    staff = await sessionFor(world.staffA);
    today = clinicDayOf(Date.now(), TZ);
    await changeClinic(world, world.clinicA, { timezone: TZ, createdAt: Date.now() - 70 * DAY_MS });
    history = handBuiltHistory(today);
    await storeArrivals(world.clinicA, history);
  });

  const forecast = async (query = '') => apiJson<ForecastAnswer>(world, `/clinics/${world.clinicA}/forecast${query}`, { token: staff });

  it("should forecast today from the weeks before it, freeze it, and answer the frozen one even after the past changes", async () => {
    const { status, body } = await forecast();
    expect(status).toBe(200);
    const expected = forecastArrivals({ day: today, asOf: today, firstDay: firstDay(), timezone: TZ, history });
    expect(body).toMatchObject({ clinicId: world.clinicA, timezone: TZ, day: today, asOf: today, method: expected.method, hours: expected.hours, total: expected.total });
    expect(body.frozenAt).toMatch(new RegExp(`^${today}T`));
    if (weekdayOf(today) !== 0) expect(body.total.expected).toBeGreaterThan(0);

    // Late news about yesterday (a batch synced late) moves the days ahead, never the frozen today.
    await storeArrivals(world.clinicA, [{ day: addClinicDays(today, -1), hour: 15, arrivals: 40 }]);
    const again = await forecast();
    expect(again.body).toEqual(body);
    const stored = await readFrozenForecast(testDatabase(), world.clinicA, today);
    expect(stored).toMatchObject({ expected: body.total.expected, low: body.total.low, high: body.total.high, scoredAt: null });
  });

  it('should forecast each of the next 7 days from the days known today, never frozen, and refuse the 8th', async () => {
    const known = [...history, { day: addClinicDays(today, -1), hour: 15, arrivals: 40 }];
    for (let ahead = 1; ahead <= 7; ahead += 1) {
      const day = addClinicDays(today, ahead);
      const { status, body } = await forecast(`?day=${day}`);
      expect(status).toBe(200);
      const expected = forecastArrivals({ day, asOf: today, firstDay: firstDay(), timezone: TZ, history: known });
      expect(body).toMatchObject({ day, asOf: today, frozenAt: null, method: expected.method, hours: expected.hours, total: expected.total });
      expect(body.end).toBeUndefined();
      // Closed on Sundays: nobody expected, and no room for anybody in the range.
      if (weekdayOf(day) === 0) expect(body.total).toEqual({ expected: 0, low: 0, high: 0 });
    }
    const eighth = await forecast(`?day=${addClinicDays(today, 8)}`);
    expect(eighth.status).toBe(400);
    expect(eighth.body).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { field: 'day' } } });
  });

  it("should give today's end as a range once patients wait, from the estimator and the arrivals still expected", async () => {
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    const morning = [
      { id: eventId('end'), type: 'doctor_presence_changed', present: true, occurredAt: at(3) },
      ...['a', 'b', 'c'].map((entryId, index) => ({ id: eventId('end'), type: 'patient_added', entryId, method: 'qr', occurredAt: at(2 - index) })),
    ];
    expect((await ingest(world, world.keyA, morning)).body).toMatchObject({ accepted: morning.length });
    const { body } = await forecast();
    const end = body.end;
    if (end === null || end === undefined) throw new Error('three patients wait: the day has an end');
    const [low, expected, high] = [Date.parse(end.low), Date.parse(end.expected), Date.parse(end.high)];
    expect(low).toBeLessThanOrEqual(expected);
    expect(expected).toBeLessThanOrEqual(high);
    // Three patients ahead at 15 minutes each at least: nobody is done before half an hour.
    expect(expected).toBeGreaterThanOrEqual(now + 30 * 60_000);
    expect(end.expected).toMatch(/\+01:00$/);
    // The end shown is kept once for this hour, to be judged when the day is over: asking again keeps the first.
    await forecast();
    const kept = await unscoredEndPredictions(testDatabase(), world.clinicA, addClinicDays(today, 1), 24);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ day: today, expected, low, high, scoredAt: null });
  });

  it("should score a frozen day once it has ended, against its rollups and beside the same weekday a week before", async () => {
    // a is seen now: the day's last patient done, what the end shown earlier is judged against.
    const doneAt = Date.now();
    const seen = [
      { id: eventId('end'), type: 'patient_called', entryId: 'a', occurredAt: new Date(doneAt - 1_000).toISOString() },
      { id: eventId('end'), type: 'patient_completed', entryId: 'a', occurredAt: new Date(doneAt).toISOString() },
    ];
    expect((await ingest(world, world.keyA, seen)).body).toMatchObject({ accepted: 2 });
    // Today so far: the three patients above (once their rollups reach libSQL) and a morning stored by hand.
    await drainOutbox(world.clinicA);
    await testDatabase()
      .insert(hourlyRollups)
      .values([6, 7].map((hour) => ({ clinicId: world.clinicA, day: today, hour, hourStart: instantOfClinicTime(today, hour * 60, TZ), checkinsQr: hour - 2, updatedAt: 0 })))
      .onConflictDoNothing();
    const actual = await readHourlyArrivals(testDatabase(), world.clinicA, today, addClinicDays(today, 1));
    const actualTotal = actual.reduce((sum, row) => sum + row.arrivals, 0);
    expect(actualTotal).toBeGreaterThanOrEqual(3);
    const frozen = await readFrozenForecast(testDatabase(), world.clinicA, today);
    if (frozen === undefined) throw new Error('today was frozen by the first test');

    // Before the day ends nothing is scored; the job after its midnight scores it and freezes the next day.
    expect(await runForecastJob(testDatabase(), world.clinicA, Date.now())).toEqual({ scored: 0, endsScored: 0, frozen: false });
    const tomorrowMidnight = instantOfClinicTime(addClinicDays(today, 1), 5, TZ);
    expect(await runForecastJob(testDatabase(), world.clinicA, tomorrowMidnight)).toEqual({ scored: 1, endsScored: 1, frozen: true });
    // The job fired twice scores nothing twice.
    expect(await runForecastJob(testDatabase(), world.clinicA, tomorrowMidnight)).toEqual({ scored: 0, endsScored: 0, frozen: false });

    const hourOf = (hour: number) => frozen.hours.find((cell) => cell.hour === hour) ?? { expected: 0, low: 0, high: 0 };
    const scoredHours = frozen.hours.filter((cell) => cell.high > 0 || actual.some((row) => row.hour === cell.hour)).map((cell) => cell.hour);
    const errors = scoredHours.map((hour) => Math.abs((actual.find((row) => row.hour === hour)?.arrivals ?? 0) - hourOf(hour).expected));
    const inside = scoredHours.filter((hour) => {
      const count = actual.find((row) => row.hour === hour)?.arrivals ?? 0;
      return count >= hourOf(hour).low && count <= hourOf(hour).high;
    });
    const weekBefore = history.filter((row) => row.day === addClinicDays(today, -7));
    const naive = weekBefore.reduce((sum, row) => sum + row.arrivals, 0);

    const { status, body } = await apiJson<ForecastAccuracyAnswer>(world, `/clinics/${world.clinicA}/stats/forecast-accuracy?timeframe=7d`, { token: staff });
    expect(status).toBe(200);
    expect(body.days).toEqual([
      {
        day: today,
        method: frozen.method,
        expected: frozen.expected,
        low: frozen.low,
        high: frozen.high,
        actual: actualTotal,
        absError: Math.round(Math.abs(actualTotal - frozen.expected) * 10) / 10,
        inside: actualTotal >= frozen.low && actualTotal <= frozen.high,
        hoursScored: scoredHours.length,
        hoursInside: inside.length,
        naiveAbsError: Math.abs(naive - actualTotal),
      },
    ]);
    expect(body.summary).toMatchObject({ days: 1, hoursInsideShare: Math.round((inside.length / scoredHours.length) * 10_000) / 10_000 });
    expect(body.summary.meanAbsErrorPerHour).toBeCloseTo(errors.reduce((sum, error) => sum + error, 0) / scoredHours.length, 2);
    expect(body.byHour.map((cell) => cell.hour)).toEqual(scoredHours);

    // The end shown while three patients waited, judged against a's consultation, the day's last.
    const [shown] = await scoredEndPredictions(testDatabase(), world.clinicA, today, today);
    if (shown === undefined) throw new Error('the end shown was kept');
    expect(shown).toMatchObject({ actual: doneAt, inside: shown.low <= doneAt && doneAt <= shown.high });
    expect(body.end).toEqual({ predictions: 1, meanAbsErrorMinutes: Math.round(Math.abs(doneAt - shown.expected) / 6_000) / 10, insideShare: shown.inside === true ? 1 : 0 });
    expect(body.endByDay).toEqual([{ day: today, ...body.end }]);
  });

  it("should enqueue each live clinic's forecast job in the first hour of its day, and only then", async () => {
    const midnight = instantOfClinicTime(addClinicDays(today, 1), 0, TZ);
    const due = await dueForecasts(testDatabase(), midnight);
    expect(due).toContainEqual({ type: 'forecast.clinic', clinicId: world.clinicA, at: midnight });
    // A clinic in Tokyo reaches its midnight eight hours earlier: not due now.
    await changeClinic(world, world.clinicB, { timezone: 'Asia/Tokyo' });
    expect((await dueForecasts(testDatabase(), midnight)).some((job) => job.type === 'forecast.clinic' && job.clinicId === world.clinicB)).toBe(false);
    const oneAm = midnight + 3_600_000;
    expect((await dueForecasts(testDatabase(), oneAm)).some((job) => job.type === 'forecast.clinic' && job.clinicId === world.clinicA)).toBe(false);
  });
});
