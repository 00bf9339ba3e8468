import { asc } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { clinics } from '../schema/clinics.ts';

/** Every clinic id, oldest first: the first one is the demo doctor's clinic. */
export async function listClinicIds(db: Database): Promise<string[]> {
  const rows = await db.select({ id: clinics.id }).from(clinics).orderBy(asc(clinics.createdAt), asc(clinics.id));
  return rows.map((row) => row.id);
}
