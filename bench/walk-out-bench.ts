/**
 * Proof against the base rate (issue 17): a year of generated clinic days, replayed event by event
 * through the production projection (worker/domain/queue-projection.ts) and closed at midnight,
 * each entry's walk-out risks scored when it ends, as the ClinicQueue scores them.
 *  - base rate: the constant predictor, the share of walk-outs among the same learning landmarks,
 *    shrunk toward the service's the way the model is (`WalkOutModel.baseRate`);
 *  - Pulse: the walk-out risk (worker/domain/walk-out-risk.ts) with the model the ClinicQueue would
 *    hold that day: fitted on the clinic's 28 calendar days before it, never on the scored day,
 *    shrunk toward `SERVICE_WALK_OUT_PRIOR`.
 * Scored like the product (PRODUCT: walk-out risk): per entry, the mean over its landmarks of
 * (risk − outcome)², then averaged over entries; lower is better, and the target is below the base
 * rate's. The lift table reads the reception list every quarter hour of the day: of the waiting
 * patients shown at each level, the share who walked out in the end. Pure and in-process.
 *
 * How the generator could flatter the model. Its patients give up on a fixed schedule of patience
 * (db/seed/clinic-day.ts): a clinic's `cancelRate` share after 20–90 min, the others after 150–240
 * min, and whoever still waits at closing time (or arrives after the doctor has left) is cancelled
 * at the desk. So the wait, the position (how long the rest of the wait will be) and the hour (how
 * near closing) say almost all there is to say, with the same shape in every clinic and on every
 * day. Real patience depends on more — the patient's reason to come, whether they were told the
 * wait, the weather, a child in tow, a queue seen moving or not — so real walk-outs are noisier
 * and the gain over the base rate smaller. Two things cut the other way: the generator's early
 * leavers are a fixed few percent whatever the wait, which no feature can foresee, and its no-shows
 * (called but gone) are decided at random at the call, so they are not walk-outs and are not learnt.
 *
 * How `SERVICE_WALK_OUT_PRIOR` was obtained: `measureServiceWalkOutPrior` below, on the tuning seed
 * (7, 13 clinics, 365 days to 2026-11-23), fits one model on every landmark of every clinic with a
 * flat prior; its weights are pasted into the constant. The figures reported here are on another
 * seed (16 in `npm run bench`), on days the prior and the constants were never fitted on — though
 * on the same generator, which is the flattery above. One caveat: the features were chosen by
 * comparing candidate sets fitted on seed 7 and judged on seeds 16 and 3 (the same set won on both).
 */
import type { EstimatesBenchOptions } from './estimates-bench.ts';
import { generateClinicDay } from '../db/seed/clinic-day.ts';
import { buildDemoClinics, type DemoClinic } from '../db/seed/demo-clinics.ts';
import { addClinicDays, clinicDayOf, instantOfClinicTime, startOfClinicDay } from '../worker/domain/clinic-time.ts';
import { applyQueueEvent, closeUnfinishedEntries, openQueueDay, type QueueEntryRow } from '../worker/domain/queue-projection.ts';
import { DEFAULT_SERVICE_TARGET_MINUTES } from '../worker/domain/quote-accuracy.ts';
import { ESTIMATOR_HISTORY_DAYS } from '../worker/domain/wait-estimate.ts';
import {
  fitWalkOutLandmarks,
  scoreWalkOut,
  SERVICE_WALK_OUT_PRIOR,
  WALK_OUT_FEATURES,
  WALK_OUT_LANDMARK_MS,
  WALK_OUT_LEVELS,
  walkedOut,
  walkOutLandmarks,
  walkOutRisks,
  type WalkOutLandmarks,
  type WalkOutLevel,
  type WalkOutModel,
} from '../worker/domain/walk-out-risk.ts';

/** The window a clinic's model learns from: its four weeks before the day, as for the wait estimates. */
const HISTORY_DAYS = ESTIMATOR_HISTORY_DAYS;

/** A year of the demo generator's clinics, as the estimates bench plays it. */
export type WalkOutBenchOptions = EstimatesBenchOptions;

/** Brier scores over a set of scored entries. */
export interface BrierFigures {
  entries: number;
  walkOutShare: number;
  brier: number;
  baseRateBrier: number;
  /** brier ÷ baseRateBrier: below 1 beats the base rate. */
  ratio: number;
}

/** Of the waiting patients the list showed at a level (each quarter hour), the share who walked out. */
export interface LiftRow {
  level: WalkOutLevel;
  /** Waiting patients shown at that level, counted once a quarter hour. */
  shown: number;
  shareOfShown: number;
  walkOutShare: number;
  /** walkOutShare ÷ the walk-out share of every patient shown. */
  lift: number;
}

export interface WalkOutBenchFigures {
  seed: number;
  clinics: number;
  days: number;
  firstDay: string | undefined;
  lastDay: string;
  seconds: number;
  all: BrierFigures;
  youngClinic: BrierFigures & { note: string };
  established: BrierFigures;
  /**
   * The service's prior alone, never fitted on the clinic (against the same base rates): what the
   * clinic's own history adds. Generated clinics differ only by a few rates, so little here; real
   * clinics differ more.
   */
  servicePriorOnly: BrierFigures;
  lift: LiftRow[];
  /** Entries by the highest level they were shown at while waiting: the share of each that walked out. */
  byHighestLevel: { level: WalkOutLevel; entries: number; walkOutShare: number }[];
  target: { ratioBelow: 1; met: boolean };
}

/** One played clinic day: its entries once closed at midnight, and their landmarks. */
interface PlayedDay {
  day: string;
  entries: QueueEntryRow[];
  landmarks: WalkOutLandmarks;
}

/** Plays `days` of one clinic through the projection; the days it was open, oldest first. */
function playClinic(clinic: DemoClinic, seed: number, days: readonly string[]): PlayedDay[] {
  const settings = { clinicId: clinic.id, timezone: clinic.timezone, smsUnitCostMinor: clinic.smsUnitCostMinor, serviceTargetMinutes: DEFAULT_SERVICE_TARGET_MINUTES };
  let queue = openQueueDay(settings, days[0] ?? '');
  const played: PlayedDay[] = [];
  for (const day of days) {
    for (const { event } of generateClinicDay(clinic, day, { seed, inUse: true, lastDayOfUse: false })) {
      const result = applyQueueEvent(queue, event);
      if (!result.ok) throw new Error(`walk-out bench, ${clinic.id}: event ${event.id} refused: ${result.error.message}`);
      queue = result.state;
    }
    if (queue.day !== day) continue; // closed (Sundays): nothing to score or learn
    closeUnfinishedEntries(queue);
    const entries = [...queue.entries.values()];
    played.push({ day, entries, landmarks: walkOutLandmarks(entries, clinic.timezone) });
  }
  return played;
}

/** The clinic days of the bench, oldest first. */
function benchDays(options: WalkOutBenchOptions): string[] {
  return Array.from({ length: options.days }, (_, index) => addClinicDays(options.lastDay, index - (options.days - 1)));
}

function clinicsOf(options: WalkOutBenchOptions): DemoClinic[] {
  const now = instantOfClinicTime(options.lastDay, 23 * 60, 'Africa/Tunis');
  return buildDemoClinics({ seed: options.seed, count: options.clinics, days: options.days, now });
}

interface Scored {
  young: boolean;
  walkedOut: boolean;
  brier: number;
  baseRateBrier: number;
  priorBrier: number;
}

const round = (value: number, places = 4) => Math.round(value * 10 ** places) / 10 ** places;

function brierFiguresOf(scored: readonly Scored[]): BrierFigures {
  const n = Math.max(1, scored.length);
  const brier = scored.reduce((sum, item) => sum + item.brier, 0) / n;
  const baseRateBrier = scored.reduce((sum, item) => sum + item.baseRateBrier, 0) / n;
  return {
    entries: scored.length,
    walkOutShare: round(scored.filter((item) => item.walkedOut).length / n),
    brier: round(brier),
    baseRateBrier: round(baseRateBrier),
    ratio: round(brier / baseRateBrier, 3),
  };
}

/** Counts of the lift table: by level, waiting patients shown and those of them who walked out. */
type Tally = Record<WalkOutLevel, { shown: number; walkedOut: number }>;
const emptyTally = (): Tally => ({ low: { shown: 0, walkedOut: 0 }, medium: { shown: 0, walkedOut: 0 }, high: { shown: 0, walkedOut: 0 } });

/** Reads the day's reception list every quarter hour of the wall clock, as the model of the day shows it. */
function readListOfDay(played: PlayedDay, model: WalkOutModel, timezone: string, glances: Tally, highest: Tally): void {
  const outcomes = new Map(played.entries.map((entry) => [entry.id, walkedOut(entry)]));
  const highestShown = new Map<string, number>();
  const first = Math.min(...played.entries.map((entry) => entry.checkedInAt));
  const dayStart = startOfClinicDay(played.day, timezone);
  const dayEnd = startOfClinicDay(addClinicDays(played.day, 1), timezone);
  for (let at = dayStart + Math.ceil((first - dayStart) / WALK_OUT_LANDMARK_MS) * WALK_OUT_LANDMARK_MS; at < dayEnd; at += WALK_OUT_LANDMARK_MS) {
    if (clinicDayOf(at, timezone) !== played.day) break;
    const risks = walkOutRisks(played.entries, model, at, timezone);
    if (risks.size === 0 && played.entries.every((entry) => entry.checkedInAt <= at)) break;
    for (const [id, risk] of risks) {
      const outcome = outcomes.get(id);
      if (outcome === null || outcome === undefined) continue; // closed unfinished: never decided
      glances[risk.level].shown += 1;
      if (outcome) glances[risk.level].walkedOut += 1;
      highestShown.set(id, Math.max(highestShown.get(id) ?? 0, WALK_OUT_LEVELS.indexOf(risk.level)));
    }
  }
  for (const [id, level] of highestShown) {
    const counts = highest[WALK_OUT_LEVELS[level] ?? 'low'];
    counts.shown += 1;
    if (outcomes.get(id) === true) counts.walkedOut += 1;
  }
}

/** Replays `options.days` days of `options.clinics` demo clinic profiles and scores the risks of every entry. */
export function benchWalkOut(options: WalkOutBenchOptions): WalkOutBenchFigures {
  const started = performance.now();
  const days = benchDays(options);
  const scored: Scored[] = [];
  const glances = emptyTally();
  const highest = emptyTally();
  for (const clinic of clinicsOf(options)) {
    const played = playClinic(clinic, options.seed, days);
    for (const today of played) {
      const from = addClinicDays(today.day, -HISTORY_DAYS);
      const window = played.filter((past) => past.day >= from && past.day < today.day).map((past) => past.landmarks);
      const model = fitWalkOutLandmarks(window, SERVICE_WALK_OUT_PRIOR);
      const young = days.indexOf(today.day) < HISTORY_DAYS;
      for (const entry of today.entries) {
        const score = scoreWalkOut(today.entries, entry, model, clinic.timezone);
        const prior = scoreWalkOut(today.entries, entry, SERVICE_WALK_OUT_PRIOR, clinic.timezone);
        if (score === null || prior === null) continue;
        scored.push({ young, walkedOut: walkedOut(entry) === true, brier: score.brier, baseRateBrier: score.baseRateBrier, priorBrier: prior.brier });
      }
      readListOfDay(today, model, clinic.timezone, glances, highest);
    }
  }
  const all = brierFiguresOf(scored);
  const shown = WALK_OUT_LEVELS.reduce((sum, level) => sum + glances[level].shown, 0);
  const shownWalkedOut = WALK_OUT_LEVELS.reduce((sum, level) => sum + glances[level].walkedOut, 0);
  const overall = shownWalkedOut / Math.max(1, shown);
  return {
    seed: options.seed,
    clinics: options.clinics,
    days: options.days,
    firstDay: days[0],
    lastDay: options.lastDay,
    seconds: round((performance.now() - started) / 1000, 1),
    all,
    youngClinic: { note: `each clinic's first ${HISTORY_DAYS} days`, ...brierFiguresOf(scored.filter((item) => item.young)) },
    established: brierFiguresOf(scored.filter((item) => !item.young)),
    servicePriorOnly: brierFiguresOf(scored.map((item) => ({ ...item, brier: item.priorBrier }))),
    lift: WALK_OUT_LEVELS.map((level) => {
      const { shown: count, walkedOut: left } = glances[level];
      const share = left / Math.max(1, count);
      return { level, shown: count, shareOfShown: round(count / Math.max(1, shown), 3), walkOutShare: round(share, 3), lift: round(share / overall, 2) };
    }),
    byHighestLevel: WALK_OUT_LEVELS.map((level) => ({ level, entries: highest[level].shown, walkOutShare: round(highest[level].walkedOut / Math.max(1, highest[level].shown), 3) })),
    target: { ratioBelow: 1, met: all.ratio < 1 },
  };
}

/** Knows nothing: every weight 0, an even base rate (outweighed by any real history). */
const FLAT_PRIOR: WalkOutModel = { weights: WALK_OUT_FEATURES.map(() => 0), baseRate: 0.5, entries: 0, landmarks: 0 };
/** The flat prior is worth one landmark: it only keeps a weight nobody has data for at 0. */
const FLAT_PRIOR_LANDMARKS = 1;

/**
 * The service-wide model of `options`' generated clinics: one fit over every landmark of every
 * clinic, with a flat prior. Run on the tuning seed (7) to give `SERVICE_WALK_OUT_PRIOR`.
 */
export function measureServiceWalkOutPrior(options: WalkOutBenchOptions): WalkOutModel {
  const days = benchDays(options);
  const landmarks = clinicsOf(options).flatMap((clinic) => playClinic(clinic, options.seed, days).map((played) => played.landmarks));
  return fitWalkOutLandmarks(landmarks, FLAT_PRIOR, FLAT_PRIOR_LANDMARKS);
}
