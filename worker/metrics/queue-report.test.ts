import { describe, expect, it } from 'vitest';
import { reportDue } from './queue-report.ts';

describe('clinic queue reports', () => {
  it('should report on a change that matters and every 10 s while behind, not on every flush', () => {
    const empty = { outboxRows: 0, oldestEnqueuedAt: null, sockets: 2, reportedAt: 0 };
    const behind = { outboxRows: 7, oldestEnqueuedAt: 0, sockets: 2, reportedAt: 1_000 };
    expect(reportDue(undefined, empty)).toBe(true);
    expect(reportDue(empty, { ...empty, reportedAt: 60_000 })).toBe(false);
    expect(reportDue(empty, { ...empty, sockets: 3, reportedAt: 100 })).toBe(true);
    expect(reportDue(empty, behind)).toBe(true);
    expect(reportDue(behind, { ...behind, outboxRows: 9, reportedAt: 5_000 })).toBe(false);
    expect(reportDue(behind, { ...behind, reportedAt: 11_000 })).toBe(true);
    expect(reportDue(behind, { ...empty, reportedAt: 1_100 })).toBe(true);
  });
});
