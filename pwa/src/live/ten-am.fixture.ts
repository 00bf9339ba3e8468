/**
 * A morning at the demo clinic in Tunis, as the live socket tells it: shared by the tests of the
 * live modules. 10:00 in Tunis is 09:00 UTC in November.
 */
import type { LiveMessage, TodayEntry, TodayFigures } from '../api/wire';

export const TEN_AM: TodayFigures = {
  waiting: 2,
  seenToday: 5,
  avgWaitMinutes: 18.4,
  maxWaitMinutes: 41.5,
  noShowsToday: 1,
  checkIns: { qr: 5, manual: 4, qrShare: 5 / 9 },
  avgConsultationMinutes: 12.3,
  estimatedEndAt: '2026-11-24T10:37:00.000+01:00',
  doctorPresent: true,
  asOf: '2026-11-24T09:00:00.000Z',
  timezone: 'Africa/Tunis',
  day: '2026-11-24',
};

const entry = (ticketNumber: number, state: TodayEntry['state'], checkedInAt: string, minutesWaited: number): TodayEntry => ({
  entryId: `walkin-${ticketNumber}`,
  ticketNumber,
  state,
  method: ticketNumber % 2 === 0 ? 'qr' : 'manual',
  checkedInAt,
  minutesWaited,
});

export const TEN_AM_ENTRIES: TodayEntry[] = [
  entry(8, 'completed', '2026-11-24T08:01:00.000Z', 22),
  entry(9, 'no_show', '2026-11-24T08:10:00.000Z', 30),
  entry(10, 'in_consultation', '2026-11-24T08:20:00.000Z', 25),
  entry(11, 'called', '2026-11-24T08:30:00.000Z', 28),
  // Waiting since 09:35 and 09:52 in Tunis: 25 and 8 minutes at 10:00.
  entry(13, 'waiting', '2026-11-24T08:52:30.000Z', 7),
  entry(12, 'waiting', '2026-11-24T08:35:00.000Z', 25),
  entry(14, 'cancelled', '2026-11-24T08:40:00.000Z', 3),
];

export const TEN_AM_UPDATE: LiveMessage = { type: 'update', figures: TEN_AM, entries: TEN_AM_ENTRIES };
