import { describe, expect, it } from 'vitest';
import { FLUSH_GATHER_MS, nextFlushDelayMs } from './outbox.ts';

describe('when the outbox flushes next', () => {
  it('should gather 100 ms of events while libSQL answers', () => {
    expect(FLUSH_GATHER_MS).toBe(100);
    expect(nextFlushDelayMs(0)).toBe(100);
  });

  it('should back off from half a second, doubling with each failure, and never wait more than 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map(nextFlushDelayMs)).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });
});
