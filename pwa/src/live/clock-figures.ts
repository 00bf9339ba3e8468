import type { TodayEntry, TodayFigures } from '../api/wire';

/*
 * The live socket speaks only when the queue changes. Between changes two figures still move with
 * the clock: the longest wait grows while patients wait, and the estimated end ("now + …") slides.
 * While connected, no message means no change, so these move them on from the last message by the
 * time elapsed since it arrived, measured on this phone's clock (never comparing its clock with
 * the server's). Stale figures are not moved: nobody knows what happened since.
 */

const MINUTE_MS = 60_000;

function waitedMs(entry: TodayEntry, asOfMs: number, elapsedMs: number): number {
  return asOfMs - Date.parse(entry.checkedInAt) + elapsedMs;
}

/** Whole minutes an entry has waited: still counting while it waits, fixed once called. */
export function minutesWaitedNow(entry: TodayEntry, asOf: string, elapsedMs: number): number {
  if (entry.state !== 'waiting') return entry.minutesWaited;
  return Math.max(entry.minutesWaited, Math.floor(waitedMs(entry, Date.parse(asOf), elapsedMs) / MINUTE_MS));
}

/** "Temps max": the longest of the waits of those called today and of those still waiting, now. */
export function longestWaitMinutesNow(figures: TodayFigures, entries: readonly TodayEntry[], elapsedMs: number): number | null {
  const asOfMs = Date.parse(figures.asOf);
  let longest = figures.maxWaitMinutes;
  for (const entry of entries) {
    if (entry.state !== 'waiting') continue;
    const minutes = Math.round(waitedMs(entry, asOfMs, elapsedMs) / 6_000) / 10;
    longest = Math.max(longest ?? 0, minutes);
  }
  return longest;
}

/** "Heure de fin estimée" as an instant (ms), or null when there is none. */
export function estimatedEndNow(figures: TodayFigures, elapsedMs: number): number | null {
  return figures.estimatedEndAt === null ? null : Date.parse(figures.estimatedEndAt) + elapsedMs;
}
