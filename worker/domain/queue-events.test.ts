import { describe, expect, it } from 'vitest';
import { queueEventSchema, storedEventOf, type QueueEvent } from './queue-events.ts';

const at = '2026-11-24T09:15:00.000+01:00';

describe('queue app events', () => {
  it('should accept one event of every type', () => {
    const events = [
      { id: 'e1', occurredAt: at, type: 'patient_added', entryId: 'p1', method: 'qr' },
      { id: 'e2', occurredAt: at, type: 'patient_added', entryId: 'p2', method: 'manual', appointmentAt: '2026-11-24T09:30:00Z' },
      { id: 'e3', occurredAt: at, type: 'patient_called', entryId: 'p1' },
      { id: 'e4', occurredAt: at, type: 'consultation_started', entryId: 'p1' },
      { id: 'e5', occurredAt: at, type: 'patient_completed', entryId: 'p1' },
      { id: 'e6', occurredAt: at, type: 'patient_no_show', entryId: 'p2' },
      { id: 'e7', occurredAt: at, type: 'patient_cancelled', entryId: 'p3' },
      { id: 'e8', occurredAt: at, type: 'doctor_presence_changed', present: true },
      { id: 'e9', occurredAt: at, type: 'clinic_login', platform: 'mobile' },
      { id: 'e10', occurredAt: at, type: 'sms_sent', smsId: 's1', entryId: 'p1', kind: 'almost_turn' },
      { id: 'e11', occurredAt: at, type: 'sms_sent', smsId: 's2', kind: 'queue_joined' },
      { id: 'e12', occurredAt: at, type: 'sms_status', smsId: 's1', status: 'failed' },
    ] satisfies QueueEvent[];
    for (const event of events) expect(queueEventSchema.parse(event)).toEqual(event);
  });

  it('should refuse a patient name or phone number, or any field it does not know', () => {
    for (const extra of [{ patientName: 'Amira' }, { phone: '+216 20 000 000' }, { note: 'x' }]) {
      const result = queueEventSchema.safeParse({ id: 'e1', occurredAt: at, type: 'patient_added', entryId: 'p1', method: 'qr', ...extra });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
    }
  });

  it('should require an id of 1 to 64 characters', () => {
    const called = (id: string) => queueEventSchema.safeParse({ id, occurredAt: at, type: 'patient_called', entryId: 'p1' }).success;
    expect(called('')).toBe(false);
    expect(called('x'.repeat(64))).toBe(true);
    expect(called('x'.repeat(65))).toBe(false);
  });

  it('should require occurredAt in ISO 8601 with an offset', () => {
    const called = (occurredAt: string) => queueEventSchema.safeParse({ id: 'e', occurredAt, type: 'patient_called', entryId: 'p1' }).success;
    expect(called('2026-11-24T09:15:00+01:00')).toBe(true);
    expect(called('2026-11-24T08:15:00.123Z')).toBe(true);
    expect(called('2026-11-24T09:15:00')).toBe(false);
    expect(called('2026-11-24')).toBe(false);
    expect(called('2026-02-30T09:15:00Z')).toBe(false);
    expect(called('1795504500000')).toBe(false);
  });

  it('should refuse unknown types and values outside the vocabulary', () => {
    expect(queueEventSchema.safeParse({ id: 'e', occurredAt: at, type: 'patient_teleported', entryId: 'p1' }).success).toBe(false);
    expect(queueEventSchema.safeParse({ id: 'e', occurredAt: at, type: 'patient_added', entryId: 'p1', method: 'fax' }).success).toBe(false);
    expect(queueEventSchema.safeParse({ id: 'e', occurredAt: at, type: 'sms_status', smsId: 's1', status: 'sent' }).success).toBe(false);
  });

  it('should store an event as received, with its entry and instant pulled out for indexing', () => {
    const event = queueEventSchema.parse({ id: 'e10', occurredAt: at, type: 'sms_sent', smsId: 's1', entryId: 'p1', kind: 'your_turn' });
    expect(storedEventOf('clinic-001', event, Date.parse(at) + 250)).toEqual({
      clinicId: 'clinic-001',
      id: 'e10',
      type: 'sms_sent',
      entryId: 'p1',
      occurredAt: Date.parse('2026-11-24T08:15:00Z'),
      receivedAt: Date.parse('2026-11-24T08:15:00.250Z'),
      payload: JSON.stringify(event),
    });
  });
});
