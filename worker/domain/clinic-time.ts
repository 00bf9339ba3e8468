/**
 * Clinic time: every "today", day bucket and hour bucket of a clinic is computed in its own IANA
 * zone (PRODUCT.md "clinic day"). Intl only, so the same code runs in workerd, Node and the PWA.
 *
 * A clinic day is a `YYYY-MM-DD` label; instants are epoch milliseconds (UTC). A day is not always
 * 24 hours long: Europe/Paris has a 23-hour day in March and a 25-hour day in October.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Offsets are cached per zone and 15-minute UTC slot: every time-zone transition since the 1970s
 * falls on a quarter hour (zones with :30 and :45 offsets included), so one lookup per slot is
 * exact, and the seed's hundreds of thousands of timestamps cost a handful of Intl calls each.
 * The bound keeps a long-lived isolate from growing the cache without end.
 */
const OFFSET_SLOT_MS = 15 * MINUTE_MS;
const OFFSET_CACHE_LIMIT = 50_000;
const offsetCaches = new Map<string, Map<number, number>>();
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether this runtime can tell the time in `zone`: the API only stores such zones (admin-wire.ts). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall clock at `instantMs` read as if it were UTC, minus the instant: the offset. */
function computeOffsetMs(instantMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  return wall - (instantMs - mod(instantMs, 1000));
}

/** Milliseconds to add to UTC to read the clinic's wall clock at `instantMs` (+3_600_000 for CET). */
export function utcOffsetMsAt(instantMs: number, timeZone: string): number {
  let cache = offsetCaches.get(timeZone);
  if (cache === undefined) {
    cache = new Map();
    offsetCaches.set(timeZone, cache);
  }
  const slot = Math.floor(instantMs / OFFSET_SLOT_MS);
  let offset = cache.get(slot);
  if (offset === undefined) {
    offset = computeOffsetMs(slot * OFFSET_SLOT_MS, timeZone);
    if (cache.size >= OFFSET_CACHE_LIMIT) cache.clear();
    cache.set(slot, offset);
  }
  return offset;
}

/** The clinic day (YYYY-MM-DD in the clinic's zone) that contains `instantMs`. */
export function clinicDayOf(instantMs: number, timeZone: string): string {
  return dayLabelOf(instantMs + utcOffsetMsAt(instantMs, timeZone));
}

/** The hour (0–23) on the clinic's wall clock at `instantMs`. */
export function localHourOf(instantMs: number, timeZone: string): number {
  return Math.floor(mod(instantMs + utcOffsetMsAt(instantMs, timeZone), DAY_MS) / HOUR_MS);
}

/**
 * The instant at which the clinic's current local hour began. On a 25-hour day the repeated hour
 * gives two different starts, one per offset, so hourly buckets never merge. (Lord Howe Island's
 * half-hour shift, the one zone whose clocks move by less than an hour, is not handled.)
 */
export function hourStartOf(instantMs: number, timeZone: string): number {
  return instantMs - mod(instantMs + utcOffsetMsAt(instantMs, timeZone), HOUR_MS);
}

/**
 * The first instant at which the clinic's wall clock reads `minuteOfDay` (or later) on `day`.
 * When the time happens twice (clocks going back) this is the first time; when it never happens
 * (clocks going forward over it) this is the moment the clocks jump.
 */
export function instantOfClinicTime(day: string, minuteOfDay: number, timeZone: string): number {
  const wall = parseDay(day) + minuteOfDay * MINUTE_MS;
  // Offsets one day either side bracket any transition near this wall time.
  const offsetBefore = utcOffsetMsAt(wall - DAY_MS, timeZone);
  const offsetAfter = utcOffsetMsAt(wall + DAY_MS, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter]
    .filter((instant) => utcOffsetMsAt(instant, timeZone) === wall - instant)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first !== undefined) return first;
  // In the gap of a spring-forward: find the jump between the two readings.
  let low = wall - offsetAfter; // still on the old offset, before the wall time
  let high = wall - offsetBefore; // already on the new offset, past the wall time
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (utcOffsetMsAt(middle, timeZone) === offsetAfter) high = middle;
    else low = middle;
  }
  return high;
}

/** Local midnight of `day` as an instant (or the first instant of the day where midnight is skipped). */
export function startOfClinicDay(day: string, timeZone: string): number {
  return instantOfClinicTime(day, 0, timeZone);
}

/** The day after `day` (calendar arithmetic, no zone involved). */
export function nextClinicDay(day: string): string {
  return addClinicDays(day, 1);
}

/** `day` moved by `count` calendar days (negative goes back). */
export function addClinicDays(day: string, count: number): string {
  return dayLabelOf(parseDay(day) + count * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function clinicDaysBetween(from: string, to: string): number {
  return Math.round((parseDay(to) - parseDay(from)) / DAY_MS);
}

/** Day of the week of `day`, JavaScript's numbering: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(parseDay(day)).getUTCDay();
}

/**
 * `instantMs` as ISO 8601 with the clinic's offset, e.g. `2026-03-29T03:30:00.000+02:00`: what the
 * queue app sends as `occurredAt`, and how a time "in clinic time" is shown.
 */
export function formatClinicInstant(instantMs: number, timeZone: string): string {
  const offset = utcOffsetMsAt(instantMs, timeZone);
  const wall = new Date(instantMs + offset).toISOString().slice(0, -1);
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / MINUTE_MS;
  return `${wall}${sign}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` as the UTC instant of that calendar date (a pure calendar value, no zone). */
function parseDay(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (match === null) throw new RangeError(`not a clinic day (YYYY-MM-DD): ${day}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const instant = Date.UTC(year, month - 1, date);
  if (dayLabelOf(instant) !== day) throw new RangeError(`no such calendar day: ${day}`);
  return instant;
}

function dayLabelOf(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 10);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
