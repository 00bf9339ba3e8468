import { describe, expect, it } from 'vitest';
import { isStale, statusAfterLoss, statusAfterProbe } from './connection-status';

describe('statusAfterLoss', () => {
  it('should say reconnecting when a live line drops with the network up', () => {
    expect(statusAfterLoss('live', true)).toBe('reconnecting');
    expect(statusAfterLoss('connecting', true)).toBe('reconnecting');
  });

  it('should say offline when the phone has no network', () => {
    expect(statusAfterLoss('live', false)).toBe('offline');
  });

  it('should stay offline through failed attempts until the server is known to answer', () => {
    expect(statusAfterLoss('offline', true)).toBe('offline');
  });
});

describe('statusAfterProbe', () => {
  it('should call a stopped server offline', () => {
    expect(statusAfterProbe('reconnecting', 'unreachable')).toBe('offline');
  });

  it('should come back to reconnecting once the server answers again', () => {
    expect(statusAfterProbe('offline', 'reachable')).toBe('reconnecting');
    expect(statusAfterProbe('reconnecting', 'reachable')).toBe('reconnecting');
  });

  it('should keep a socket that came back meanwhile live', () => {
    expect(statusAfterProbe('live', 'unreachable')).toBe('live');
  });
});

describe('isStale', () => {
  it('should mark every figure that is not live as stale', () => {
    expect(isStale('live')).toBe(false);
    for (const status of ['connecting', 'reconnecting', 'offline'] as const) expect(isStale(status)).toBe(true);
  });
});
