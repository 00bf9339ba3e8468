import { describe, expect, it } from 'vitest';
import { buildDemoClinics } from '../../db/seed/demo-clinics.ts';
import { generateClinicHistory, type ClinicHistory } from '../../db/seed/demo-history.ts';
import { localHourOf, weekdayOf } from '../../worker/domain/clinic-time.ts';
import { queueEventSchema } from '../../worker/domain/queue-events.ts';

// A Tuesday morning in Tunis: the first clinics are in the middle of their morning queue.
const NOW = Date.parse('2026-11-24T10:30:00+01:00');
const DAY = 86_400_000;

function demo(seed: number, count: number, days: number): ClinicHistory[] {
  return buildDemoClinics({ seed, count, days, now: NOW }).map((clinic) => generateClinicHistory(clinic, { seed, days, now: NOW }));
}

const histories = demo(1, 13, 120);
const entries = histories.flatMap((history) => history.entries);

function statusOf(history: ClinicHistory): 'active' | 'at_risk' | 'churned' {
  const logins = history.activity.filter((row) => row.kind === 'clinic_login').map((row) => row.occurredAt);
  if (logins.length === 0) return 'churned';
  const daysSince = (NOW - Math.max(...logins)) / DAY;
  return daysSince < 7 ? 'active' : daysSince <= 30 ? 'at_risk' : 'churned';
}

describe('demo data generation', () => {
  it('should be the same for the same seed, and differ for another', () => {
    expect(demo(7, 3, 20)).toEqual(demo(7, 3, 20));
    expect(demo(8, 3, 20)[0]?.events).not.toEqual(demo(7, 3, 20)[0]?.events);
  });

  it('should keep the first clinics identical whatever the number of clinics', () => {
    expect(demo(1, 13, 20).slice(0, 2)).toEqual(demo(1, 20, 20).slice(0, 2));
  });

  it('should have twelve clinics in Africa/Tunis and one in Europe/Paris, on the 50 TND plan', () => {
    const clinics = histories.map((history) => history.clinic);
    expect(clinics.filter((clinic) => clinic.timezone === 'Africa/Tunis')).toHaveLength(12);
    expect(clinics.filter((clinic) => clinic.timezone === 'Europe/Paris')).toHaveLength(1);
    expect(new Set(clinics.map((clinic) => clinic.planPriceMinor))).toEqual(new Set([50_000]));
    expect(clinics[0]?.name).toBe('Cabinet Dr Ben Salah — La Marsa');
    // The first clinic is the oldest: listings ordered by creation start with the demo doctor's.
    expect(clinics.map((clinic) => clinic.createdAt)).toEqual(clinics.map((clinic) => clinic.createdAt).sort((a, b) => a - b));
  });

  it('should make most clinics active, exactly two at risk and one churned', () => {
    const statuses = histories.map(statusOf);
    expect(statuses.filter((status) => status === 'active')).toHaveLength(10);
    expect(statuses.filter((status) => status === 'at_risk')).toHaveLength(2);
    expect(statuses.filter((status) => status === 'churned')).toHaveLength(1);
    expect(statuses.slice(0, 3)).toEqual(['active', 'active', 'active']);
  });

  it('should keep no-shows within 5–15 % per clinic, higher on Mondays', () => {
    for (const history of histories) {
      const rate = history.entries.filter((entry) => entry.state === 'no_show').length / history.entries.length;
      expect(rate).toBeGreaterThanOrEqual(0.05);
      expect(rate).toBeLessThanOrEqual(0.15);
    }
    const rateOn = (weekday: number) => {
      const day = entries.filter((entry) => weekdayOf(entry.clinicDay) === weekday);
      return day.filter((entry) => entry.state === 'no_show').length / day.length;
    };
    for (const weekday of [2, 3, 4, 5, 6]) expect(rateOn(1)).toBeGreaterThan(rateOn(weekday) + 0.02);
  });

  it('should keep QR adoption within 20–80 % per clinic', () => {
    const shares = histories.map((history) => history.entries.filter((entry) => entry.method === 'qr').length / history.entries.length);
    for (const share of shares) {
      expect(share).toBeGreaterThanOrEqual(0.2);
      expect(share).toBeLessThanOrEqual(0.8);
    }
    expect(Math.min(...shares)).toBeLessThan(0.3);
    expect(Math.max(...shares)).toBeGreaterThan(0.7);
  });

  it('should close on Sundays, peak at 9–11 h and 16–18 h, and quieten on Friday afternoons', () => {
    expect(entries.filter((entry) => weekdayOf(entry.clinicDay) === 0)).toHaveLength(0);
    const byHour = new Map<number, number>();
    for (const history of histories) {
      for (const entry of history.entries) {
        const hour = localHourOf(entry.checkedInAt, history.clinic.timezone);
        byHour.set(hour, (byHour.get(hour) ?? 0) + 1);
      }
    }
    const at = (hour: number) => byHour.get(hour) ?? 0;
    for (const peak of [9, 10, 16, 17]) for (const quiet of [8, 12, 13, 14, 18]) expect(at(peak)).toBeGreaterThan(at(quiet));
    const tunisian = histories.filter((history) => history.clinic.timezone === 'Africa/Tunis').flatMap((history) => history.entries);
    const afternoons = (weekday: number) =>
      tunisian.filter((entry) => weekdayOf(entry.clinicDay) === weekday && localHourOf(entry.checkedInAt, 'Africa/Tunis') >= 13).length;
    expect(afternoons(5)).toBeLessThan(afternoons(4) * 0.5);
  });

  it('should keep consultations between 3 and 60 minutes (lognormal, clamped) and fail about 3 % of SMS', () => {
    for (const entry of entries) {
      if (entry.consultationStartedAt === null || entry.completedAt === null) continue;
      const minutes = (entry.completedAt - entry.consultationStartedAt) / 60_000;
      expect(minutes).toBeGreaterThanOrEqual(3);
      expect(minutes).toBeLessThanOrEqual(60);
    }
    const sms = histories.flatMap((history) => history.sms);
    const failed = sms.filter((message) => message.status === 'failed').length / sms.length;
    expect(failed).toBeGreaterThan(0.02);
    expect(failed).toBeLessThan(0.04);
    expect(new Set(sms.map((message) => message.kind))).toEqual(new Set(['queue_joined', 'almost_turn', 'your_turn']));
    expect(entries.some((entry) => entry.state === 'cancelled')).toBe(true);
  });

  it('should stop today at now, leaving patients waiting in the first clinics', () => {
    for (const history of histories) {
      expect(Math.max(...history.events.map((event) => event.occurredAt))).toBeLessThanOrEqual(NOW);
    }
    for (const history of histories.slice(0, 3)) {
      const today = history.entries.filter((entry) => entry.clinicDay === '2026-11-24');
      expect(today.filter((entry) => entry.state === 'waiting').length).toBeGreaterThan(0);
      expect(today.map((entry) => entry.ticketNumber).sort((a, b) => a - b)[0]).toBe(1);
    }
  });

  it('should store events that the ingestion schema accepts, with no personal field', () => {
    const [first] = histories;
    for (const stored of first?.events ?? []) {
      const parsed = queueEventSchema.safeParse(JSON.parse(stored.payload));
      expect(parsed.success).toBe(true);
    }
    expect(first?.events.some((event) => /name|phone/i.test(event.payload))).toBe(false);
  });

  it('should roll up exactly the entries and SMS it stores', () => {
    for (const history of histories) {
      const checkIns = history.daily.reduce((sum, row) => sum + row.checkinsQr + row.checkinsManual, 0);
      expect(checkIns).toBe(history.entries.length);
      expect(history.hourly.reduce((sum, row) => sum + row.seen, 0)).toBe(history.entries.filter((entry) => entry.state === 'completed').length);
      expect(history.daily.reduce((sum, row) => sum + row.smsCostMinor, 0)).toBe(history.sms.length * history.clinic.smsUnitCostMinor);
    }
  });
});
