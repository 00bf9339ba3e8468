import { describe, expect, it } from 'vitest';
import { applyQueueEvent, openQueueDay, restoreQueueDay } from '../domain/queue-projection.ts';
import type { QueueEvent } from '../domain/queue-events.ts';
import { rollupsOfDay } from './rollups.ts';
import { defaultDayModels } from '../domain/day-models.ts';
import { defaultEstimatorModel } from '../domain/wait-estimate.ts';
import { ClinicSettingsSchema, DailyRollupRowSchema, DayMetaSchema, HourlyRollupRowSchema, QueueEntryRowSchema, SmsRowSchema } from './stored-rows.ts';

const settings = { clinicId: 'cabinet-sfax', timezone: 'Africa/Tunis', smsUnitCostMinor: 40, serviceTargetMinutes: 30 };

/** Stored as the ClinicQueue stores it: JSON text, parsed back by the schema. */
const stored = <T>(schema: { parse(value: unknown): T }, row: unknown): T => schema.parse(JSON.parse(JSON.stringify(row)));

function busyMorning() {
  const day = openQueueDay(settings, '2026-11-24');
  const events: QueueEvent[] = [
    { id: 'e1', type: 'patient_added', entryId: 'p1', method: 'qr', occurredAt: '2026-11-24T08:00:00+01:00', appointmentAt: '2026-11-24T08:30:00+01:00' },
    { id: 'e2', type: 'patient_added', entryId: 'p2', method: 'manual', occurredAt: '2026-11-24T08:02:00+01:00' },
    { id: 'e3', type: 'sms_sent', smsId: 's1', entryId: 'p1', kind: 'your_turn', occurredAt: '2026-11-24T08:10:00+01:00' },
    { id: 'e4', type: 'sms_sent', smsId: 's2', kind: 'queue_joined', occurredAt: '2026-11-24T08:11:00+01:00' },
    { id: 'e5', type: 'patient_called', entryId: 'p1', occurredAt: '2026-11-24T08:20:00+01:00' },
    { id: 'e6', type: 'patient_no_show', entryId: 'p2', occurredAt: '2026-11-24T08:40:00+01:00' },
    { id: 'e7', type: 'doctor_presence_changed', present: true, occurredAt: '2026-11-24T08:41:00+01:00' },
  ];
  for (const event of events) expect(applyQueueEvent(day, event)).toMatchObject({ ok: true });
  return day;
}

describe('rows the ClinicQueue keeps in its storage', () => {
  it('should read back exactly what the projection wrote, so a restarted object rebuilds the same queue', () => {
    const day = busyMorning();
    const entries = [...day.entries.values()].map((row) => stored(QueueEntryRowSchema, row));
    const sms = [...day.sms.values()].map((row) => stored(SmsRowSchema, row));
    expect(entries).toEqual([...day.entries.values()]);
    expect(sms).toEqual([...day.sms.values()]);
    const meta = stored(DayMetaSchema, { day: day.day, nextTicketNumber: day.nextTicketNumber, doctorPresent: day.doctorPresent, trailingConsultationMs: null });
    const restored = restoreQueueDay(settings, meta.day, { entries, sms, doctorPresent: meta.doctorPresent });
    expect(restored).toEqual(day);
    expect(restored.nextTicketNumber).toBe(3);
  });

  it("should read back today's rollups as the outbox carries them", () => {
    const { daily, hourly } = rollupsOfDay(busyMorning(), Date.parse('2026-11-24T12:00:00+01:00'));
    expect(daily.map((row) => stored(DailyRollupRowSchema, row))).toEqual(daily);
    expect(hourly.map((row) => stored(HourlyRollupRowSchema, row))).toEqual(hourly);
  });

  it('should refuse a row no version of Pulse writes, rather than project from it', () => {
    const entry = busyMorning().entries.get('p1');
    if (entry === undefined) throw new Error('the morning has its first patient');
    const withoutUpdatedAt = Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'updatedAt'));
    for (const row of [{ ...entry, state: 'seen' }, { ...entry, checkedInAt: 1.5 }, { ...entry, calledAt: '08:20' }, withoutUpdatedAt]) {
      expect(QueueEntryRowSchema.safeParse(row).success, JSON.stringify(row)).toBe(false);
    }
    expect(DayMetaSchema.safeParse({ day: '2026-11-24', nextTicketNumber: 0, doctorPresent: false, trailingConsultationMs: null }).success).toBe(false);
  });

  it('should read rows an older version stored, from before quotes and service targets, as never quoted and the default target', () => {
    const entry = busyMorning().entries.get('p1');
    if (entry === undefined) throw new Error('the morning has its first patient');
    const older = Object.fromEntries(Object.entries(entry).filter(([key]) => !key.startsWith('quote') && key !== 'unfinishedAt'));
    const olderStill = Object.fromEntries(Object.entries(older).filter(([key]) => !key.startsWith('walkOut')));
    expect(stored(QueueEntryRowSchema, olderStill)).toEqual({ ...entry, unfinishedAt: null, quoteWaitMinutes: null, quoteLowMinutes: null, quoteHighMinutes: null, quotedAt: null, walkOutBrier: null, walkOutBaseRateBrier: null });
    expect(stored(ClinicSettingsSchema, { clinicId: 'cabinet-sfax', timezone: 'Africa/Tunis', smsUnitCostMinor: 40 }).serviceTargetMinutes).toBe(30);
    // A day stored before the models existed (or with the estimator alone) has them fitted again.
    expect(stored(DayMetaSchema, { day: '2026-11-24', nextTicketNumber: 3, doctorPresent: true, trailingConsultationMs: null }).models).toBeNull();
    expect(stored(DayMetaSchema, { day: '2026-11-24', nextTicketNumber: 3, doctorPresent: true, trailingConsultationMs: null, estimator: defaultEstimatorModel() }).models).toBeNull();
    // A model that does not hold together is refused, not used to quote patients or weigh their risk.
    const meta = (models: object) => ({ day: '2026-11-24', nextTicketNumber: 3, doctorPresent: true, trailingConsultationMs: null, models });
    expect(DayMetaSchema.safeParse(meta(defaultDayModels())).success).toBe(true);
    expect(DayMetaSchema.safeParse(meta({ ...defaultDayModels(), estimator: { ...defaultEstimatorModel(), calibrationSize: -1 } })).success).toBe(false);
    expect(DayMetaSchema.safeParse(meta({ ...defaultDayModels(), walkOut: { ...defaultDayModels().walkOut, baseRate: 2 } })).success).toBe(false);
  });
});

