import { createEffect, createMemo, on, onCleanup } from 'solid-js';
import { delayBeforeAsking } from './forecast-pace';

export interface PacedFollowOptions {
  /** The clinic followed; everything starts over when it changes. */
  clinicId: () => string | null;
  /** Changes whenever the live figures do (their `asOf`): the reason to read again. */
  figuresChanged: () => unknown;
  /** Reads for `id`; `stillFollowed()` says whether its answer is still wanted (the clinic may have changed meanwhile). */
  read: (id: string, stillFollowed: () => boolean) => Promise<void>;
  /** Forgets what was shown for the clinic no longer followed. */
  reset: () => void;
}

/**
 * Reads a help beside the live figures (today's end, the month's SMS) when a clinic is chosen and
 * again when the figures change, at most once a minute (forecast-pace.ts): one read stands for
 * every change before it. Lives as long as its owner.
 */
export function followPaced(options: PacedFollowOptions): void {
  let clinicId: string | null = null;
  let lastAskedAt: number | null = null;
  let timer: number | undefined;

  function askSoon(): void {
    const id = clinicId;
    if (id === null || timer !== undefined) return;
    timer = window.setTimeout(() => {
      timer = undefined;
      lastAskedAt = Date.now();
      void options.read(id, () => clinicId === id);
    }, delayBeforeAsking(lastAskedAt, Date.now()));
  }

  // A memo, so that a session reload naming the same clinic keeps what was read.
  const followed = createMemo(options.clinicId);
  createEffect(
    on(followed, (id) => {
      window.clearTimeout(timer);
      timer = undefined;
      lastAskedAt = null;
      clinicId = id;
      options.reset();
      askSoon();
    }),
  );
  createEffect(on(options.figuresChanged, askSoon, { defer: true }));
  onCleanup(() => {
    window.clearTimeout(timer);
    clinicId = null;
  });
}
