import { describe, expect, it } from 'vitest';
import { parseStoredSnapshot } from './last-snapshot';
import { TEN_AM, TEN_AM_ENTRIES } from './ten-am.fixture';

const STORED = { type: 'snapshot', figures: TEN_AM, entries: TEN_AM_ENTRIES, receivedAt: 1_795_000_000_000 };

describe('parseStoredSnapshot', () => {
  it('should give back the figures, the list and when they were received', () => {
    expect(parseStoredSnapshot(JSON.stringify(STORED))).toEqual({ figures: TEN_AM, entries: TEN_AM_ENTRIES, receivedAt: STORED.receivedAt });
  });

  it('should forget what it cannot trust: nothing, garbage, an older shape, no reception time', () => {
    expect(parseStoredSnapshot(null)).toBeNull();
    expect(parseStoredSnapshot('{oops')).toBeNull();
    expect(parseStoredSnapshot(JSON.stringify({ ...STORED, figures: { waiting: 2 } }))).toBeNull();
    expect(parseStoredSnapshot(JSON.stringify({ ...STORED, receivedAt: 'yesterday' }))).toBeNull();
  });

  it('should treat a copy kept before quotes as missing rather than show it half-read', () => {
    const { estimates: _estimates, serviceLevel: _serviceLevel, ...figuresBefore } = TEN_AM;
    const entriesBefore = TEN_AM_ENTRIES.map(({ position: _position, estimate: _estimate, quote: _quote, waitedMinutes: _waited, ...entry }) => entry);
    expect(parseStoredSnapshot(JSON.stringify({ ...STORED, figures: figuresBefore, entries: entriesBefore }))).toBeNull();
    expect(parseStoredSnapshot(JSON.stringify({ ...STORED, entries: entriesBefore }))).toBeNull();
  });
});
