import { describe, expect, it } from 'vitest';
import { emptyRollupCounters, rollupClinic, type RollupEntry, type RollupSms } from './rollup.ts';

const MINUTE = 60_000;
const tunis = (day: string, time: string) => Date.parse(`${day}T${time}:00+01:00`);

/** A quote made at check-in, whole minutes. */
const quote = (waitMinutes: number, lowMinutes: number, highMinutes: number) => ({ quoteWaitMinutes: waitMinutes, quoteLowMinutes: lowMinutes, quoteHighMinutes: highMinutes });

function entry(fields: Partial<RollupEntry> & Pick<RollupEntry, 'checkedInAt'>): RollupEntry {
  return { method: 'qr', calledAt: null, consultationStartedAt: null, completedAt: null, noShowAt: null, cancelledAt: null, unfinishedAt: null, quoteWaitMinutes: null, quoteLowMinutes: null, quoteHighMinutes: null, walkOutBrier: null, walkOutBaseRateBrier: null, ...fields };
}

describe('rollups of a hand-built day in Africa/Tunis', () => {
  const day = '2026-11-24';
  const entries: RollupEntry[] = [
    // Checked in 09:05, called 09:35 (30 min wait: exactly the target, within), consultation 09:36–09:48 (12 min).
    // Quoted 25 (20–35): 5 min off, inside the range.
    entry({ checkedInAt: tunis(day, '09:05'), calledAt: tunis(day, '09:35'), consultationStartedAt: tunis(day, '09:36'), completedAt: tunis(day, '09:48'), ...quote(25, 20, 35) }),
    // Manual, checked in 09:20, called 10:05 (45 min), completed 10:15 without a start (10 min from the call).
    // Quoted 30 (20–40): 15 min off, above the range (under-quoted).
    entry({ method: 'manual', checkedInAt: tunis(day, '09:20'), calledAt: tunis(day, '10:05'), completedAt: tunis(day, '10:15'), ...quote(30, 20, 40) }),
    // Called 10:20 after 50 min, never came: a no-show at 10:24. Quoted exactly.
    entry({ checkedInAt: tunis(day, '09:30'), calledAt: tunis(day, '10:20'), noShowAt: tunis(day, '10:24'), ...quote(50, 40, 60) }),
    // Gave up at 11:10 without being called: its walk-out risk scored then (0.25 against the base rate's 0.81).
    entry({ method: 'manual', checkedInAt: tunis(day, '10:40'), cancelledAt: tunis(day, '11:10'), walkOutBrier: 0.25, walkOutBaseRateBrier: 0.81 }),
    // Still waiting at midnight: closed unfinished, counted on the day (and hour) it checked in.
    entry({ checkedInAt: tunis(day, '10:50'), unfinishedAt: tunis('2026-11-25', '00:00') }),
    // Late evening: checked in on the 24th, called on the 24th (its risk scored then), completed after midnight — on the 25th.
    entry({ walkOutBrier: 0.04, walkOutBaseRateBrier: 0.01, checkedInAt: tunis(day, '23:30'), calledAt: tunis(day, '23:50'), consultationStartedAt: tunis(day, '23:51'), completedAt: tunis('2026-11-25', '00:05') }),
  ];
  const sms: RollupSms[] = [
    { status: 'delivered', costMinor: 40, sentAt: tunis(day, '09:05') },
    { status: 'failed', costMinor: 40, sentAt: tunis(day, '09:59') },
    { status: 'sent', costMinor: 40, sentAt: tunis(day, '10:01') },
  ];
  const now = tunis('2026-11-25', '09:00');
  const { daily, hourly } = rollupClinic({ clinicId: 'clinic-marsa', timezone: 'Africa/Tunis', entries, sms, now });

  it('should count each fact on the day it happened', () => {
    expect(daily).toEqual([
      {
        clinicId: 'clinic-marsa',
        day: '2026-11-24',
        checkinsQr: 4,
        checkinsManual: 2,
        seen: 2,
        noShows: 1,
        cancelled: 1,
        waitSumMs: (30 + 45 + 50 + 20) * MINUTE,
        waitCount: 4,
        waitMaxMs: 50 * MINUTE,
        consultSumMs: (12 + 10) * MINUTE,
        consultCount: 2,
        smsSent: 3,
        smsFailed: 1,
        smsCostMinor: 120,
        unfinished: 1,
        // 09:35 (30 min, the boundary) and 23:50 (20 min).
        calledWithinTarget: 2,
        quoted: 3,
        quoteAbsErrorSum: 5 + 15 + 0,
        quoteWithinRange: 2,
        quoteUnderQuoted: 1,
        quoteAbsErrors: { 0: 1, 5: 1, 15: 1 },
        walkOutScored: 2,
        walkOutBrierSum: 0.25 + 0.04,
        walkOutBaseRateBrierSum: 0.81 + 0.01,
        updatedAt: now,
        finalizedAt: tunis('2026-11-25', '00:00'),
      },
      {
        ...emptyRollupCounters(),
        clinicId: 'clinic-marsa',
        day: '2026-11-25',
        seen: 1,
        consultSumMs: 14 * MINUTE,
        consultCount: 1,
        updatedAt: now,
        finalizedAt: null,
      },
    ]);
  });

  it('should split the day into local hours keyed by their UTC start', () => {
    expect(hourly.map((row) => [row.day, row.hour, row.hourStart])).toEqual([
      ['2026-11-24', 9, Date.parse('2026-11-24T08:00:00Z')],
      ['2026-11-24', 10, Date.parse('2026-11-24T09:00:00Z')],
      ['2026-11-24', 11, Date.parse('2026-11-24T10:00:00Z')],
      ['2026-11-24', 23, Date.parse('2026-11-24T22:00:00Z')],
      ['2026-11-25', 0, Date.parse('2026-11-24T23:00:00Z')],
    ]);
    const nine = hourly[0];
    expect(nine).toMatchObject({ checkinsQr: 2, checkinsManual: 1, seen: 1, waitCount: 1, waitSumMs: 30 * MINUTE, smsSent: 2, smsFailed: 1, smsCostMinor: 80 });
    const ten = hourly[1];
    expect(ten).toMatchObject({ checkinsQr: 1, checkinsManual: 1, seen: 1, noShows: 1, waitCount: 2, waitSumMs: 95 * MINUTE, waitMaxMs: 50 * MINUTE, smsSent: 1 });
    // The quotes are judged in the hour of the call; the unfinished entry in the hour it checked in.
    expect(nine).toMatchObject({ quoted: 1, quoteAbsErrors: { 5: 1 }, calledWithinTarget: 1, unfinished: 0 });
    expect(ten).toMatchObject({ quoted: 2, quoteAbsErrorSum: 15, quoteUnderQuoted: 1, quoteAbsErrors: { 0: 1, 15: 1 }, calledWithinTarget: 0, unfinished: 1 });
    expect(hourly[2]).toMatchObject({ cancelled: 1, checkinsQr: 0 });
  });

  it('should keep only the requested days when rebuilding a range', () => {
    const range = rollupClinic({ clinicId: 'clinic-marsa', timezone: 'Africa/Tunis', entries, sms, now, days: { from: '2026-11-25', to: '2026-11-25' } });
    expect(range.daily.map((row) => row.day)).toEqual(['2026-11-25']);
    expect(range.hourly.map((row) => row.hour)).toEqual([0]);
  });
});

describe('rollups on the Europe/Paris autumn day (25 hours)', () => {
  it('should keep the two 02:00 hours apart and sum them into one day', () => {
    const first = Date.parse('2026-10-25T00:15:00Z'); // 02:15 CEST
    const second = Date.parse('2026-10-25T01:15:00Z'); // 02:15 CET, an hour later
    const { daily, hourly } = rollupClinic({
      clinicId: 'clinic-paris',
      timezone: 'Europe/Paris',
      entries: [entry({ checkedInAt: first }), entry({ method: 'manual', checkedInAt: second })],
      sms: [],
      now: Date.parse('2026-10-26T12:00:00Z'),
    });
    expect(hourly.map((row) => [row.hour, row.hourStart, row.checkinsQr, row.checkinsManual])).toEqual([
      [2, Date.parse('2026-10-25T00:00:00Z'), 1, 0],
      [2, Date.parse('2026-10-25T01:00:00Z'), 0, 1],
    ]);
    expect(daily).toHaveLength(1);
    expect(daily[0]).toMatchObject({ day: '2026-10-25', checkinsQr: 1, checkinsManual: 1, finalizedAt: Date.parse('2026-10-25T23:00:00Z') });
  });
});
