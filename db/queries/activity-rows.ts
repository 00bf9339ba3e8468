/** A clinic's timeline rows as stored, oldest first: for the back office and for replays. */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { ActivityKind } from '../../worker/domain/vocabulary.ts';
import type { Database } from '../client.ts';
import { clinicActivity } from '../schema/activity.ts';

export type ClinicActivityRecord = typeof clinicActivity.$inferSelect;

/** A clinic's timeline, oldest first: of one kind, or of every kind but one (sign-ins, say). */
export function clinicActivityOf(db: Database, clinicId: string, narrow: { kind?: ActivityKind; exceptKind?: ActivityKind } = {}): Promise<ClinicActivityRecord[]> {
  return db
    .select()
    .from(clinicActivity)
    .where(
      and(
        eq(clinicActivity.clinicId, clinicId),
        narrow.kind === undefined ? undefined : eq(clinicActivity.kind, narrow.kind),
        narrow.exceptKind === undefined ? undefined : ne(clinicActivity.kind, narrow.exceptKind),
      ),
    )
    .orderBy(asc(clinicActivity.occurredAt), asc(clinicActivity.id));
}

/** What one user did across clinics, of one kind, oldest first: their sign-ins, say. */
export function userActivityOf(db: Database, userId: string, kind: ActivityKind): Promise<ClinicActivityRecord[]> {
  return db
    .select()
    .from(clinicActivity)
    .where(and(eq(clinicActivity.userId, userId), eq(clinicActivity.kind, kind)))
    .orderBy(asc(clinicActivity.occurredAt), asc(clinicActivity.id));
}

/** One timeline row by its id. */
export async function clinicActivityById(db: Database, id: number): Promise<ClinicActivityRecord | undefined> {
  const [row] = await db.select().from(clinicActivity).where(eq(clinicActivity.id, id));
  return row;
}
