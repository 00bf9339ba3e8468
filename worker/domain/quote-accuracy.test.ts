import { describe, expect, it } from 'vitest';
import { accuracyFigures, addAccuracyCounters, countQuote, emptyAccuracyCounters, judgeEntries, waitedMinutesOf, type QuotedEntry } from './quote-accuracy.ts';

const MINUTE = 60_000;
const CHECK_IN = Date.parse('2026-11-24T09:00:00+01:00');

/** Checked in at 09:00, called after `waitedMs` (null: not called), quoted `wait (low–high)` at check-in. */
function called(waitedMs: number | null, quote: [number, number, number] | null): QuotedEntry {
  return {
    checkedInAt: CHECK_IN,
    calledAt: waitedMs === null ? null : CHECK_IN + waitedMs,
    quoteWaitMinutes: quote?.[0] ?? null,
    quoteLowMinutes: quote?.[1] ?? null,
    quoteHighMinutes: quote?.[2] ?? null,
  };
}

describe('the accuracy of quotes', () => {
  it('should count waited minutes as whole minutes, like the reception list', () => {
    expect(waitedMinutesOf(called(29 * MINUTE + 59_999, null))).toBe(29);
    expect(waitedMinutesOf(called(30 * MINUTE, null))).toBe(30);
    expect(waitedMinutesOf(called(null, null))).toBeNull();
  });

  it('should judge error, range and under-quoting on the quote, and ignore entries never called or never quoted', () => {
    const entries = [
      called(20 * MINUTE, [25, 15, 35]), // 5 under the point, in range
      called(50 * MINUTE, [30, 20, 40]), // 20 over, above the range: under-quoted
      called(10 * MINUTE, [12, 10, 20]), // 2, on the range's low edge: within
      called(9 * MINUTE, [12, 10, 20]), // 3, below the range: neither within nor under-quoted
      called(null, [10, 5, 15]), // still waiting: not judged
      called(12 * MINUTE, null), // from before quotes: not judged
    ];
    const { estimates } = judgeEntries(entries, 30);
    expect(estimates).toEqual({
      called: 4,
      meanAbsoluteErrorMinutes: 7.5,
      // |errors| sorted 2, 3, 5, 20: the mean of the two middle ones.
      medianAbsoluteErrorMinutes: 4,
      withinRangeShare: 0.5,
      underQuotedShare: 0.25,
    });
  });

  it('should give the same figures merged from parts as from the whole, medians included', () => {
    const morning = [called(20 * MINUTE, [25, 15, 35]), called(50 * MINUTE, [30, 20, 40])];
    const afternoon = [called(10 * MINUTE, [12, 10, 20]), called(9 * MINUTE, [12, 10, 20]), called(40 * MINUTE, [40, 30, 50])];
    const count = (entries: QuotedEntry[]) => {
      const counters = emptyAccuracyCounters();
      for (const entry of entries) countQuote(counters, entry);
      return counters;
    };
    const merged = addAccuracyCounters(count(morning), count(afternoon));
    expect(merged.quoteAbsErrors).toEqual({ 0: 1, 2: 1, 3: 1, 5: 1, 20: 1 });
    expect(accuracyFigures(merged)).toEqual(judgeEntries([...morning, ...afternoon], 30).estimates);
    expect(accuracyFigures(merged).medianAbsoluteErrorMinutes).toBe(3);
  });

  it('should show nothing rather than zeros before anyone is called', () => {
    expect(judgeEntries([called(null, [10, 5, 15])], 30)).toEqual({
      estimates: { called: 0, meanAbsoluteErrorMinutes: null, medianAbsoluteErrorMinutes: null, withinRangeShare: null, underQuotedShare: null },
      serviceLevel: { targetMinutes: 30, called: 0, calledWithinTarget: 0, share: null },
    });
  });
});

describe('the service level', () => {
  it('should count a call exactly at the target as within, a millisecond later as not', () => {
    const entries = [called(30 * MINUTE, null), called(30 * MINUTE + 1, null), called(5 * MINUTE, [5, 0, 10]), called(null, null)];
    expect(judgeEntries(entries, 30).serviceLevel).toEqual({ targetMinutes: 30, called: 3, calledWithinTarget: 2, share: 2 / 3 });
    expect(judgeEntries(entries, 45).serviceLevel).toEqual({ targetMinutes: 45, called: 3, calledWithinTarget: 3, share: 1 });
  });
});
