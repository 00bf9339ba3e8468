/**
 * What `GET /metrics` reads from libSQL at scrape time, every few seconds: each clinic's standing
 * (the admin console's own query: plan, zone, last login), today's waiting entries and the last
 * hour's SMS cost. Both extra reads are index ranges over recent rows only, so a scrape costs the
 * same with 90 days of history as with one.
 */
import { and, eq, gte, sql } from 'drizzle-orm';
import { clinicDayOf, startOfClinicDay } from '../../worker/domain/clinic-time.ts';
import type { Database } from '../client.ts';
import { clinics } from '../schema/clinics.ts';
import { queueEntries, smsMessages } from '../schema/queue.ts';
import { clinicsStandingAt, type ClinicRecord } from './business.ts';

const HOUR_MS = 3_600_000;

export interface ServiceGaugeRows {
  clinics: ClinicRecord[];
  /** Waiting entries per clinic and clinic day, checked in since the earliest "today" of any zone. */
  waiting: Array<{ clinicId: string; clinicDay: string; waiting: number }>;
  /** Cost of the SMS sent in the last hour, per currency, minor units. */
  smsCostLastHour: Array<{ currency: string; costMinor: number }>;
}

export async function readServiceGaugeRows(db: Database, now: number): Promise<ServiceGaugeRows> {
  const standing = await clinicsStandingAt(db, now);
  const zones = new Set(standing.map((clinic) => clinic.timezone));
  // Today began earliest in the zone furthest east; no entry of anyone's today is older.
  const todaysStart = Math.min(now, ...[...zones].map((zone) => startOfClinicDay(clinicDayOf(now, zone), zone)));
  const [waiting, smsCostLastHour] = await db.batch([
    // queue_entries_checked_in_idx: today's entries only.
    db
      .select({ clinicId: queueEntries.clinicId, clinicDay: queueEntries.clinicDay, waiting: sql<number>`count(*)` })
      .from(queueEntries)
      .where(and(gte(queueEntries.checkedInAt, todaysStart), eq(queueEntries.state, 'waiting')))
      .groupBy(queueEntries.clinicId, queueEntries.clinicDay),
    // sms_messages_sent_idx: the last hour's SMS only.
    db
      .select({ currency: clinics.currency, costMinor: sql<number>`sum(${smsMessages.costMinor})` })
      .from(smsMessages)
      .innerJoin(clinics, eq(clinics.id, smsMessages.clinicId))
      .where(gte(smsMessages.sentAt, now - HOUR_MS))
      .groupBy(clinics.currency),
  ]);
  return { clinics: standing, waiting, smsCostLastHour };
}
