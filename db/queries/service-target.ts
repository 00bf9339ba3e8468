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
 * Sets the clinic's service target; answers the one it replaces (for the audit log), or undefined
 * for an unknown clinic. Read, then written on its own: a batch that reads before it writes holds
 * a read snapshot SQLite cannot upgrade while the write-behind commits (SQLITE_BUSY at once,
 * no busy wait), whereas a lone UPDATE waits its turn.
 */
export async function saveServiceTarget(db: Database, clinicId: string, minutes: number): Promise<{ previous: number } | undefined> {
  const previous = await readServiceTarget(db, clinicId);
  if (previous === undefined) return undefined;
  await db.update(clinics).set({ serviceTargetMinutes: minutes }).where(eq(clinics.id, clinicId));
  return { previous };
}
