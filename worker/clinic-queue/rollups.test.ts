import { describe, expect, it } from 'vitest';
import { applyQueueEvent, openQueueDay } from '../domain/queue-projection.ts';
import type { QueueEvent } from '../domain/queue-events.ts';
import { rollupsOfDay } from './rollups.ts';

/** A Tuesday morning in Sfax (UTC+1): one patient seen, one SMS that failed. */
function morning() {
  const day = openQueueDay({ clinicId: 'cabinet-sfax', timezone: 'Africa/Tunis', smsUnitCostMinor: 40, serviceTargetMinutes: 30 }, '2026-11-24');
  const events: QueueEvent[] = [
    { id: 'e1', type: 'patient_added', entryId: 'p1', method: 'qr', occurredAt: '2026-11-24T08:00:00+01:00' },
    { id: 'e2', type: 'sms_sent', smsId: 's1', entryId: 'p1', kind: 'almost_turn', occurredAt: '2026-11-24T08:10:00+01:00' },
    { id: 'e3', type: 'sms_status', smsId: 's1', status: 'failed', occurredAt: '2026-11-24T08:11:00+01:00' },
    { id: 'e4', type: 'patient_called', entryId: 'p1', occurredAt: '2026-11-24T08:20:00+01:00' },
    { id: 'e5', type: 'consultation_started', entryId: 'p1', occurredAt: '2026-11-24T08:22:00+01:00' },
    { id: 'e6', type: 'patient_completed', entryId: 'p1', occurredAt: '2026-11-24T09:05:00+01:00' },
  ];
  for (const event of events) expect(applyQueueEvent(day, event)).toMatchObject({ ok: true });
  return day;
}

const MINUTE = 60_000;
const NOON = Date.parse('2026-11-24T12:00:00+01:00');

describe("today's rollups of a clinic queue", () => {
  it('should sum the day and split it by local hour, open while the day lasts', () => {
    const { daily, hourly } = rollupsOfDay(morning(), NOON);
    expect(daily).toEqual([
      {
        clinicId: 'cabinet-sfax', day: '2026-11-24',
        checkinsQr: 1, checkinsManual: 0, seen: 1, noShows: 0, cancelled: 0,
        waitSumMs: 20 * MINUTE, waitCount: 1, waitMaxMs: 20 * MINUTE,
        consultSumMs: 43 * MINUTE, consultCount: 1,
        smsSent: 1, smsFailed: 1, smsCostMinor: 40,
        unfinished: 0, calledWithinTarget: 1,
        quoted: 0, quoteAbsErrorSum: 0, quoteWithinRange: 0, quoteUnderQuoted: 0, quoteAbsErrors: {},
        walkOutScored: 0, walkOutBrierSum: 0, walkOutBaseRateBrierSum: 0,
        updatedAt: NOON, finalizedAt: null,
      },
    ]);
    expect(hourly.map(({ hour, hourStart, checkinsQr, waitCount, seen, smsSent }) => ({ hour, hourStart, checkinsQr, waitCount, seen, smsSent }))).toEqual([
      { hour: 8, hourStart: Date.parse('2026-11-24T07:00:00Z'), checkinsQr: 1, waitCount: 1, seen: 0, smsSent: 1 },
      { hour: 9, hourStart: Date.parse('2026-11-24T08:00:00Z'), checkinsQr: 0, waitCount: 0, seen: 1, smsSent: 0 },
    ]);
  });

  it('should finalize the day at its local midnight once that has passed', () => {
    const day = morning();
    const midnight = Date.parse('2026-11-24T23:00:00Z');
    expect(day.endsAt).toBe(midnight);
    expect(rollupsOfDay(day, midnight - 1).daily[0]?.finalizedAt).toBeNull();
    expect(rollupsOfDay(day, midnight + 5 * MINUTE).daily[0]).toMatchObject({ finalizedAt: midnight, updatedAt: midnight + 5 * MINUTE });
  });

  it('should have no rows for a day nothing happened in', () => {
    const quiet = openQueueDay({ clinicId: 'cabinet-sfax', timezone: 'Africa/Tunis', smsUnitCostMinor: 40, serviceTargetMinutes: 30 }, '2026-11-24');
    expect(rollupsOfDay(quiet, NOON)).toEqual({ daily: [], hourly: [] });
  });
});
