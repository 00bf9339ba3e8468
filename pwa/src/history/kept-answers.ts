/**
 * History answers kept on the phone for its signed-in user (session/device-copies.ts), so the
 * installed app opens the history without a network on the last answers it had, marked with their
 * age, instead of "server unreachable".
 */
import { ServerUnreachableError } from '../api/errors';
import { isRecord } from '../api/json';
import { deviceCopies, type DeviceCopies } from '../session/device-copies';
import type { NamedQuery } from '../session/screen-read';

/** An answer as the screen gets it: `keptAt` (this phone's clock, ms) when it is a copy kept offline. */
export type Kept<Answer> = Answer & { keptAt?: number };

/**
 * The most history answers kept per user, the most recently received first: six a window, so the
 * last few windows of a clinic or two. A bound on localStorage (a few MB per origin, shared with
 * everything else Pulse keeps), which a super admin browsing every clinic would otherwise fill.
 */
export const MAX_KEPT_ANSWERS = 40;

const PREFIX = 'history/';

/** The names to drop so that at most `max` copies stay: the least recently received. */
export function copiesBeyond(copies: readonly { name: string; savedAt: number }[], max: number): string[] {
  return [...copies]
    .sort((a, b) => b.savedAt - a.savedAt || a.name.localeCompare(b.name))
    .slice(max)
    .map((copy) => copy.name);
}

function savedAtOf(stored: string | null): number | null {
  if (stored === null) return null;
  try {
    const json: unknown = JSON.parse(stored);
    return isRecord(json) && typeof json['savedAt'] === 'number' && Number.isFinite(json['savedAt']) ? json['savedAt'] : null;
  } catch {
    return null;
  }
}

/**
 * `read`, keeping each answer it gets and, when the server cannot be reached, giving the kept one
 * back instead, checked again by `parse` (it may come from an older version of the app) and marked
 * with `keptAt`. Without a kept answer, or for any other failure, it rejects as `read` did.
 */
export function keepingAnswers<Args extends string[], Answer extends object>(
  kind: string,
  read: (...args: Args) => Promise<Answer>,
  parse: (value: unknown) => Answer,
  copies: DeviceCopies = deviceCopies,
  now: () => number = Date.now,
): (...args: Args) => Promise<Kept<Answer>> {
  const nameOf = (args: Args): string => `${PREFIX}${kind}/${args.map(encodeURIComponent).join('/')}`;
  return async (...args) => {
    const name = nameOf(args);
    let answer: Answer;
    try {
      answer = await read(...args);
    } catch (error) {
      const stored = error instanceof ServerUnreachableError ? copies.read(name) : null;
      const savedAt = savedAtOf(stored);
      if (stored === null || savedAt === null) throw error;
      try {
        const json: unknown = JSON.parse(stored);
        return { ...parse(isRecord(json) ? json['answer'] : undefined), keptAt: savedAt };
      } catch {
        throw error;
      }
    }
    copies.keep(name, JSON.stringify({ savedAt: now(), answer }));
    const kept = copies.names(PREFIX).map((copy) => ({ name: copy, savedAt: savedAtOf(copies.read(copy)) ?? 0 }));
    for (const extra of copiesBeyond(kept, MAX_KEPT_ANSWERS)) copies.drop(extra);
    // Typed as possibly kept, which a fresh answer is not: nothing is added to it.
    return Object.assign(answer, {});
  };
}

/** `read`, calling `onKept` whenever it gives back a kept answer; same key, so retries still reach it. */
export function watchKept<Args extends unknown[], Answer extends object>(
  read: NamedQuery<Args, Kept<Answer>>,
  onKept: () => void,
): NamedQuery<Args, Kept<Answer>> {
  const watched = (...args: Args): Promise<Kept<Answer>> =>
    read(...args).then((answer) => {
      if (answer.keptAt !== undefined) onKept();
      return answer;
    });
  return Object.assign(watched, { keyFor: read.keyFor });
}
