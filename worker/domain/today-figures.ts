/**
 * The doctor's "Aujourd'hui" figures (PRODUCT.md, clinic figures), kept as running counters that
 * each entry change moves in O(1), so the ClinicQueue object never rescans its day per event.
 * Only "longest wait" depends on the clock (patients still waiting keep waiting): it is finished
 * at read time over the waiting entries. The quotes' accuracy and the service level are judged at
 * read time too, over the day's entries (a read is rarer than an event, and the median needs them).
 */
import { formatClinicInstant } from './clinic-time.ts';
import type { UnusualFigure } from './hour-baselines.ts';
import type { QueueDay, QueueEntryRow } from './queue-projection.ts';
import { judgeEntries, type EstimateAccuracy, type ServiceLevel } from './quote-accuracy.ts';

export interface TodayCounters {
  waiting: number;
  inConsultation: number;
  seen: number;
  noShows: number;
  checkinsQr: number;
  checkinsManual: number;
  waitSumMs: number;
  waitCount: number;
  waitMaxMs: number;
  consultSumMs: number;
  consultCount: number;
}

export function emptyTodayCounters(): TodayCounters {
  return {
    waiting: 0, inConsultation: 0, seen: 0, noShows: 0, checkinsQr: 0, checkinsManual: 0,
    waitSumMs: 0, waitCount: 0, waitMaxMs: 0, consultSumMs: 0, consultCount: 0,
  };
}

/** PRODUCT: with fewer than 3 consultations today and no 30-day history, assume 15 minutes. */
export const DEFAULT_CONSULTATION_MS = 15 * 60_000;
/** PRODUCT: today's mean consultation is trusted from 3 consultations on. */
export const MIN_CONSULTATIONS_FOR_TODAY_MEAN = 3;

/** Moves the counters for one entry replaced by its next version (`before` absent: a check-in). */
export function countEntryChange(counters: TodayCounters, before: QueueEntryRow | undefined, after: QueueEntryRow): void {
  const entered = (state: QueueEntryRow['state']) => after.state === state && before?.state !== state;
  const left = (state: QueueEntryRow['state']) => before?.state === state && after.state !== state;
  if (before === undefined) {
    if (after.method === 'qr') counters.checkinsQr += 1;
    else counters.checkinsManual += 1;
  }
  counters.waiting += (entered('waiting') ? 1 : 0) - (left('waiting') ? 1 : 0);
  counters.inConsultation += (entered('in_consultation') ? 1 : 0) - (left('in_consultation') ? 1 : 0);
  if (entered('no_show')) counters.noShows += 1;
  if (after.calledAt !== null && (before?.calledAt ?? null) === null) {
    const wait = after.calledAt - after.checkedInAt;
    counters.waitSumMs += wait;
    counters.waitCount += 1;
    counters.waitMaxMs = Math.max(counters.waitMaxMs, wait);
  }
  if (entered('completed') && after.completedAt !== null) {
    counters.seen += 1;
    const start = after.consultationStartedAt ?? after.calledAt;
    if (start !== null) {
      counters.consultSumMs += after.completedAt - start;
      counters.consultCount += 1;
    }
  }
}

/** Counters of a whole day, e.g. after rebuilding it: the sum of every entry's changes. */
export function countDay(entries: Iterable<QueueEntryRow>): TodayCounters {
  const counters = emptyTodayCounters();
  for (const entry of entries) countEntryChange(counters, undefined, entry);
  return counters;
}

/** The answer of `GET …/stats/today`. Minutes are rounded to 0.1; null where nothing is known yet. */
export interface TodayFigures {
  waiting: number;
  seenToday: number;
  avgWaitMinutes: number | null;
  maxWaitMinutes: number | null;
  noShowsToday: number;
  checkIns: { qr: number; manual: number; qrShare: number | null };
  avgConsultationMinutes: number | null;
  /** Clinic time with its offset, or null when the doctor is away or nobody is waiting. */
  estimatedEndAt: string | null;
  doctorPresent: boolean;
  /** Today's quotes judged against the waits of the entries called today. */
  estimates: EstimateAccuracy;
  serviceLevel: ServiceLevel;
  /** What is unusual for this weekday and hour (hour-baselines.ts); empty without baselines. */
  unusual: UnusualFigure[];
  asOf: string;
  timezone: string;
  day: string;
}

const minutes = (ms: number) => Math.round(ms / 6_000) / 10;

/**
 * Reads the figures at `now`. `trailingConsultationMs` is the clinic's 30-day mean consultation,
 * null when it has none.
 */
export function readTodayFigures(
  day: QueueDay,
  counters: TodayCounters,
  now: number,
  trailingConsultationMs: number | null,
  unusual: UnusualFigure[] = [],
): TodayFigures {
  let longestWaitMs = counters.waitCount > 0 ? counters.waitMaxMs : null;
  for (const entry of day.entries.values()) {
    if (entry.state === 'waiting') longestWaitMs = Math.max(longestWaitMs ?? 0, now - entry.checkedInAt);
  }
  const checkIns = counters.checkinsQr + counters.checkinsManual;
  const consultationMs =
    counters.consultCount >= MIN_CONSULTATIONS_FOR_TODAY_MEAN
      ? counters.consultSumMs / counters.consultCount
      : (trailingConsultationMs ?? DEFAULT_CONSULTATION_MS);
  const ahead = counters.waiting + counters.inConsultation;
  return {
    waiting: counters.waiting,
    seenToday: counters.seen,
    avgWaitMinutes: counters.waitCount > 0 ? minutes(counters.waitSumMs / counters.waitCount) : null,
    maxWaitMinutes: longestWaitMs === null ? null : minutes(longestWaitMs),
    noShowsToday: counters.noShows,
    checkIns: { qr: counters.checkinsQr, manual: counters.checkinsManual, qrShare: checkIns > 0 ? counters.checkinsQr / checkIns : null },
    avgConsultationMinutes: counters.consultCount > 0 ? minutes(counters.consultSumMs / counters.consultCount) : null,
    estimatedEndAt: day.doctorPresent && ahead > 0 ? formatClinicInstant(Math.round(now + ahead * consultationMs), day.settings.timezone) : null,
    doctorPresent: day.doctorPresent,
    ...judgeEntries(day.entries.values(), day.settings.serviceTargetMinutes),
    unusual,
    asOf: new Date(now).toISOString(),
    timezone: day.settings.timezone,
    day: day.day,
  };
}
