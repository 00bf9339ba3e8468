/**
 * How a screen reads one of the API's answers: through a named query (`query()` of
 * @solidjs/router, in history/, admin/ and settings/), so that screens reading the same answer
 * share it, route preloads fill it before the screen's code arrives, and a retry asks the API
 * again for that one answer.
 */
import { createAsync, revalidate, type AccessorWithLatest } from '@solidjs/router';
import type { ApiErrorCode } from '../api/contract';
import { ApiError } from '../api/errors';

/** A named query, as `query()` makes it: called with its arguments, keyed by them. */
export type NamedQuery<Args extends unknown[], Answer> = ((...args: Args) => Promise<Answer>) & { keyFor: (...args: Args) => string };

export interface ScreenRead<Answer> {
  /** Suspends while the first answer loads; throws the failure to the nearest error boundary. */
  answer: AccessorWithLatest<Answer | undefined>;
  /** Asks the API again for the answer on screen, after a failure. */
  retry: () => void;
}

/**
 * Refusals that mean "you may no longer see this": UNAUTHORIZED when the session ended,
 * FORBIDDEN or NOT_FOUND on a clinic the membership left.
 */
export const ACCESS_LOST: ReadonlySet<ApiErrorCode> = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * One answer for the arguments of the moment, read again when they change. A refusal in
 * `accessLost` also goes to `onAccessLost`, for the session to be asked again (the layout then
 * follows it). `asked` names its tuple at the call (`(): [string] => [clinicId]`): a bare array
 * literal would be read as `string[]`, which no query of one argument takes.
 */
export function createScreenRead<Args extends unknown[], Answer>(
  read: NamedQuery<Args, Answer>,
  asked: () => NoInfer<Args>,
  onAccessLost: () => void,
  accessLost: ReadonlySet<ApiErrorCode> = ACCESS_LOST,
): ScreenRead<Answer> {
  const answer = createAsync(() =>
    read(...asked()).catch((error: unknown) => {
      if (error instanceof ApiError && accessLost.has(error.code)) onAccessLost();
      throw error;
    }),
  );
  return { answer, retry: () => void revalidate(read.keyFor(...asked())) };
}

/**
 * Starts a route's reads without waiting for them (route preloads): the screen then reads the
 * same answers, and words their failures; none is left unhandled meanwhile.
 */
export function startReads(reads: readonly Promise<unknown>[]): void {
  for (const read of reads) read.catch(() => undefined);
}
