import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { clinics } from '../schema/clinics.ts';

/** Every clinic id, oldest first: the first one is the demo doctor's clinic. */
export async function listClinicIds(db: Database): Promise<string[]> {
  const rows = await db.select({ id: clinics.id }).from(clinics).orderBy(asc(clinics.createdAt), asc(clinics.id));
  return rows.map((row) => row.id);
}

export interface ClinicSummary {
  id: string;
  name: string;
  timezone: string;
}

/** Clinics a caller may see: all live ones for the super admin, else those in `memberOf`. */
export async function listVisibleClinics(db: Database, scope: { all: true } | { memberOf: readonly string[] }): Promise<ClinicSummary[]> {
  const columns = { id: clinics.id, name: clinics.name, timezone: clinics.timezone };
  if ('all' in scope) return db.select(columns).from(clinics).where(isNull(clinics.archivedAt)).orderBy(asc(clinics.name));
  if (scope.memberOf.length === 0) return [];
  return db
    .select(columns)
    .from(clinics)
    .where(and(inArray(clinics.id, [...scope.memberOf]), isNull(clinics.archivedAt)))
    .orderBy(asc(clinics.name));
}

export async function clinicExists(db: Database, clinicId: string): Promise<boolean> {
  const [row] = await db.select({ id: clinics.id }).from(clinics).where(eq(clinics.id, clinicId)).limit(1);
  return row !== undefined;
}

/** A clinic's name, archived or not; undefined for an unknown id. */
export async function clinicNameOf(db: Database, clinicId: string): Promise<string | undefined> {
  const [row] = await db.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, clinicId)).limit(1);
  return row?.name;
}
