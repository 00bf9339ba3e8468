/**
 * Today's estimated end (PRODUCT: forecast): when the last patient of the day should be done, as a
 * point and a range, from the wait estimator (wait-estimate.ts) and the check-ins the day's
 * forecast (arrival-forecast.ts) still expects. Pure; time is a parameter.
 *
 * Three scenarios: the arrivals still expected at each hour's expected, low and high counts — the
 * rest of the day's hours, and of the current hour the share still to come. Each scenario adds
 * that many patients still to come (the count rounded) to a copy of the day, spread as the hours
 * expect them (the k-th of n where the hours' arrivals reach (k − ½)/n of their sum), and runs the
 * estimator (`estimateWaitsWithArrivals`), which calls nobody before they arrive and plans the
 * doctor's sessions as for real patients. The day ends one interval after the last call: the
 * expected scenario's point, the low scenario's low bound, the high scenario's high bound — fewer
 * arrivals and a quick pace, or more and a slow one.
 * The hours' bounds added up are further apart than the day's own (a quiet day is rarely quiet in
 * every hour), and both ends take the estimator's bound too: the range leans wide, on purpose —
 * telling a doctor "19:10–19:40" when it is 20:00 is the failure to avoid.
 *
 * With nobody left to call but a patient with the doctor, the day ends when the doctor is free:
 * the call of one more patient checked in now, with its range. Nobody waiting or with the doctor,
 * and nobody expected: no end (null).
 *
 * Cost: three runs of the estimator over the waiting list and the arrivals still expected.
 */
import type { ForecastHour } from './arrival-forecast.ts';
import { localHourOf } from './clinic-time.ts';
import { waitingEntry, type QueueDay } from './queue-projection.ts';
import { estimateWaitsWithArrivals, plannedIntervalMs, type EstimatorModel } from './wait-estimate.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** When the day's last patient should be done: epoch ms, `low ≤ expected ≤ high`. */
export interface DayEndProjection {
  expected: number;
  low: number;
  high: number;
}

type Bound = 'expected' | 'low' | 'high';

/** A stretch of the day still to come and the arrivals expected in it. */
interface Stretch {
  from: number;
  to: number;
  arrivals: number;
}

/**
 * What is left of the day's hours after `now`, each with its `bound` count: the current hour pro
 * rata of what is left of it, a repeated hour label (clocks going back) shared between its two hours.
 */
function stretchesLeft(day: QueueDay, now: number, hours: readonly ForecastHour[], bound: Bound): Stretch[] {
  const timezone = day.settings.timezone;
  const starts: Array<{ start: number; hour: number }> = [];
  for (let start = day.startsAt; start < day.endsAt; start += HOUR) starts.push({ start, hour: localHourOf(start, timezone) });
  const times = new Map<number, number>();
  for (const { hour } of starts) times.set(hour, (times.get(hour) ?? 0) + 1);
  const counts = new Map(hours.map((hour) => [hour.hour, hour[bound]]));
  const stretches: Stretch[] = [];
  for (const { start, hour } of starts) {
    const end = Math.min(start + HOUR, day.endsAt);
    if (end <= now) continue;
    const from = Math.max(start, now);
    const arrivals = ((counts.get(hour) ?? 0) / (times.get(hour) ?? 1)) * ((end - from) / (end - start));
    if (arrivals > 0) stretches.push({ from, to: end, arrivals });
  }
  return stretches;
}

/** The instants of the patients still to come: n, the stretches' arrivals rounded, the k-th where they reach (k − ½)/n of their sum. */
function arrivalsLeft(stretches: readonly Stretch[]): number[] {
  const total = stretches.reduce((sum, stretch) => sum + stretch.arrivals, 0);
  const count = Math.round(total);
  const instants: number[] = [];
  let reached = 0;
  let index = 0;
  for (const stretch of stretches) {
    while (index < count && ((index + 0.5) * total) / count <= reached + stretch.arrivals) {
      const within = ((index + 0.5) * total) / count - reached;
      instants.push(Math.round(stretch.from + (stretch.to - stretch.from) * (within / stretch.arrivals)));
      index += 1;
    }
    reached += stretch.arrivals;
  }
  return instants;
}

/** A copy of `day` (never `day` itself) with patients still to come, waiting from `instants` on, ticketed after everyone. */
function withArrivals(day: QueueDay, instants: readonly number[]): QueueDay {
  const entries = new Map(day.entries);
  for (const [index, checkedInAt] of instants.entries()) {
    const id = `expected-${index + 1}`;
    entries.set(id, waitingEntry(day, { id, ticketNumber: day.nextTicketNumber + index, method: 'qr', appointmentAt: null, checkedInAt }));
  }
  return { ...day, entries, nextTicketNumber: day.nextTicketNumber + instants.length };
}

/** When the day ends in one scenario, at its `bound`; null when nobody is there or still to come. */
function endOf(day: QueueDay, model: EstimatorModel, now: number, instants: readonly number[], bound: Bound, interval: number): number | null {
  const estimates = [...estimateWaitsWithArrivals(withArrivals(day, instants), model, now).values()];
  let last = estimates.at(-1);
  let after = interval;
  if (last === undefined) {
    // Nobody left to call: the day ends when the patient with the doctor is done, the call of one more checked in now.
    const withDoctor = [...day.entries.values()].some((entry) => entry.state === 'called' || entry.state === 'in_consultation');
    if (!withDoctor) return null;
    last = estimateWaitsWithArrivals(withArrivals(day, [now]), model, now).values().next().value;
    after = 0;
    if (last === undefined) return null;
  }
  const minutes = bound === 'low' ? last.lowMinutes : last.highMinutes;
  return (bound === 'expected' ? last.callAt : now + minutes * MINUTE) + after;
}

/**
 * Today's end at `now` from the day's queue, its estimator model and the day's forecast hours;
 * null when nobody is waiting or with the doctor and no arrival is still expected.
 */
export function projectDayEnd(day: QueueDay, model: EstimatorModel, now: number, forecastHours: ForecastHour[]): DayEndProjection | null {
  const interval = plannedIntervalMs(day, model);
  const scenario = (bound: Bound) => endOf(day, model, now, arrivalsLeft(stretchesLeft(day, now, forecastHours, bound)), bound, interval);
  const expected = scenario('expected');
  if (expected === null) return null;
  // A scenario without anyone (none expected even at the low count) ends now: the day could be over.
  const low = scenario('low') ?? now;
  const high = scenario('high') ?? expected;
  return { expected, low: Math.min(low, expected), high: Math.max(high, expected) };
}
