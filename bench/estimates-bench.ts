/**
 * Proof against the naive way (issue 16, item 6): a year of generated clinic days, replayed event
 * by event through the production projection, each check-in quoted twice and each quote judged
 * against the wait that followed.
 *  - naive: PRODUCT's estimated end applied to one patient, `ahead × mean consultation`, where
 *    ahead = waiting ahead of the patient + with the doctor, and the mean consultation is today's
 *    from 3 consultations on, else the clinic's trailing 30-day mean, else 15 min;
 *  - Pulse: `quoteAtCheckIn` (worker/domain/wait-estimate.ts) with the model the ClinicQueue would
 *    hold that day: fitted on the clinic's `ESTIMATOR_HISTORY_DAYS` days before it, never on the
 *    judged day, its range calibrated on the errors of earlier quotes only.
 * Judged like the product's accuracy (worker/domain/quote-accuracy.ts): entries that were called,
 * waited whole minutes against quoted whole minutes. Pure and in-process: no stack, no database.
 *
 * The days come from the demo's own generator (db/seed/clinic-day.ts), with a seed of their own:
 * the estimator's constants were tuned on another seed, so these figures are on days nobody tuned on.
 */
import { generateClinicDay } from '../db/seed/clinic-day.ts';
import { buildDemoClinics, type DemoClinic } from '../db/seed/demo-clinics.ts';
import { ModelHistory } from '../db/seed/demo-history.ts';
import { addClinicDays, instantOfClinicTime } from '../worker/domain/clinic-time.ts';
import { closeUnfinishedEntries, openQueueDay, type QueueDay, type QueueEntryRow } from '../worker/domain/queue-projection.ts';
import { DEFAULT_SERVICE_TARGET_MINUTES, waitedMinutesOf } from '../worker/domain/quote-accuracy.ts';
import { applyQueueEventWithPredictions } from '../worker/domain/predicted-projection.ts';
import { SERVICE_WALK_OUT_PRIOR } from '../worker/domain/walk-out-risk.ts';
import { DEFAULT_CONSULTATION_MS, MIN_CONSULTATIONS_FOR_TODAY_MEAN } from '../worker/domain/today-figures.ts';
import { ESTIMATOR_HISTORY_DAYS, scaledError } from '../worker/domain/wait-estimate.ts';

const MINUTE = 60_000;
/** PRODUCT: the estimated end's fallback is the clinic's trailing 30-day mean consultation. */
const TRAILING_CONSULTATION_DAYS = 30;
/** The targets. */
export const ESTIMATE_TARGETS = { maxRatio: 0.7, coverage: [0.75, 0.85] } as const;

export interface EstimatesBenchOptions {
  seed: number;
  clinics: number;
  days: number;
  /** The last clinic day played (fixed, so the figures do not move with the calendar). */
  lastDay: string;
}

/** One called patient's two quotes and what happened. */
interface Judged {
  /** Quoted in the clinic's first `ESTIMATOR_HISTORY_DAYS` days: a model still learning. */
  young: boolean;
  /** The model had judged quotes of its own; without, the range came from DEFAULT_RESIDUALS. */
  calibrated: boolean;
  /** The doctor was present at check-in (away: before the day's start, at lunch, on a break). */
  doctorPresent: boolean;
  waited: number;
  naive: number;
  pulse: number;
  low: number;
  high: number;
}

interface ConsultationTotals {
  day: string;
  sumMs: number;
  count: number;
}

/** The naive quote of `entry`, just checked in: ahead × mean consultation, whole minutes. */
function naiveQuote(day: QueueDay, entry: QueueEntryRow, today: { sumMs: number; count: number }, trailingMs: number | null): number {
  let ahead = 0;
  for (const other of day.entries.values()) {
    // Generous to the rule: a called patient who never pressed "start" is with the doctor too.
    if (other.id !== entry.id && (other.state === 'waiting' || other.state === 'called' || other.state === 'in_consultation')) ahead += 1;
  }
  const meanMs = today.count >= MIN_CONSULTATIONS_FOR_TODAY_MEAN ? today.sumMs / today.count : (trailingMs ?? DEFAULT_CONSULTATION_MS);
  return Math.round((ahead * meanMs) / MINUTE);
}

function trailingMeanMs(totals: readonly ConsultationTotals[], day: string): number | null {
  const from = addClinicDays(day, -TRAILING_CONSULTATION_DAYS);
  let sumMs = 0;
  let count = 0;
  for (const kept of totals) {
    if (kept.day >= from && kept.day < day) {
      sumMs += kept.sumMs;
      count += kept.count;
    }
  }
  return count > 0 ? sumMs / count : null;
}

/** Plays `days` of one clinic, oldest first, and appends each called patient's quotes to `judged`. */
function replayClinic(clinic: DemoClinic, seed: number, days: readonly string[], judged: Judged[]): void {
  const settings = { clinicId: clinic.id, timezone: clinic.timezone, smsUnitCostMinor: clinic.smsUnitCostMinor, serviceTargetMinutes: DEFAULT_SERVICE_TARGET_MINUTES };
  const history = new ModelHistory(clinic.timezone);
  const consultations: ConsultationTotals[] = [];
  let queue = openQueueDay(settings, days[0] ?? '');
  for (const [index, day] of days.entries()) {
    const model = history.modelFor(day);
    const trailingMs = trailingMeanMs(consultations, day);
    const today = { day, sumMs: 0, count: 0 };
    const naive = new Map<string, number>();
    const presentAtCheckIn = new Map<string, boolean>();
    for (const { event } of generateClinicDay(clinic, day, { seed, inUse: true, lastDayOfUse: false })) {
      const result = applyQueueEventWithPredictions(queue, event, { estimator: model, walkOut: SERVICE_WALK_OUT_PRIOR });
      if (!result.ok) throw new Error(`estimates bench, ${clinic.id}: event ${event.id} refused: ${result.error.message}`);
      queue = result.state;
      const row = result.changes.entry?.row;
      if (row === undefined) continue;
      if (event.type === 'patient_added') {
        naive.set(row.id, naiveQuote(queue, row, today, trailingMs));
        presentAtCheckIn.set(row.id, queue.doctorPresent);
      }
      if (event.type === 'patient_completed' && row.completedAt !== null) {
        const startedAt = row.consultationStartedAt ?? row.calledAt ?? row.completedAt;
        today.sumMs += row.completedAt - startedAt;
        today.count += 1;
      }
    }
    if (queue.day !== day) continue; // closed (Sundays): nothing to judge or learn
    closeUnfinishedEntries(queue);
    history.keep(day, queue.entries.values());
    consultations.push(today);
    if (consultations.length > TRAILING_CONSULTATION_DAYS) consultations.shift();
    for (const entry of queue.entries.values()) {
      const waited = waitedMinutesOf(entry);
      const naiveMinutes = naive.get(entry.id);
      if (waited === null || naiveMinutes === undefined || entry.quoteWaitMinutes === null || entry.quoteLowMinutes === null || entry.quoteHighMinutes === null) continue;
      judged.push({
        young: index < ESTIMATOR_HISTORY_DAYS,
        calibrated: model.calibrationSize > 0,
        doctorPresent: presentAtCheckIn.get(entry.id) ?? false,
        waited,
        naive: naiveMinutes,
        pulse: entry.quoteWaitMinutes,
        low: entry.quoteLowMinutes,
        high: entry.quoteHighMinutes,
      });
    }
  }
}

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

function median(values: number[]): number {
  const sorted = values.sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(middle)] ?? 0) + (sorted[Math.ceil(middle)] ?? 0)) / 2;
}

/** The figures of a set of judged patients. */
function figuresOf(judged: readonly Judged[]) {
  const n = Math.max(1, judged.length);
  const naiveErrors = judged.map((item) => Math.abs(item.waited - item.naive));
  const pulseErrors = judged.map((item) => Math.abs(item.waited - item.pulse));
  const naiveMae = naiveErrors.reduce((a, b) => a + b, 0) / n;
  const pulseMae = pulseErrors.reduce((a, b) => a + b, 0) / n;
  return {
    judged: judged.length,
    meanWaitedMinutes: round(judged.reduce((sum, item) => sum + item.waited, 0) / n, 1),
    naiveMaeMinutes: round(naiveMae),
    pulseMaeMinutes: round(pulseMae),
    ratio: round(pulseMae / naiveMae, 3),
    naiveMedianAeMinutes: median(naiveErrors),
    pulseMedianAeMinutes: median(pulseErrors),
    // Signed (waited − quoted): positive means patients waited longer than told.
    naiveBiasMinutes: round(judged.reduce((sum, item) => sum + item.waited - item.naive, 0) / n),
    pulseBiasMinutes: round(judged.reduce((sum, item) => sum + item.waited - item.pulse, 0) / n),
    pulseWithinRangeShare: round(judged.filter((item) => item.low <= item.waited && item.waited <= item.high).length / n, 3),
    pulseUnderQuotedShare: round(judged.filter((item) => item.waited > item.high).length / n, 3),
    // A range can hold anything by being wide: its width is part of the answer.
    pulseMeanRangeWidthMinutes: round(judged.reduce((sum, item) => sum + item.high - item.low, 0) / n, 1),
  };
}

/** Percentile of sorted values (nearest rank). */
const percentileOf = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;

/** Replays `options.days` days of `options.clinics` demo clinic profiles and judges both quotes of every patient called. */
export function benchEstimates(options: EstimatesBenchOptions, say: (line: string) => void) {
  const started = performance.now();
  const now = instantOfClinicTime(options.lastDay, 23 * 60, 'Africa/Tunis');
  const clinics = buildDemoClinics({ seed: options.seed, count: options.clinics, days: options.days, now });
  const days = Array.from({ length: options.days }, (_, index) => addClinicDays(options.lastDay, index - (options.days - 1)));
  const judged: Judged[] = [];
  for (const clinic of clinics) {
    replayClinic(clinic, options.seed, days, judged);
    say(`estimates: ${clinic.id} (${clinic.timezone}, ${clinic.patientsPerDay} a day) replayed, ${judged.length} patients judged so far`);
  }
  const all = figuresOf(judged);
  const met = all.ratio <= ESTIMATE_TARGETS.maxRatio && all.pulseWithinRangeShare >= ESTIMATE_TARGETS.coverage[0] && all.pulseWithinRangeShare <= ESTIMATE_TARGETS.coverage[1];
  say(
    `estimates: ${all.judged} patients judged; MAE naive ${all.naiveMaeMinutes} min, Pulse ${all.pulseMaeMinutes} min (ratio ${all.ratio}, target ≤ ${ESTIMATE_TARGETS.maxRatio}); ` +
      `range coverage ${Math.round(all.pulseWithinRangeShare * 1000) / 10} % (target ${ESTIMATE_TARGETS.coverage[0] * 100}–${ESTIMATE_TARGETS.coverage[1] * 100} %): ${met ? 'targets met' : 'targets NOT met'}`,
  );
  // What DEFAULT_RESIDUALS should be: the scaled errors of the quotes made before a clinic had its own.
  const uncalibrated = judged.filter((item) => !item.calibrated).map((item) => scaledError(item.waited, item.pulse)).sort((a, b) => a - b);
  return {
    seed: options.seed,
    clinics: options.clinics,
    days: options.days,
    firstDay: days[0],
    lastDay: options.lastDay,
    seconds: round((performance.now() - started) / 1000, 1),
    all,
    youngClinic: { note: `each clinic's first ${ESTIMATOR_HISTORY_DAYS} days`, ...figuresOf(judged.filter((item) => item.young)) },
    established: figuresOf(judged.filter((item) => !item.young)),
    // Where the gain comes from: with the doctor away the naive rule ignores when work resumes.
    doctorPresentAtCheckIn: figuresOf(judged.filter((item) => item.doctorPresent)),
    doctorAwayAtCheckIn: figuresOf(judged.filter((item) => !item.doctorPresent)),
    defaultResidualsMeasured: { quotes: uncalibrated.length, low: round(percentileOf(uncalibrated, 0.1)), high: round(percentileOf(uncalibrated, 0.9)) },
    targets: {
      ratioAtMost: ESTIMATE_TARGETS.maxRatio,
      coverageBetween: ESTIMATE_TARGETS.coverage,
      met,
    },
  };
}
