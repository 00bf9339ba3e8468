import { describe, expect, it } from 'vitest';
import { summarizeQueues } from './queue-summary.ts';

describe('clinic queue reports', () => {
  it('should sum the backlog and the phones, and age the oldest waiting row from now', () => {
    const summary = summarizeQueues(
      [
        { outboxRows: 0, oldestEnqueuedAt: null, sockets: 3, reportedAt: 1_000 },
        { outboxRows: 40, oldestEnqueuedAt: 10_000, sockets: 1, reportedAt: 12_000 },
        { outboxRows: 2, oldestEnqueuedAt: 50_000, sockets: 0, reportedAt: 51_000 },
      ],
      70_000,
    );
    expect(summary).toEqual({ reporting: 3, backlogRows: 42, clinicsBehind: 2, lagSeconds: 60, sockets: 4 });
  });
});

describe('queue summaries at the edges', () => {
  it('should be all zeros before any queue reported', () => {
    expect(summarizeQueues([], 70_000)).toEqual({ reporting: 0, backlogRows: 0, clinicsBehind: 0, lagSeconds: 0, sockets: 0 });
  });

  it('should keep ageing a queue that stopped reporting, and never show a negative lag for a clock ahead of ours', () => {
    const silent = { outboxRows: 3, oldestEnqueuedAt: 10_000, sockets: 0, reportedAt: 10_000 };
    expect(summarizeQueues([silent], 40_000).lagSeconds).toBe(30);
    expect(summarizeQueues([silent], 640_000).lagSeconds).toBe(630);
    const ahead = { outboxRows: 1, oldestEnqueuedAt: 95_000, sockets: 0, reportedAt: 95_000 };
    expect(summarizeQueues([ahead], 90_000)).toEqual({ reporting: 1, backlogRows: 1, clinicsBehind: 1, lagSeconds: 0, sockets: 0 });
  });
});
