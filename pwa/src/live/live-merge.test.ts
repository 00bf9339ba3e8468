import { describe, expect, it } from 'vitest';
import { mergeLiveEntries, type LiveMessage, type TodayEntry } from '../api/wire';
import { TEN_AM, TEN_AM_ENTRIES } from './ten-am.fixture';

const entry = (ticketNumber: number, state: TodayEntry['state']): TodayEntry => ({
  entryId: `e${ticketNumber}`, ticketNumber, state, method: 'qr', checkedInAt: '2026-12-07T08:00:00.000Z', minutesWaited: 5,
  position: state === 'waiting' ? 1 : null, estimate: null, quote: null, waitedMinutes: null, walkOutRisk: null,
});
const message = (type: LiveMessage['type'], entries: TodayEntry[]): LiveMessage => ({ type, figures: TEN_AM, entries });

describe("a phone's list after a live message", () => {
  it('should take a snapshot as the whole list, whatever it knew before', () => {
    expect(mergeLiveEntries([entry(1, 'completed'), entry(2, 'waiting')], message('snapshot', [entry(3, 'waiting')]))).toEqual([entry(3, 'waiting')]);
  });

  it('should replace the entries an update names, add the new ones in ticket order, and keep the finished ones it leaves out', () => {
    const known = [entry(1, 'completed'), entry(2, 'called'), entry(4, 'waiting')];
    const merged = mergeLiveEntries(known, message('update', [entry(2, 'in_consultation'), entry(3, 'waiting'), entry(4, 'waiting')]));
    expect(merged.map((item) => [item.ticketNumber, item.state])).toEqual([[1, 'completed'], [2, 'in_consultation'], [3, 'waiting'], [4, 'waiting']]);
  });

  it('should leave the known list as it was', () => {
    const known = TEN_AM_ENTRIES.slice(0, 2);
    const copy = structuredClone(known);
    mergeLiveEntries(known, message('update', [entry(99, 'waiting')]));
    expect(known).toEqual(copy);
  });
});
