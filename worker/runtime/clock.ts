/** Time, injected so that every figure "for today" can be computed at a pinned instant in tests. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
