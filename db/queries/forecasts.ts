/**
 * What forecasts read and keep: a clinic's check-ins per clinic day and local hour from its hourly
 * rollups (a primary-key range scan, days with no check-in absent), and its frozen day forecasts
 * (`day_forecasts`): written once at the clinic's midnight, scored once when the day has ended.
 */
import { and, asc, between, eq, gte, isNotNull, isNull, lt, min, sql } from 'drizzle-orm';
import type { ArrivalForecast, ForecastScore, HourArrivals } from '../../worker/domain/arrival-forecast.ts';
import { clinicDayOf } from '../../worker/domain/clinic-time.ts';
import { scoredHoursOf } from '../../worker/domain/forecast-accuracy.ts';
import type { Database } from '../client.ts';
import { clinics } from '../schema/clinics.ts';
import { dayEndPredictions, dayForecasts } from '../schema/forecasts.ts';
import { queueEntries } from '../schema/queue.ts';
import { dailyRollups, hourlyRollups } from '../schema/rollups.ts';

export interface ForecastClinic {
  id: string;
  timezone: string;
  createdAt: number;
  /** The first clinic day with any rollup (a clinic imported with its past has days before its creation). */
  firstRollupDay: string | null;
}

export async function readForecastClinic(db: Database, clinicId: string): Promise<ForecastClinic | undefined> {
  const [[clinic], [first]] = await db.batch([
    db.select({ id: clinics.id, timezone: clinics.timezone, createdAt: clinics.createdAt }).from(clinics).where(eq(clinics.id, clinicId)).limit(1),
    db.select({ day: min(dailyRollups.day) }).from(dailyRollups).where(eq(dailyRollups.clinicId, clinicId)),
  ]);
  return clinic === undefined ? undefined : { ...clinic, firstRollupDay: first?.day ?? null };
}

/** Check-ins per clinic day and local hour over the days `[fromDay, toDay)`; hours without any are absent. */
export async function readHourlyArrivals(db: Database, clinicId: string, fromDay: string, toDay: string): Promise<HourArrivals[]> {
  const arrivals = sql<number>`sum(${hourlyRollups.checkinsQr} + ${hourlyRollups.checkinsManual})`;
  return db
    .select({ day: hourlyRollups.day, hour: hourlyRollups.hour, arrivals })
    .from(hourlyRollups)
    .where(and(eq(hourlyRollups.clinicId, clinicId), gte(hourlyRollups.day, fromDay), lt(hourlyRollups.day, toDay)))
    // A fall-back day's repeated hour is two buckets with one label: summed, as forecasts count it.
    .groupBy(hourlyRollups.day, hourlyRollups.hour)
    .having(sql`${arrivals} > 0`);
}

export type FrozenForecast = typeof dayForecasts.$inferSelect;

export async function readFrozenForecast(db: Database, clinicId: string, day: string): Promise<FrozenForecast | undefined> {
  const [row] = await db.select().from(dayForecasts).where(and(eq(dayForecasts.clinicId, clinicId), eq(dayForecasts.day, day))).limit(1);
  return row;
}

/** The first clinic day a forecast counts: the clinic's creation, or earlier when its history was imported with it. */
export function firstForecastDay(clinic: Pick<ForecastClinic, 'createdAt' | 'timezone' | 'firstRollupDay'>): string {
  const created = clinicDayOf(clinic.createdAt, clinic.timezone);
  return clinic.firstRollupDay !== null && clinic.firstRollupDay < created ? clinic.firstRollupDay : created;
}

/** A `day_forecasts` row as frozen: the forecast, nothing scored yet. */
export function frozenForecastRow(clinicId: string, forecast: ArrivalForecast, frozenAt: number): FrozenForecast {
  return {
    clinicId,
    day: forecast.day,
    method: forecast.method,
    hours: forecast.hours,
    expected: forecast.total.expected,
    low: forecast.total.low,
    high: forecast.total.high,
    frozenAt,
    actual: null,
    actualHours: null,
    absError: null,
    totalInside: null,
    hoursScored: null,
    hoursInside: null,
    hourlyAbsErrorSum: null,
    naiveAbsError: null,
    naiveHourlyAbsErrorSum: null,
    scoredAt: null,
  };
}

/** The columns a day's score sets: what happened, the forecast's errors (its counted hours only) and the naive forecast's. */
export function forecastScoreColumns(
  forecast: Pick<ArrivalForecast, 'hours'>,
  score: ForecastScore,
  naive: Pick<ForecastScore, 'totalAbsError' | 'hourlyAbsErrorSum'>,
  scoredAt: number,
): Omit<FrozenForecast, 'clinicId' | 'day' | 'method' | 'hours' | 'expected' | 'low' | 'high' | 'frozenAt'> {
  return {
    actual: score.actualTotal,
    actualHours: scoredHoursOf(forecast, score),
    absError: score.totalAbsError,
    totalInside: score.totalInside,
    hoursScored: score.hoursScored,
    hoursInside: score.hoursInside,
    hourlyAbsErrorSum: score.hourlyAbsErrorSum,
    naiveAbsError: naive.totalAbsError,
    naiveHourlyAbsErrorSum: naive.hourlyAbsErrorSum,
    scoredAt,
  };
}

/** Keeps `forecast` as the clinic's frozen forecast of its day, unless one is already kept: the first one stands. */
export async function freezeForecast(db: Database, clinicId: string, forecast: ArrivalForecast, frozenAt: number): Promise<void> {
  await db.insert(dayForecasts).values(frozenForecastRow(clinicId, forecast, frozenAt)).onConflictDoNothing();
}

/** Frozen forecasts of days before `beforeDay` not scored yet, oldest first. */
export async function unscoredForecasts(db: Database, clinicId: string, beforeDay: string, limit: number): Promise<FrozenForecast[]> {
  return db
    .select()
    .from(dayForecasts)
    .where(and(eq(dayForecasts.clinicId, clinicId), lt(dayForecasts.day, beforeDay), isNull(dayForecasts.scoredAt)))
    .orderBy(asc(dayForecasts.day))
    .limit(limit);
}

/** Writes a day's score once (`forecastScoreColumns`): a second scoring (a job run twice) changes nothing. */
export async function recordForecastScore(
  db: Database,
  forecast: Pick<FrozenForecast, 'clinicId' | 'day'>,
  columns: ReturnType<typeof forecastScoreColumns>,
): Promise<void> {
  await db
    .update(dayForecasts)
    .set(columns)
    .where(and(eq(dayForecasts.clinicId, forecast.clinicId), eq(dayForecasts.day, forecast.day), isNull(dayForecasts.scoredAt)));
}

/** The scored forecasts of the days `[from, to]`, oldest first. */
export async function scoredForecasts(db: Database, clinicId: string, from: string, to: string): Promise<FrozenForecast[]> {
  return db
    .select()
    .from(dayForecasts)
    .where(and(eq(dayForecasts.clinicId, clinicId), between(dayForecasts.day, from, to), sql`${dayForecasts.scoredAt} is not null`))
    .orderBy(asc(dayForecasts.day));
}

export type EndPrediction = typeof dayEndPredictions.$inferSelect;

/** Keeps today's end as answered now, unless this local hour already has one: one row per clinic hour at most. */
export async function recordEndPrediction(
  db: Database,
  prediction: Pick<EndPrediction, 'clinicId' | 'day' | 'hour' | 'madeAt' | 'expected' | 'low' | 'high'>,
): Promise<void> {
  await db.insert(dayEndPredictions).values(prediction).onConflictDoNothing();
}

/** End predictions of days before `beforeDay` not scored yet, oldest first. */
export async function unscoredEndPredictions(db: Database, clinicId: string, beforeDay: string, limit: number): Promise<EndPrediction[]> {
  return db
    .select()
    .from(dayEndPredictions)
    .where(and(eq(dayEndPredictions.clinicId, clinicId), lt(dayEndPredictions.day, beforeDay), isNull(dayEndPredictions.scoredAt)))
    .orderBy(asc(dayEndPredictions.day), asc(dayEndPredictions.hour))
    .limit(limit);
}

/**
 * When the clinic day's last called patient was done: completed, or marked absent (a patient
 * called and cancelled at the door held the doctor until the call); null when nobody was called.
 */
export async function lastPatientDoneAt(db: Database, clinicId: string, day: string): Promise<number | null> {
  const done = sql<number>`coalesce(${queueEntries.completedAt}, ${queueEntries.noShowAt}, ${queueEntries.calledAt})`;
  const [row] = await db
    .select({ at: sql<number | null>`max(${done})` })
    .from(queueEntries)
    .where(and(eq(queueEntries.clinicId, clinicId), eq(queueEntries.clinicDay, day), isNotNull(queueEntries.calledAt)));
  return row?.at ?? null;
}

/** Writes one prediction's score once. */
export async function recordEndScore(
  db: Database,
  prediction: Pick<EndPrediction, 'clinicId' | 'day' | 'hour'>,
  score: Pick<EndPrediction, 'actual' | 'absErrorMinutes' | 'inside'>,
  scoredAt: number,
): Promise<void> {
  await db
    .update(dayEndPredictions)
    .set({ ...score, scoredAt })
    .where(
      and(
        eq(dayEndPredictions.clinicId, prediction.clinicId),
        eq(dayEndPredictions.day, prediction.day),
        eq(dayEndPredictions.hour, prediction.hour),
        isNull(dayEndPredictions.scoredAt),
      ),
    );
}

/** The scored end predictions of the days `[from, to]`, oldest first. */
export async function scoredEndPredictions(db: Database, clinicId: string, from: string, to: string): Promise<EndPrediction[]> {
  return db
    .select()
    .from(dayEndPredictions)
    .where(and(eq(dayEndPredictions.clinicId, clinicId), between(dayEndPredictions.day, from, to), isNotNull(dayEndPredictions.scoredAt)))
    .orderBy(asc(dayEndPredictions.day), asc(dayEndPredictions.hour));
}
