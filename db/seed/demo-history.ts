/**
 * A demo clinic's history: its generated events run, one by one and in order, through the
 * production projection with the wait quoted at check-in (worker/domain/predicted-projection.ts),
 * then folded into rollups by worker/domain/rollup.ts. The rows are therefore exactly what
 * ingesting the same events would have stored: each day is quoted by a model fitted, as the
 * ClinicQueue does at midnight, on the clinic's `ESTIMATOR_HISTORY_DAYS` days before it, never on
 * the day itself, so the demo's accuracy figures are the ones a real clinic would see.
 *
 * History is produced a day at a time, so the seed can interleave clinics day by day: rows then
 * reach the database roughly in time order, which keeps its time indexes cheap to grow, and memory
 * stays at one day per clinic, plus the few fields of four weeks of entries the estimator learns
 * from, whatever the number of days.
 */
import { addClinicDays, clinicDayOf, clinicDaysBetween, weekdayOf } from '../../worker/domain/clinic-time.ts';
import { storedEventOf, type StoredEventRow } from '../../worker/domain/queue-events.ts';
import {
  closeUnfinishedEntries,
  openQueueDay,
  type ClinicActivityRow,
  type QueueDay,
  type QueueEntryRow,
  type SmsRow,
} from '../../worker/domain/queue-projection.ts';
import { rollupClinic, type DailyRollupRow, type HourlyRollupRow } from '../../worker/domain/rollup.ts';
import { DEFAULT_SERVICE_TARGET_MINUTES } from '../../worker/domain/quote-accuracy.ts';
import { applyQueueEventWithPredictions } from '../../worker/domain/predicted-projection.ts';
import type { DayModels } from '../../worker/domain/day-models.ts';
import { fitWalkOutModel, SERVICE_WALK_OUT_PRIOR, type WalkOutModel } from '../../worker/domain/walk-out-risk.ts';
import type { ModelHistoryEntry } from '../../worker/domain/past-entry.ts';
import { ESTIMATOR_HISTORY_DAYS, fitEstimatorModel, type EstimatorModel } from '../../worker/domain/wait-estimate.ts';
import { generateClinicDay } from './clinic-day.ts';
import type { DemoClinic } from './demo-clinics.ts';

/** Rows to store: for one clinic day, or (concatenated) for a whole history. */
export interface HistoryRows {
  events: StoredEventRow[];
  entries: QueueEntryRow[];
  sms: SmsRow[];
  activity: ClinicActivityRow[];
  daily: DailyRollupRow[];
  hourly: HourlyRollupRow[];
}

export interface ClinicHistory extends HistoryRows {
  clinic: DemoClinic;
}

export interface HistoryOptions {
  seed: number;
  /** Clinic days of history, today included. */
  days: number;
  /** Events after this instant have not happened yet: today stops here. */
  now: number;
}

/**
 * The models' history as the ClinicQueue keeps it: the entries of the `ESTIMATOR_HISTORY_DAYS`
 * clinic days before the day being played, no more (memory stays at four weeks per clinic).
 */
export class ModelHistory {
  readonly #timezone: string;
  readonly #days: { day: string; entries: ModelHistoryEntry[] }[] = [];
  #walkOut: WalkOutModel | null = null;

  constructor(timezone: string) {
    this.#timezone = timezone;
  }

  /** A finished day joins the history (days are added oldest first); only what the model reads is kept. */
  keep(day: string, entries: Iterable<ModelHistoryEntry>): void {
    const kept = [...entries].map(({ id, clinicDay, state, method, checkedInAt, calledAt, completedAt, noShowAt, cancelledAt, unfinishedAt, quoteWaitMinutes }) => ({
      id, clinicDay, state, method, checkedInAt, calledAt, completedAt, noShowAt, cancelledAt, unfinishedAt, quoteWaitMinutes,
    }));
    this.#days.push({ day, entries: kept });
  }

  /** The kept entries of the window before `day`, never `day`'s own. */
  #entriesBefore(day: string): ModelHistoryEntry[] {
    const from = addClinicDays(day, -ESTIMATOR_HISTORY_DAYS);
    while ((this.#days[0]?.day ?? day) < from) this.#days.shift();
    return this.#days.filter((kept) => kept.day < day).flatMap((kept) => kept.entries);
  }

  /** The estimator that quotes `day`. */
  modelFor(day: string): EstimatorModel {
    return fitEstimatorModel(this.#entriesBefore(day), this.#timezone);
  }

  /**
   * The models that quote and score `day`'s entries, fitted on the days before it as the
   * ClinicQueue fits them at its midnight — but the walk-out model only once a week (each Monday,
   * and the first day played): fitting it takes ten times the estimator's time, and nightly refits
   * made every seeded stack (each e2e test file starts one) 40 s slower. The hour's baselines,
   * which change no stored row, are not fitted here at all.
   */
  modelsFor(day: string): Pick<DayModels, 'estimator' | 'walkOut'> {
    const entries = this.#entriesBefore(day);
    if (this.#walkOut === null || weekdayOf(day) === 1) this.#walkOut = fitWalkOutModel(entries, this.#timezone, SERVICE_WALK_OUT_PRIOR);
    return { estimator: fitEstimatorModel(entries, this.#timezone), walkOut: this.#walkOut };
  }
}

/**
 * One clinic's history, one clinic day per step (exactly `days` steps, oldest first). A day's
 * queue rows and rollups come with the day they belong to: every fact about an entry happens on
 * its own clinic day (the projection refuses anything else), so a day's rollups are final once
 * the day has been played.
 */
export function* clinicHistoryDays(clinic: DemoClinic, options: HistoryOptions): Generator<HistoryRows> {
  const today = clinicDayOf(options.now, clinic.timezone);
  const firstDay = addClinicDays(today, -(options.days - 1));
  const settings = { clinicId: clinic.id, timezone: clinic.timezone, smsUnitCostMinor: clinic.smsUnitCostMinor, serviceTargetMinutes: DEFAULT_SERVICE_TARGET_MINUTES };
  let queue: QueueDay = openQueueDay(settings, firstDay);
  let stored: QueueDay | null = null;
  const history = new ModelHistory(clinic.timezone);

  for (let day = firstDay; day <= today; day = addClinicDays(day, 1)) {
    const rows: HistoryRows = { events: [], entries: [], sms: [], activity: [], daily: [], hourly: [] };
    const keep = (finished: QueueDay) => {
      // A past day is over: whoever is still open is unfinished (PRODUCT), as the ClinicQueue closes it at midnight.
      if (finished.day < today) closeUnfinishedEntries(finished);
      history.keep(finished.day, finished.entries.values());
      rows.entries.push(...finished.entries.values());
      rows.sms.push(...finished.sms.values());
      const rollups = rollupClinic({
        clinicId: clinic.id,
        timezone: clinic.timezone,
        entries: finished.entries.values(),
        sms: finished.sms.values(),
        now: options.now,
        days: { from: finished.day, to: finished.day },
      });
      rows.daily.push(...rollups.daily);
      rows.hourly.push(...rollups.hourly);
      stored = finished;
    };

    const models = history.modelsFor(day);
    const daysAgo = clinicDaysBetween(day, today);
    const generated = generateClinicDay(clinic, day, {
      seed: options.seed,
      inUse: clinic.lastLoginDaysAgo === null || daysAgo >= clinic.lastLoginDaysAgo,
      lastDayOfUse: daysAgo === clinic.lastLoginDaysAgo,
    });
    for (const { event, at, receivedAt } of generated) {
      if (at > options.now) break;
      const result = applyQueueEventWithPredictions(queue, event, models);
      // The generator only tells possible stories; a refusal here is a bug in it, not data to skip.
      if (!result.ok) throw new Error(`demo data for ${clinic.id}: event ${event.id} refused: ${result.error.message}`);
      if (result.state !== queue && stored !== queue) keep(queue);
      if (result.state === stored && (result.changes.entry !== null || result.changes.sms !== null)) {
        throw new Error(`demo data for ${clinic.id}: event ${event.id} changes a day already stored`);
      }
      queue = result.state;
      rows.events.push(storedEventOf(clinic.id, event, Math.min(receivedAt, options.now)));
      if (result.changes.activity !== null) rows.activity.push(result.changes.activity);
    }
    if (queue.day === day && stored !== queue) keep(queue);
    yield rows;
  }
}

/** A whole clinic history at once (tests, small runs): the days of `clinicHistoryDays` joined. */
export function generateClinicHistory(clinic: DemoClinic, options: HistoryOptions): ClinicHistory {
  const history: ClinicHistory = { clinic, events: [], entries: [], sms: [], activity: [], daily: [], hourly: [] };
  for (const rows of clinicHistoryDays(clinic, options)) {
    history.events.push(...rows.events);
    history.entries.push(...rows.entries);
    history.sms.push(...rows.sms);
    history.activity.push(...rows.activity);
    history.daily.push(...rows.daily);
    history.hourly.push(...rows.hourly);
  }
  return history;
}
