import { describe, expect, it } from 'vitest';
import type { TodayEntry } from './live-messages.ts';
import { isFinalState, ticketViewOf } from './ticket-view.ts';

const NOW = Date.parse('2027-02-02T09:25:00+01:00');
const END = Date.parse('2027-02-03T00:00:00+01:00');

const waiting: TodayEntry = {
  entryId: 'entry-c',
  ticketNumber: 3,
  state: 'waiting',
  method: 'qr',
  checkedInAt: '2027-02-02T08:02:00.000Z',
  minutesWaited: 23,
  position: 1,
  estimate: { waitMinutes: 15, lowMinutes: 7, highMinutes: 33, callAt: '2027-02-02T09:40:00.000+01:00' },
  quote: { waitMinutes: 30, lowMinutes: 12, highMinutes: 52, quotedAt: '2027-02-02T09:02:00.000+01:00' },
  waitedMinutes: null,
  walkOutRisk: { probability: 0.12, level: 'medium' },
};

describe("a patient's ticket", () => {
  it('should show the clinic, the ticket, the position and the range of the wait, and nothing else', () => {
    expect(ticketViewOf(waiting, 'Cabinet Dr Ben Salah', END, NOW)).toEqual({
      clinicName: 'Cabinet Dr Ben Salah',
      ticketNumber: 3,
      state: 'waiting',
      position: 1,
      estimate: { waitMinutes: 15, lowMinutes: 7, highMinutes: 33 },
      expiresAt: '2027-02-02T23:00:00.000Z',
      asOf: '2027-02-02T08:25:00.000Z',
    });
  });

  it('should drop the position and the estimate once the patient is called', () => {
    const called = { ...waiting, state: 'called', position: null, estimate: null, waitedMinutes: 23 } as const;
    expect(ticketViewOf(called, 'Cabinet', END, NOW)).toMatchObject({ state: 'called', position: null, estimate: null });
  });

  it('should call a ticket final once nothing more can happen to it today', () => {
    expect(['waiting', 'called', 'in_consultation'].map((state) => isFinalState(state as TodayEntry['state']))).toEqual([false, false, false]);
    expect(['completed', 'no_show', 'cancelled', 'unfinished'].map((state) => isFinalState(state as TodayEntry['state']))).toEqual([true, true, true, true]);
  });
});
