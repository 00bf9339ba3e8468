/**
 * Rollups: a clinic's entries and SMS folded into daily and hourly counters on the clinic's own
 * calendar (db/schema/rollups.ts). Pure, so the seed, the rebuild job and tests share it.
 *
 * Bucketing rule — every fact counts when it happened, not when the patient arrived:
 * - check-ins (by method) at `checked_in_at`;
 * - waits (`called_at − checked_in_at`) at `called_at`: "average wait over entries called today";
 * - seen and consultation times at `completed_at`: "entries completed during today";
 * - no-shows at `no_show_at`, cancellations at `cancelled_at`;
 * - quotes judged and calls within the service target at `called_at`, with the waits they judge;
 * - unfinished entries (closed at the clinic's midnight) at `checked_in_at`: the day they belong to;
 * - walk-out risk scores when the entry ended: at `called_at`, or when it left uncalled;
 * - SMS sent, failed and cost at `sent_at`, so failed ≤ sent in every bucket and the failure rate
 *   compares the same messages (a failure reported later updates the bucket it was sent in).
 * This is what the live "Aujourd'hui" figures count, so yesterday's rollup equals yesterday's
 * screen at 23:59, even for a patient who checked in before midnight and was seen after it.
 */
import { clinicDayOf, hourStartOf, localHourOf, nextClinicDay, startOfClinicDay } from './clinic-time.ts';
import type { QueueEntryRow, SmsRow } from './queue-projection.ts';
import { addAccuracyCounters, calledWithinTarget, DEFAULT_SERVICE_TARGET_MINUTES, countQuote, emptyAccuracyCounters, type AccuracyCounters } from './quote-accuracy.ts';

/** The counters of one bucket; sums in ms so means can be computed over any window exactly. */
export interface RollupCounters extends AccuracyCounters {
  unfinished: number;
  /** Entries whose walk-out risk was scored, and the sums of their Brier scores and the base rate's. */
  walkOutScored: number;
  walkOutBrierSum: number;
  walkOutBaseRateBrierSum: number;
  /** Entries called within the clinic's service target as it stood when the bucket was rolled up. */
  calledWithinTarget: number;
  checkinsQr: number;
  checkinsManual: number;
  seen: number;
  noShows: number;
  cancelled: number;
  waitSumMs: number;
  waitCount: number;
  waitMaxMs: number;
  consultSumMs: number;
  consultCount: number;
  smsSent: number;
  smsFailed: number;
  smsCostMinor: number;
}

/** A `daily_rollups` row. */
export interface DailyRollupRow extends RollupCounters {
  clinicId: string;
  day: string;
  updatedAt: number;
  /** The day's end once it has passed: a finished day no longer changes. */
  finalizedAt: number | null;
}

/** An `hourly_rollups` row, keyed by the UTC start of the local hour. */
export interface HourlyRollupRow extends RollupCounters {
  clinicId: string;
  hourStart: number;
  day: string;
  hour: number;
  updatedAt: number;
}

/** What a rollup reads of an entry: stored `queue_entries` rows fit as they are. */
export type RollupEntry = Pick<
  QueueEntryRow,
  | 'method'
  | 'checkedInAt'
  | 'calledAt'
  | 'consultationStartedAt'
  | 'completedAt'
  | 'noShowAt'
  | 'cancelledAt'
  | 'unfinishedAt'
  | 'quoteWaitMinutes'
  | 'quoteLowMinutes'
  | 'quoteHighMinutes'
  | 'walkOutBrier'
  | 'walkOutBaseRateBrier'
>;
/** What a rollup reads of an SMS: stored `sms_messages` rows fit as they are. */
export type RollupSms = Pick<SmsRow, 'status' | 'costMinor' | 'sentAt'>;

export interface RollupInput {
  clinicId: string;
  timezone: string;
  entries: Iterable<RollupEntry>;
  sms: Iterable<RollupSms>;
  now: number;
  /** The clinic's service target, minutes (service level); PRODUCT's default when absent. */
  serviceTargetMinutes?: number;
  /** Keep only buckets of these clinic days (inclusive), e.g. to rebuild a range. */
  days?: { from: string; to: string };
}

/** A bucket in which nothing has happened yet. */
export function emptyRollupCounters(): RollupCounters {
  return {
    ...emptyAccuracyCounters(),
    unfinished: 0,
    walkOutScored: 0,
    walkOutBrierSum: 0,
    walkOutBaseRateBrierSum: 0,
    calledWithinTarget: 0,
    checkinsQr: 0,
    checkinsManual: 0,
    seen: 0,
    noShows: 0,
    cancelled: 0,
    waitSumMs: 0,
    waitCount: 0,
    waitMaxMs: 0,
    consultSumMs: 0,
    consultCount: 0,
    smsSent: 0,
    smsFailed: 0,
    smsCostMinor: 0,
  };
}

/** Daily and hourly rollups of one clinic, ordered by time; buckets without any fact are absent. */
export function rollupClinic(input: RollupInput): { daily: DailyRollupRow[]; hourly: HourlyRollupRow[] } {
  const hours = new Map<number, RollupCounters>();
  const bucket = (at: number): RollupCounters => {
    const start = hourStartOf(at, input.timezone);
    let counters = hours.get(start);
    if (counters === undefined) {
      counters = emptyRollupCounters();
      hours.set(start, counters);
    }
    return counters;
  };

  for (const entry of input.entries) {
    const checkIn = bucket(entry.checkedInAt);
    if (entry.method === 'qr') checkIn.checkinsQr += 1;
    else checkIn.checkinsManual += 1;
    if (entry.calledAt !== null) {
      const wait = entry.calledAt - entry.checkedInAt;
      const called = bucket(entry.calledAt);
      called.waitSumMs += wait;
      called.waitCount += 1;
      called.waitMaxMs = Math.max(called.waitMaxMs, wait);
      if (calledWithinTarget(entry, input.serviceTargetMinutes ?? DEFAULT_SERVICE_TARGET_MINUTES)) called.calledWithinTarget += 1;
      countQuote(called, entry);
    }
    if (entry.unfinishedAt !== null) checkIn.unfinished += 1;
    const endedAt = entry.calledAt ?? entry.noShowAt ?? entry.cancelledAt;
    if (entry.walkOutBrier !== null && entry.walkOutBaseRateBrier !== null && endedAt !== null) {
      const ended = bucket(endedAt);
      ended.walkOutScored += 1;
      ended.walkOutBrierSum += entry.walkOutBrier;
      ended.walkOutBaseRateBrierSum += entry.walkOutBaseRateBrier;
    }
    if (entry.completedAt !== null) {
      const completed = bucket(entry.completedAt);
      completed.seen += 1;
      const consultationStart = entry.consultationStartedAt ?? entry.calledAt;
      if (consultationStart !== null) {
        completed.consultSumMs += entry.completedAt - consultationStart;
        completed.consultCount += 1;
      }
    }
    if (entry.noShowAt !== null) bucket(entry.noShowAt).noShows += 1;
    if (entry.cancelledAt !== null) bucket(entry.cancelledAt).cancelled += 1;
  }
  for (const message of input.sms) {
    const sent = bucket(message.sentAt);
    sent.smsSent += 1;
    sent.smsCostMinor += message.costMinor;
    if (message.status === 'failed') sent.smsFailed += 1;
  }

  const hourly: HourlyRollupRow[] = [];
  const days = new Map<string, RollupCounters>();
  for (const hourStart of [...hours.keys()].sort((a, b) => a - b)) {
    const counters = hours.get(hourStart) ?? emptyRollupCounters();
    const day = clinicDayOf(hourStart, input.timezone);
    if (input.days !== undefined && (day < input.days.from || day > input.days.to)) continue;
    hourly.push({
      clinicId: input.clinicId,
      hourStart,
      day,
      hour: localHourOf(hourStart, input.timezone),
      ...counters,
      updatedAt: input.now,
    });
    // A local hour never straddles midnight, so a day is exactly the sum of its hours.
    days.set(day, addCounters(days.get(day) ?? emptyRollupCounters(), counters));
  }

  const daily: DailyRollupRow[] = [...days].map(([day, counters]) => {
    const endsAt = startOfClinicDay(nextClinicDay(day), input.timezone);
    return { clinicId: input.clinicId, day, ...counters, updatedAt: input.now, finalizedAt: endsAt <= input.now ? endsAt : null };
  });
  return { daily, hourly };
}

/** `a` and `b` merged: sums add, the longest wait is the longer of the two. */
export function addCounters(a: RollupCounters, b: RollupCounters): RollupCounters {
  return {
    ...addAccuracyCounters(a, b),
    unfinished: a.unfinished + b.unfinished,
    walkOutScored: a.walkOutScored + b.walkOutScored,
    walkOutBrierSum: a.walkOutBrierSum + b.walkOutBrierSum,
    walkOutBaseRateBrierSum: a.walkOutBaseRateBrierSum + b.walkOutBaseRateBrierSum,
    calledWithinTarget: a.calledWithinTarget + b.calledWithinTarget,
    checkinsQr: a.checkinsQr + b.checkinsQr,
    checkinsManual: a.checkinsManual + b.checkinsManual,
    seen: a.seen + b.seen,
    noShows: a.noShows + b.noShows,
    cancelled: a.cancelled + b.cancelled,
    waitSumMs: a.waitSumMs + b.waitSumMs,
    waitCount: a.waitCount + b.waitCount,
    waitMaxMs: Math.max(a.waitMaxMs, b.waitMaxMs),
    consultSumMs: a.consultSumMs + b.consultSumMs,
    consultCount: a.consultCount + b.consultCount,
    smsSent: a.smsSent + b.smsSent,
    smsFailed: a.smsFailed + b.smsFailed,
    smsCostMinor: a.smsCostMinor + b.smsCostMinor,
  };
}
