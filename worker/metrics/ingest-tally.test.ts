import { describe, expect, it } from 'vitest';
import { applyQueueEvent, openQueueDay, type QueueDay } from '../domain/queue-projection.ts';
import type { QueueEvent } from '../domain/queue-events.ts';
import { emptyBatch } from './batch.ts';
import { IngestTally } from './ingest-tally.ts';
import { batchRecorder } from './recorder.ts';

const day = (): QueueDay => openQueueDay({ clinicId: 'cabinet-sfax', timezone: 'Africa/Tunis', smsUnitCostMinor: 40, serviceTargetMinutes: 30 }, '2026-11-25');
const at = (time: string) => `2026-11-25T${time}:00+01:00`;

/** Applies what the projection takes, as the ClinicQueue does, and tells the tally. */
function applyAll(queue: QueueDay, tally: IngestTally, events: readonly QueueEvent[]): void {
  for (const event of events) {
    const before = 'entryId' in event && event.entryId !== undefined ? queue.entries.get(event.entryId)?.state : undefined;
    const result = applyQueueEvent(queue, event);
    if (result.ok) tally.accepted(event, before, result.changes);
  }
}

const countersOf = (tally: IngestTally, events: readonly QueueEvent[], rejected: ReadonlyArray<{ id: string }>) => {
  const batch = emptyBatch();
  tally.record(batchRecorder(batch), events, rejected);
  return Object.fromEntries(Object.entries(batch.counters).map(([key, series]) => [key, series.value]));
};

describe('the ingestion tally', () => {
  it('should count a morning: events by result, each state an entry reached, and an SMS by its kind when its status arrives', () => {
    const queue = day();
    const tally = new IngestTally();
    const morning: QueueEvent[] = [
      { id: 'e1', type: 'patient_added', entryId: 'p1', method: 'qr', occurredAt: at('08:00') },
      { id: 'e2', type: 'patient_added', entryId: 'p2', method: 'manual', occurredAt: at('08:05') },
      { id: 'e3', type: 'sms_sent', smsId: 's1', entryId: 'p1', kind: 'almost_turn', occurredAt: at('08:10') },
      { id: 'e4', type: 'patient_called', entryId: 'p1', occurredAt: at('08:15') },
      { id: 'e5', type: 'sms_status', smsId: 's1', status: 'delivered', occurredAt: at('08:16') },
      { id: 'e6', type: 'doctor_presence_changed', present: true, occurredAt: at('08:20') },
    ];
    applyAll(queue, tally, morning);
    expect(countersOf(tally, morning, [])).toEqual({
      'pulse_events_ingested_total{result="accepted",type="patient_added"}': 2,
      'pulse_events_ingested_total{result="accepted",type="sms_sent"}': 1,
      'pulse_events_ingested_total{result="accepted",type="patient_called"}': 1,
      'pulse_events_ingested_total{result="accepted",type="sms_status"}': 1,
      'pulse_events_ingested_total{result="accepted",type="doctor_presence_changed"}': 1,
      'pulse_queue_entries_total{status="waiting"}': 2,
      'pulse_queue_entries_total{status="called"}': 1,
      'pulse_sms_sent_total{kind="almost_turn",status="sent"}': 1,
      'pulse_sms_sent_total{kind="almost_turn",status="delivered"}': 1,
    });
  });

  it('should tell a rejection from a duplicate by id, as many times as the outcome rejected it, and count no entry for either', () => {
    const queue = day();
    const tally = new IngestTally();
    const added: QueueEvent = { id: 'e1', type: 'patient_added', entryId: 'p1', method: 'qr', occurredAt: at('08:00') };
    // Completed straight from waiting: the projection refuses it. The same id comes twice in the batch.
    const early: QueueEvent = { id: 'e2', type: 'patient_completed', entryId: 'p1', occurredAt: at('08:01') };
    applyAll(queue, tally, [added]);
    const batch = [added, early, early, { ...added }];
    expect(countersOf(tally, batch, [{ id: 'e2' }])).toEqual({
      'pulse_events_ingested_total{result="accepted",type="patient_added"}': 1,
      'pulse_events_ingested_total{result="rejected",type="patient_completed"}': 1,
      'pulse_events_ingested_total{result="duplicate",type="patient_completed"}': 1,
      // The copy of the accepted event is another object: a resend, so a duplicate.
      'pulse_events_ingested_total{result="duplicate",type="patient_added"}': 1,
      'pulse_queue_entries_total{status="waiting"}': 1,
    });
  });

  it("should count the entries a day's end closed as unfinished, once each", () => {
    const tally = new IngestTally();
    tally.closedUnfinished(2);
    tally.closedUnfinished(0);
    expect(countersOf(tally, [], [])).toEqual({ 'pulse_queue_entries_total{status="unfinished"}': 2 });
  });
});

