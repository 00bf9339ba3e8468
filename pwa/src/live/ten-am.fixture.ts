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
  // 8 of the day's called patients had a quote: 6 called within its range, 1 later than its top.
  estimates: { called: 8, meanAbsoluteErrorMinutes: 5.1, medianAbsoluteErrorMinutes: 4, withinRangeShare: 6 / 8, underQuotedShare: 1 / 8 },
  serviceLevel: { targetMinutes: 30, called: 9, calledWithinTarget: 7, share: 7 / 9 },
  // Nothing out of the ordinary for a Tuesday at 10.
  unusual: [],
  asOf: '2026-11-24T09:00:00.000Z',
  timezone: 'Africa/Tunis',
  day: '2026-11-24',
};

type Range = [waitMinutes: number, lowMinutes: number, highMinutes: number];

/** An entry quoted `quote` at check-in; called ones waited `minutesWaited`, waiting ones carry `live` and their walk-out risk. */
const entry = (
  ticketNumber: number,
  state: TodayEntry['state'],
  checkedInAt: string,
  minutesWaited: number,
  quote: Range,
  live: { position: number; estimate: Range; callAt: string; walkOutRisk: TodayEntry['walkOutRisk'] } | null = null,
): TodayEntry => ({
  entryId: `walkin-${ticketNumber}`,
  ticketNumber,
  state,
  method: ticketNumber % 2 === 0 ? 'qr' : 'manual',
  checkedInAt,
  minutesWaited,
  position: live?.position ?? null,
  estimate: live === null ? null : { waitMinutes: live.estimate[0], lowMinutes: live.estimate[1], highMinutes: live.estimate[2], callAt: live.callAt },
  quote: { waitMinutes: quote[0], lowMinutes: quote[1], highMinutes: quote[2], quotedAt: checkedInAt },
  waitedMinutes: ['called', 'in_consultation', 'completed'].includes(state) ? minutesWaited : null,
  walkOutRisk: live?.walkOutRisk ?? null,
});

export const TEN_AM_ENTRIES: TodayEntry[] = [
  entry(8, 'completed', '2026-11-24T08:01:00.000Z', 22, [20, 12, 30]),
  // Left before being called: never judged.
  entry(9, 'no_show', '2026-11-24T08:10:00.000Z', 30, [22, 14, 32]),
  entry(10, 'in_consultation', '2026-11-24T08:20:00.000Z', 25, [18, 10, 28]),
  // Called later than the top of its range.
  entry(11, 'called', '2026-11-24T08:30:00.000Z', 28, [15, 8, 24]),
  // Waiting since 09:35 and 09:52 in Tunis: 25 and 8 minutes at 10:00, next and second in line;
  // the one just arrived, second in line, is the likelier to give up.
  entry(13, 'waiting', '2026-11-24T08:52:30.000Z', 7, [30, 20, 42], {
    position: 2,
    estimate: [25, 15, 35],
    callAt: '2026-11-24T10:25:00.000+01:00',
    walkOutRisk: { probability: 0.18, level: 'medium' },
  }),
  entry(12, 'waiting', '2026-11-24T08:35:00.000Z', 25, [24, 15, 34], {
    position: 1,
    estimate: [8, 3, 15],
    callAt: '2026-11-24T10:08:00.000+01:00',
    walkOutRisk: { probability: 0.06, level: 'low' },
  }),
  entry(14, 'cancelled', '2026-11-24T08:40:00.000Z', 3, [26, 17, 37]),
];

export const TEN_AM_UPDATE: LiveMessage = { type: 'update', figures: TEN_AM, entries: TEN_AM_ENTRIES };
