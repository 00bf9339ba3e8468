/**
 * The demo's notes on the charts (PRODUCT: "Alerts people keep on"): two on the first clinic, by
 * its doctor, and one service-wide, by the SaaS owner, so Historique and the digest show what a
 * note is for. Days count back from the clinic's today, so they stay inside the demo's history.
 */
import { addClinicDays, clinicDayOf } from '../../worker/domain/clinic-time.ts';
import type { annotations } from '../schema/sharing.ts';
import type { DemoClinic } from './demo-clinics.ts';

const HOUR = 3_600_000;

export function buildDemoNotes(first: DemoClinic | undefined, now: number): (typeof annotations.$inferInsert)[] {
  if (first === undefined) return [];
  const today = clinicDayOf(now, first.timezone);
  const note = (id: string, clinicId: string | null, daysAgo: number, text: string, authorId: string) => ({
    id,
    clinicId,
    day: addClinicDays(today, -daysAgo),
    text,
    authorId,
    createdAt: now - daysAgo * 24 * HOUR + 18 * HOUR,
  });
  return [
    note('note-demo-locum', first.id, 9, 'Médecin remplaçant toute la journée', 'user-doctor'),
    note('note-demo-vaccination', first.id, 23, 'Journée de vaccination : affluence prévue', 'user-doctor'),
    note('note-demo-sms-outage', null, 16, 'Panne du fournisseur SMS (2 h)', 'user-admin'),
  ];
}
