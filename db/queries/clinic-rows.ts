/** Clinics with the zone their days are counted in: what a rebuild or a report walks over. */
import { asc } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { clinics } from '../schema/clinics.ts';

/** Every clinic, archived ones included, by id, with its time zone. */
export function clinicsWithZones(db: Database): Promise<Array<{ id: string; timezone: string }>> {
  return db.select({ id: clinics.id, timezone: clinics.timezone }).from(clinics).orderBy(asc(clinics.id));
}
