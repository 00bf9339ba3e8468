import { describe, expect, it } from 'vitest';
import { TEN_AM_ENTRIES } from '../live/ten-am.fixture';
import { groupEntries, needsConfirmation, nextSteps } from './entry-actions';

describe('nextSteps', () => {
  it('should offer what the queue accepts from each state, the likely step first', () => {
    expect(nextSteps('waiting')).toEqual(['no-show', 'cancel']);
    expect(nextSteps('called')).toEqual(['start', 'complete', 'no-show']);
    expect(nextSteps('in_consultation')).toEqual(['complete']);
  });

  it('should offer nothing once an entry is done', () => {
    for (const state of ['completed', 'no_show', 'cancelled', 'unfinished'] as const) expect(nextSteps(state)).toEqual([]);
  });
});

describe('needsConfirmation', () => {
  it('should ask twice only for what cannot be undone', () => {
    expect(needsConfirmation('no-show')).toBe(true);
    expect(needsConfirmation('cancel')).toBe(true);
    expect(needsConfirmation('start')).toBe(false);
    expect(needsConfirmation('complete')).toBe(false);
  });
});

describe('groupEntries', () => {
  it('should put who is with the doctor first, then who waits, then the day’s record, each by ticket', () => {
    const groups = groupEntries(TEN_AM_ENTRIES);
    const tickets = (entries: { ticketNumber: number }[]) => entries.map((entry) => entry.ticketNumber);
    expect(tickets(groups.current)).toEqual([10, 11]);
    expect(tickets(groups.waiting)).toEqual([12, 13]);
    expect(tickets(groups.done)).toEqual([8, 9, 14]);
  });

  it('should keep an entry closed at midnight with the day’s record, never in the line', () => {
    const [first] = TEN_AM_ENTRIES;
    if (first === undefined) throw new Error('the morning has entries');
    const groups = groupEntries([{ ...first, state: 'unfinished', waitedMinutes: null }]);
    expect(groups.done.map((entry) => entry.state)).toEqual(['unfinished']);
    expect(groups.current).toEqual([]);
    expect(groups.waiting).toEqual([]);
  });

  it('should have empty groups on a quiet morning', () => {
    expect(groupEntries([])).toEqual({ current: [], waiting: [], done: [] });
  });
});
