import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { queueEntriesOf, type QueueEntryRecord } from '../../db/queries/queue-rows.ts';
import { clinicQueueOf } from '../../worker/clinic-queue/stub.ts';
import { addClinicDays, clinicDayOf, instantOfClinicTime, localHourOf } from '../../worker/domain/clinic-time.ts';
import type { AnalyticsAnswer, ChartsAnswer, EstimatesAnswer, WeeklyAnswer } from '../../worker/domain/history-wire.ts';
import type { QueueEvent } from '../../worker/domain/queue-events.ts';
import { judgeEntries, type EstimateAccuracy, type ServiceLevel } from '../../worker/domain/quote-accuracy.ts';
import { drainOutbox, eventId } from '../support/queue-story.ts';
import { apiJson, createWorld, sessionFor, testDatabase, type World } from '../support/world.ts';

const TZ = 'Africa/Tunis';

/** Shares as the history answers them: to 0.0001. */
const round4 = (share: number | null) => (share === null ? null : Math.round(share * 10_000) / 10_000);
function answered(judged: { estimates: EstimateAccuracy; serviceLevel: ServiceLevel }) {
  const { estimates, serviceLevel } = judged;
  return {
    estimates: { ...estimates, withinRangeShare: round4(estimates.withinRangeShare), underQuotedShare: round4(estimates.underQuotedShare) },
    serviceLevel: { ...serviceLevel, share: round4(serviceLevel.share) },
  };
}

/**
 * Yesterday morning in clinic A (Tunis), told to its live queue as it happened: the queue quotes
 * each patient at check-in, the doctor calls them late in the morning, one is still with the
 * doctor and one still waiting at midnight. The history must carry the accuracy of those quotes
 * and the service level exactly as they are recomputed from the entries libSQL stored.
 */
describe("the history's quote accuracy and service level, from the entries the live queue quoted", () => {
  let world: World;
  let doctor: string;
  let yesterday: string;
  let stored: QueueEntryRecord[];

  beforeAll(async () => {
    world = await createWorld();
    doctor = await sessionFor(world.ownerA);
    yesterday = addClinicDays(clinicDayOf(Date.now(), TZ), -1);
    const at = (time: string) => {
      const [hours = 0, minutes = 0] = time.split(':').map(Number);
      return new Date(instantOfClinicTime(yesterday, hours * 60 + minutes, TZ)).toISOString();
    };
    const event = (time: string, body: Record<string, unknown>) => ({ id: eventId('history-estimates'), occurredAt: at(time), ...body }) as QueueEvent;
    const morning = [
      event('08:55', { type: 'doctor_presence_changed', present: true }),
      event('09:00', { type: 'patient_added', entryId: 'a', method: 'qr' }),
      event('09:02', { type: 'patient_added', entryId: 'b', method: 'qr' }),
      event('09:05', { type: 'patient_added', entryId: 'c', method: 'manual' }),
      event('09:20', { type: 'patient_added', entryId: 'd', method: 'qr' }),
      // a: 12 minutes; b: 29 (both within the 30-minute target).
      event('09:12', { type: 'patient_called', entryId: 'a' }),
      event('09:30', { type: 'patient_completed', entryId: 'a' }),
      event('09:31', { type: 'patient_called', entryId: 'b' }),
      event('09:45', { type: 'patient_completed', entryId: 'b' }),
      // c: 65 minutes; d: 90, still with the doctor at midnight; e never called.
      event('10:10', { type: 'patient_called', entryId: 'c' }),
      event('10:30', { type: 'patient_completed', entryId: 'c' }),
      event('10:40', { type: 'patient_added', entryId: 'e', method: 'qr' }),
      event('10:50', { type: 'patient_called', entryId: 'd' }),
    ];
    const answer = await clinicQueueOf(env, world.clinicA).ingest(world.clinicA, morning, instantOfClinicTime(yesterday, 12 * 60, TZ));
    expect(answer).toMatchObject({ accepted: morning.length, rejected: [] });
    // The object's alarm runs on the real clock: it closes yesterday at its midnight and writes it out.
    await drainOutbox(world.clinicA);
    stored = await queueEntriesOf(testDatabase(), world.clinicA);
  });

  const get = <T>(path: string) => apiJson<T>(world, `/clinics/${world.clinicA}${path}`, { token: doctor });

  it('should have quoted every patient at check-in and closed the two still open at midnight', () => {
    expect(stored).toHaveLength(5);
    expect(stored.every((entry) => entry.quoteWaitMinutes !== null && entry.quoteLowMinutes !== null && entry.quoteHighMinutes !== null)).toBe(true);
    expect(stored.filter((entry) => entry.unfinishedAt !== null).map((entry) => entry.id).sort()).toEqual(['d', 'e']);
  });

  it("should carry the window's accuracy and service level in analytics, equal to the entries' own", async () => {
    const { response, body } = await get<AnalyticsAnswer>('/analytics?timeframe=7d');
    expect(response.status).toBe(200);
    const expected = answered(judgeEntries(stored, 30));
    expect(expected.estimates.called).toBe(4);
    expect(expected.serviceLevel).toEqual({ targetMinutes: 30, called: 4, calledWithinTarget: 2, share: 0.5 });
    expect(body.current).toMatchObject({ patients: 5, seen: 3, unfinished: 2, ...expected });
    expect(body.previous).toMatchObject({ unfinished: 0, estimates: { called: 0, medianAbsoluteErrorMinutes: null }, serviceLevel: { called: 0, share: null } });
    expect(body.periodComparison).toMatchObject({ meanAbsoluteErrorMinutes: null, withinRangeShare: null, serviceLevelShare: null });
  });

  it("should carry them on yesterday's chart point and in the week's totals", async () => {
    const expected = answered(judgeEntries(stored, 30));
    const charts = (await get<ChartsAnswer>('/charts?timeframe=7d')).body;
    const point = charts.points.find((candidate) => candidate.date === yesterday);
    expect(point?.figures).toMatchObject({ unfinished: 2, ...expected });
    expect(charts.points.filter((candidate) => candidate.date !== yesterday).every((other) => other.figures.estimates.called === 0)).toBe(true);
    const weekly = (await get<WeeklyAnswer>('/stats/weekly')).body;
    expect(weekly.totals).toMatchObject(expected);
  });

  it('should give them per local hour of the call, each equal to the entries called in that hour', async () => {
    const { response, body } = await get<EstimatesAnswer>('/stats/estimates?timeframe=30d');
    expect(response.status).toBe(200);
    const overall = answered(judgeEntries(stored, 30));
    expect(body.overall).toEqual(overall.estimates);
    expect(body.serviceLevel).toEqual(overall.serviceLevel);
    for (const hour of [9, 10]) {
      const calledThen = stored.filter((entry) => entry.calledAt !== null && localHourOf(entry.calledAt, TZ) === hour);
      expect(calledThen).toHaveLength(2);
      const expected = answered(judgeEntries(calledThen, 30));
      expect(body.hours[hour]).toEqual({ hour, ...expected });
    }
    // 09: a and b both within the target; 10: c and d both late.
    expect(body.hours[9]?.serviceLevel.share).toBe(1);
    expect(body.hours[10]?.serviceLevel.share).toBe(0);
    expect(body.hours.reduce((sum, hour) => sum + hour.estimates.called, 0)).toBe(4);
  });
});
