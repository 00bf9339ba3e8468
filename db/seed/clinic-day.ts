/**
 * One clinic day as the queue app would have reported it: patients arriving with the morning and
 * late-afternoon peaks, a doctor calling them one by one, consultations, no-shows, cancellations,
 * SMS and logins — as events (worker/domain/queue-events.ts), nothing else. Rows are derived from
 * these events by the production projection, never written directly.
 *
 * The same days feed the demo and the estimates bench (bench/estimates-bench.ts), so they carry
 * what makes a real wait hard to foretell, none of which the estimator is told: right-skewed
 * consultations, slow and quick days, late starts, a short break some mornings, patients who give
 * up. Not simulated (yet): booked patients or emergencies called out of turn, a replacement doctor.
 */
import { formatClinicInstant, instantOfClinicTime, weekdayOf } from '../../worker/domain/clinic-time.ts';
import type { QueueEvent } from '../../worker/domain/queue-events.ts';
import type { CheckInMethod, SmsKind } from '../../worker/domain/vocabulary.ts';
import type { DemoClinic } from './demo-clinics.ts';
import { between, chance, integerBetween, lognormal, randomFor, weightedIndex, type Random } from './random.ts';

/** An event with the instant it happened and the instant Pulse received it. */
export interface GeneratedEvent {
  event: QueueEvent;
  at: number;
  receivedAt: number;
}

/** What the day's events are, before the envelope (`id`, `occurredAt`) is put on. */
type EventBody = QueueEvent extends infer Event ? (Event extends QueueEvent ? Omit<Event, 'id' | 'occurredAt'> : never) : never;

const MINUTE = 60_000;
const SECOND = 1_000;

/** Arrivals per local hour from 08:00 to 18:00: peaks 9–11 h and 16–18 h. */
const ARRIVALS_BY_HOUR = [0.6, 1.5, 1.7, 1.2, 0.4, 0.1, 0.5, 0.8, 1.4, 1.5, 0.6];
const FIRST_ARRIVAL_HOUR = 8;
/** Check-ins per weekday (0 = Sunday, closed) relative to an ordinary day; Saturday is mornings only. */
const VOLUME_BY_WEEKDAY = [0, 1.15, 1, 1, 1, 0.85, 0.55];
/** The share of the usual afternoon crowd that comes on a Friday afternoon in Tunisia. */
const FRIDAY_AFTERNOON = 0.3;
const MONDAY_EXTRA_NO_SHOWS = 0.04;
/**
 * Consultations are lognormal, most short and a few long: a median of 12 min and σ = 0.45 (of the
 * logarithm) give a mean of 13.3 min, one in ten under 6.7 min and one in ten over 21.4 min. The
 * bounds only keep each story plausible (a 3-minute renewal, an hour-long emergency).
 */
const CONSULTATION_MEDIAN_MINUTES = 12;
const CONSULTATION_SIGMA = 0.45;
const CONSULTATION_MIN_MINUTES = 3;
const CONSULTATION_MAX_MINUTES = 60;
/** The day's pace: every consultation of a day is scaled by one lognormal factor (σ 0.12: ±12 % on a typical day). */
const DAY_PACE_SIGMA = 0.12;
/** Some days a session starts much later than usual (hospital rounds, traffic): how often, and by how much more. */
const LATE_START_CHANCE = 0.15;
const LATE_MORNING_MINUTES = [30, 75] as const;
const LATE_AFTERNOON_MINUTES = [20, 45] as const;
/** Some mornings the doctor steps out once (a coffee, a call, a home visit): when it can start, and how long. */
const MORNING_BREAK_CHANCE = 0.35;
const MORNING_BREAK_WINDOW = [10 * 60, 11 * 60 + 30] as const;
const MORNING_BREAK_MINUTES = [8, 25] as const;
const SMS_FAILURE_RATE = 0.03;
/** Patients leave a phone number far more often when they check in themselves. */
const PHONE_SHARE: Record<CheckInMethod, number> = { qr: 0.92, manual: 0.45 };

interface Patient {
  entryId: string;
  arrival: number;
  hasPhone: boolean;
  /** When the patient gives up if still waiting then. */
  leavesAt: number;
  warned: boolean;
}

export interface ClinicDayOptions {
  seed: number;
  /** False after the clinic's last login: the day stays empty. */
  inUse: boolean;
  /** The clinic's last day of use: it logs in that day even when closed. */
  lastDayOfUse: boolean;
}

/** Every event of `clinic` on `day`, in the order they happened (the whole day, even past now). */
export function generateClinicDay(clinic: DemoClinic, day: string, options: ClinicDayOptions): GeneratedEvent[] {
  if (!options.inUse) return [];
  const random = randomFor(options.seed, clinic.id, day);
  const record = new DayLog(clinic, day, random);
  const weekday = weekdayOf(day);
  const local = (hour: number, minute = 0) => instantOfClinicTime(day, hour * 60 + minute, clinic.timezone);

  if (weekday === 0) {
    // Closed on Sundays; some doctors still look at their figures in the evening.
    if (options.lastDayOfUse || chance(random, 0.2)) {
      record.add(local(20) + between(random, 0, 90) * MINUTE, { type: 'clinic_login', platform: 'mobile' });
    }
    return record.events();
  }

  const saturday = weekday === 6;
  const lateBy = (range: readonly [number, number]) => (chance(random, LATE_START_CHANCE) ? between(random, range[0], range[1]) : 0);
  const morningStart = local(8, 30) + (between(random, 0, 25) + lateBy(LATE_MORNING_MINUTES)) * MINUTE;
  const morningEnd = saturday ? local(13) : local(12, 30);
  const afternoon = saturday ? null : { start: local(15) + (between(random, 0, 15) + lateBy(LATE_AFTERNOON_MINUTES)) * MINUTE, end: local(19) };
  const closingTime = saturday ? local(15) : local(21);
  const pace = lognormal(random, 1, DAY_PACE_SIGMA);
  const morningBreak = chance(random, MORNING_BREAK_CHANCE)
    ? { at: local(0, between(random, ...MORNING_BREAK_WINDOW)), minutes: between(random, ...MORNING_BREAK_MINUTES), taken: false }
    : null;

  // The doctor logs in before the first patient; the desk often logs in again after lunch.
  const morningPlatform = chance(random, 0.55) ? 'mobile' : 'web';
  record.add(morningStart - between(random, 2, 15) * MINUTE, { type: 'clinic_login', platform: morningPlatform });
  if (afternoon !== null && chance(random, 0.4)) {
    record.add(afternoon.start - between(random, 0, 10) * MINUTE, { type: 'clinic_login', platform: 'web' });
  }

  const patients = arrivals(clinic, weekday, random, local).map((arrival, index) => {
    const method: CheckInMethod = chance(random, clinic.qrShare) ? 'qr' : 'manual';
    const patient: Patient = {
      entryId: `en-${day}-${String(index + 1).padStart(3, '0')}`,
      arrival,
      hasPhone: chance(random, PHONE_SHARE[method]),
      // A few give up early; nobody waits more than a few hours.
      leavesAt: arrival + (chance(random, clinic.cancelRate) ? between(random, 20, 90) : between(random, 150, 240)) * MINUTE,
      warned: false,
    };
    // A few manual check-ins had booked a slot on the quarter hour after they came in; the desk
    // still calls everyone in ticket order (calling booked patients first is not simulated).
    const quarter = 15 * MINUTE;
    const appointmentAt = method === 'manual' && chance(random, 0.1) ? (Math.ceil(arrival / quarter) + 1) * quarter : null;
    record.add(arrival, {
      type: 'patient_added',
      entryId: patient.entryId,
      method,
      ...(appointmentAt === null ? {} : { appointmentAt: formatClinicInstant(appointmentAt, clinic.timezone) }),
    });
    if (patient.hasPhone) record.sms(arrival + between(random, 3, 20) * SECOND, patient.entryId, 'queue_joined');
    return patient;
  });

  const noShowRate = clinic.noShowRate + (weekday === 1 ? MONDAY_EXTRA_NO_SHOWS : 0);
  const waiting: Patient[] = [];
  let nextArrival = 0;
  let sessionEnd = morningEnd;
  let inAfternoon = false;
  let now = morningStart;
  record.add(now, { type: 'doctor_presence_changed', present: true });

  for (;;) {
    for (let patient = patients[nextArrival]; patient !== undefined && patient.arrival <= now; patient = patients[++nextArrival]) {
      waiting.push(patient);
    }
    if (now >= closingTime) {
      // Past closing time the doctor stops; whoever is still waiting or coming is cancelled at the desk.
      record.add(now, { type: 'doctor_presence_changed', present: false });
      for (const left of [...waiting, ...patients.slice(nextArrival)]) {
        record.add(Math.max(left.arrival, now) + between(random, 5, 20) * MINUTE, { type: 'patient_cancelled', entryId: left.entryId });
      }
      break;
    }
    if (morningBreak !== null && !morningBreak.taken && !inAfternoon && now >= morningBreak.at) {
      // Between two patients, the doctor steps out and the reception marks it.
      morningBreak.taken = true;
      record.add(now, { type: 'doctor_presence_changed', present: false });
      now += morningBreak.minutes * MINUTE;
      record.add(now, { type: 'doctor_presence_changed', present: true });
      continue;
    }
    const patient = waiting.shift();
    if (patient !== undefined) {
      if (patient.leavesAt <= now) {
        record.add(patient.leavesAt, { type: 'patient_cancelled', entryId: patient.entryId });
        continue;
      }
      now = see(patient, now, waiting[0]);
      continue;
    }
    const upcoming = patients[nextArrival];
    if (upcoming !== undefined && upcoming.arrival < sessionEnd) {
      now = upcoming.arrival;
      continue;
    }
    // Nobody waiting and nobody due before the end of the session: the doctor leaves.
    const leftAt = Math.max(now, sessionEnd);
    record.add(leftAt, { type: 'doctor_presence_changed', present: false });
    if (afternoon === null || inAfternoon) {
      // Whoever arrives after the doctor has gone is cancelled at the desk.
      for (const late of patients.slice(nextArrival)) {
        record.add(Math.max(late.arrival, leftAt) + between(random, 5, 20) * MINUTE, { type: 'patient_cancelled', entryId: late.entryId });
      }
      break;
    }
    inAfternoon = true;
    sessionEnd = afternoon.end;
    now = Math.max(afternoon.start, leftAt + 30 * MINUTE);
    record.add(now, { type: 'doctor_presence_changed', present: true });
  }
  return record.events();

  /** Calls `patient` at `calledAt`; returns when the doctor is free again. */
  function see(patient: Patient, calledAt: number, following: Patient | undefined): number {
    record.add(calledAt, { type: 'patient_called', entryId: patient.entryId });
    if (patient.hasPhone) record.sms(calledAt + between(random, 3, 15) * SECOND, patient.entryId, 'your_turn');
    if (following !== undefined && following.hasPhone && !following.warned && following.leavesAt > calledAt) {
      following.warned = true;
      record.sms(calledAt + between(random, 20, 60) * SECOND, following.entryId, 'almost_turn');
    }
    if (chance(random, noShowRate)) {
      const markedAt = calledAt + between(random, 2, 5) * MINUTE;
      record.add(markedAt, { type: 'patient_no_show', entryId: patient.entryId });
      return markedAt + between(random, 0, 30) * SECOND;
    }
    // Most doctors press "start"; the others go straight from the call to "done".
    const startedAt = calledAt + between(random, 20, 90) * SECOND;
    if (chance(random, 0.85)) record.add(startedAt, { type: 'consultation_started', entryId: patient.entryId });
    const minutes = lognormal(random, CONSULTATION_MEDIAN_MINUTES, CONSULTATION_SIGMA) * pace;
    const completedAt = startedAt + Math.min(CONSULTATION_MAX_MINUTES, Math.max(CONSULTATION_MIN_MINUTES, minutes)) * MINUTE;
    record.add(completedAt, { type: 'patient_completed', entryId: patient.entryId });
    return completedAt + between(random, 10, 60) * SECOND;
  }
}

/** Sorted arrival instants for the day. */
function arrivals(clinic: DemoClinic, weekday: number, random: Random, local: (hour: number) => number): number[] {
  const weights = ARRIVALS_BY_HOUR.map((weight, offset) => {
    const hour = FIRST_ARRIVAL_HOUR + offset;
    if (weekday === 6 && hour >= 13) return 0;
    if (weekday === 5 && clinic.quietFridayAfternoon && hour >= 13) return weight * FRIDAY_AFTERNOON;
    return weight;
  });
  // The smaller Friday and Saturday crowds are in VOLUME_BY_WEEKDAY; the weights only shape the day.
  const count = Math.round(clinic.patientsPerDay * (VOLUME_BY_WEEKDAY[weekday] ?? 0) * between(random, 0.85, 1.15));
  return Array.from({ length: count }, () => {
    const hour = FIRST_ARRIVAL_HOUR + weightedIndex(random, weights);
    return local(hour) + Math.floor(random() * 60 * MINUTE);
  }).sort((a, b) => a - b);
}

/** Collects a day's events, then orders them in time and numbers them. */
class DayLog {
  readonly #clinic: DemoClinic;
  readonly #day: string;
  readonly #random: Random;
  readonly #pending: { at: number; body: EventBody }[] = [];
  #smsCount = 0;

  constructor(clinic: DemoClinic, day: string, random: Random) {
    this.#clinic = clinic;
    this.#day = day;
    this.#random = random;
  }

  add(at: number, body: EventBody): void {
    this.#pending.push({ at: Math.round(at), body });
  }

  /** An SMS and, a little later, its delivery report (about 3 % fail). */
  sms(at: number, entryId: string, kind: SmsKind): void {
    this.#smsCount += 1;
    const smsId = `sms-${this.#day}-${String(this.#smsCount).padStart(4, '0')}`;
    this.add(at, { type: 'sms_sent', smsId, entryId, kind });
    const failed = chance(this.#random, SMS_FAILURE_RATE);
    this.add(at + between(this.#random, 2, 90) * SECOND, { type: 'sms_status', smsId, status: failed ? 'failed' : 'delivered' });
  }

  events(): GeneratedEvent[] {
    // A stable sort keeps same-instant events in the order they were caused.
    const ordered = this.#pending.map((item, order) => ({ ...item, order })).sort((a, b) => a.at - b.at || a.order - b.order);
    return ordered.map(({ at, body }, index) => ({
      event: { ...body, id: `ev-${this.#day}-${String(index + 1).padStart(4, '0')}`, occurredAt: formatClinicInstant(at, this.#clinic.timezone) },
      at,
      receivedAt: at + integerBetween(this.#random, 80, 900),
    }));
  }
}
