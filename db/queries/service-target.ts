/** A clinic's service target (PRODUCT: service level), read and set by its owner. */
import { eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { clinics } from '../schema/clinics.ts';

/** The clinic's service target, minutes; undefined for an unknown clinic. */
export async function readServiceTarget(db: Database, clinicId: string): Promise<number | undefined> {
  const [row] = await db.select({ minutes: clinics.serviceTargetMinutes }).from(clinics).where(eq(clinics.id, clinicId)).limit(1);
  return row?.minutes;
}

/**
 * Sets the clinic's service target; answers the one it replaces (read in the same transaction, for
 * the audit log), or undefined for an unknown clinic.
 */
export async function saveServiceTarget(db: Database, clinicId: string, minutes: number): Promise<{ previous: number } | undefined> {
  const [before] = await db.batch([
    db.select({ minutes: clinics.serviceTargetMinutes }).from(clinics).where(eq(clinics.id, clinicId)).limit(1),
    db.update(clinics).set({ serviceTargetMinutes: minutes }).where(eq(clinics.id, clinicId)),
  ]);
  const [row] = before;
  return row === undefined ? undefined : { previous: row.minutes };
}
