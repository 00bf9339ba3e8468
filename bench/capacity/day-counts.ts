// Counts a typical clinic day from the demo generator, for the README's "Capacity on paper" (docs/capacity.md).
import { generateClinicDay } from '../../db/seed/clinic-day.ts';
import { buildDemoClinics } from '../../db/seed/demo-clinics.ts';
import { addClinicDays, clinicDayOf, localHourOf, hourStartOf, weekdayOf } from '../../worker/domain/clinic-time.ts';

const now = Date.parse('2026-12-06T12:00:00Z');
const DAYS = 120, COUNT = 13;
const clinics = buildDemoClinics({ seed: 1, count: COUNT, days: DAYS, now });
const today = clinicDayOf(now, 'Africa/Tunis');
const tot: Record<string, number> = {};
let clinicDays = 0, openDays = 0, events = 0, openEvents = 0;
const byHour = new Array(24).fill(0);
let peakHourShareSum = 0, peakDays = 0, maxHourEvents = 0;
let waitSum = 0, waitN = 0, phoneWaitSum = 0, phonePatients = 0, minuteSum = 0;
let flushes = 0, hourlyRowsSent = 0, peakMinute = 0;
const perDayEvents: number[] = [];
for (const clinic of clinics) {
  for (let d = DAYS - 1; d >= 1; d--) {
    const day = addClinicDays(today, -d);
    const lapsedAgo = clinic.lastLoginDaysAgo;
    const inUse = lapsedAgo === null || d >= lapsedAgo;
    const evs = generateClinicDay(clinic, day, { seed: 1, inUse, lastDayOfUse: lapsedAgo !== null && d === lapsedAgo });
    clinicDays++;
    events += evs.length;
    for (const e of evs) tot[e.event.type] = (tot[e.event.type] ?? 0) + 1;
    if (!inUse || weekdayOf(day) === 0) continue;
    openDays++; openEvents += evs.length; perDayEvents.push(evs.length);
    const hours = new Map<number, number>();
    for (const e of evs) { const h = localHourOf(e.at, clinic.timezone); byHour[h]++; hours.set(h, (hours.get(h) ?? 0) + 1); }
    const mx = Math.max(...hours.values()); peakHourShareSum += mx / evs.length; peakDays++; maxHourEvents = Math.max(maxHourEvents, mx);
    // flushes: alarm at first event after idle + 100 ms gathers what arrives meanwhile.
    const rec = evs.map((e) => e.receivedAt).sort((a, b) => a - b);
    const seenHours = new Set<number>();
    let windowEnd = -Infinity;
    const sorted = [...evs].sort((a, b) => a.receivedAt - b.receivedAt);
    for (const e of sorted) {
      if (e.event.type !== 'clinic_login' && e.event.type !== 'doctor_presence_changed') seenHours.add(hourStartOf(e.at, clinic.timezone));
      if (e.receivedAt > windowEnd) { flushes++; windowEnd = e.receivedAt + 100; hourlyRowsSent += seenHours.size; }
    }
    const added = new Map<string, number>(); const phones = new Set<string>();
    for (const e of evs) { const ev: any = e.event; if (ev.type === 'patient_added') added.set(ev.entryId, e.at); if (ev.type === 'sms_sent' && ev.kind === 'queue_joined') phones.add(ev.entryId);
      if (ev.type === 'patient_called' || ev.type === 'patient_cancelled') { const a = added.get(ev.entryId); if (a !== undefined) { waitSum += e.at - a; waitN++; if (phones.has(ev.entryId)) { phoneWaitSum += e.at - a; phonePatients++; } added.delete(ev.entryId); } } }
    minuteSum += new Set(evs.map((e) => Math.floor(e.receivedAt / 60000))).size;
    const mins = new Map<number, number>();
    for (const r of rec) { const m = Math.floor(r / 60000); mins.set(m, (mins.get(m) ?? 0) + 1); }
    peakMinute = Math.max(peakMinute, ...mins.values());
  }
}
console.log({ clinicDays, openDays, eventsPerClinicDay: events / clinicDays, eventsPerOpenDay: openEvents / openDays, maxOpenDay: Math.max(...perDayEvents) });
console.log('per clinic day by type', Object.fromEntries(Object.entries(tot).map(([k, v]) => [k, +(v / clinicDays).toFixed(2)])));
console.log('open-day share by local hour', byHour.map((v, h) => `${h}:${(100 * v / openEvents).toFixed(1)}%`).join(' '));
console.log({ meanPeakHourShare: peakHourShareSum / peakDays, maxHourEvents, flushesPerOpenDay: flushes / openDays, hourlyRowsPerFlush: hourlyRowsSent / flushes, peakMinuteEventsOneClinic: peakMinute });
console.log({ meanWaitMin: waitSum / waitN / 60000, phonePatientsPerOpenDay: phonePatients / openDays, phoneWaitMin: phoneWaitSum / phonePatients / 60000, minutesWithEventsPerOpenDay: minuteSum / openDays });
