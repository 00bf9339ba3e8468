import { describe, expect, it } from 'vitest';
import { estimatedEndNow, longestWaitMinutesNow, minutesWaitedNow } from './clock-figures';
import { TEN_AM, TEN_AM_ENTRIES } from './ten-am.fixture';

const MINUTE = 60_000;
const ticket = (number: number) => {
  const found = TEN_AM_ENTRIES.find((entry) => entry.ticketNumber === number);
  if (found === undefined) throw new Error(`no ticket ${number}`);
  return found;
};

describe('minutesWaitedNow', () => {
  it('should keep counting for a patient still waiting, from the server’s own reading', () => {
    expect(minutesWaitedNow(ticket(12), TEN_AM.asOf, 0)).toBe(25);
    expect(minutesWaitedNow(ticket(12), TEN_AM.asOf, 10 * MINUTE)).toBe(35);
    // Checked in at 09:52:30: 7.5 minutes at 10:00, 8 half a minute later.
    expect(minutesWaitedNow(ticket(13), TEN_AM.asOf, 30_000)).toBe(8);
  });

  it('should freeze the wait of a patient once called', () => {
    expect(minutesWaitedNow(ticket(11), TEN_AM.asOf, 10 * MINUTE)).toBe(28);
  });
});

describe('longestWaitMinutesNow', () => {
  it('should be the server’s figure at the time of the message', () => {
    expect(longestWaitMinutesNow(TEN_AM, TEN_AM_ENTRIES, 0)).toBe(41.5);
  });

  it('should grow once a waiting patient outwaits every wait of the day', () => {
    // Ticket 12 has waited 25 minutes: it passes 41.5 after 16.5 more.
    expect(longestWaitMinutesNow(TEN_AM, TEN_AM_ENTRIES, 16 * MINUTE)).toBe(41.5);
    expect(longestWaitMinutesNow(TEN_AM, TEN_AM_ENTRIES, 20 * MINUTE)).toBe(45);
  });

  it('should have no value before anyone has waited', () => {
    expect(longestWaitMinutesNow({ ...TEN_AM, maxWaitMinutes: null }, [], 5 * MINUTE)).toBeNull();
  });
});

describe('estimatedEndNow', () => {
  it('should slide with the clock while the queue stands still', () => {
    expect(estimatedEndNow(TEN_AM, 0)).toBe(Date.parse('2026-11-24T09:37:00.000Z'));
    expect(estimatedEndNow(TEN_AM, 5 * MINUTE)).toBe(Date.parse('2026-11-24T09:42:00.000Z'));
  });

  it('should have none when the server gives none (doctor away, queue empty)', () => {
    expect(estimatedEndNow({ ...TEN_AM, estimatedEndAt: null }, 5 * MINUTE)).toBeNull();
  });
});
