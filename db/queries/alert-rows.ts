/** Alert instances as the back office reads them: a clinic's history of one rule, or one instance. */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { alertInstances } from '../schema/alerts.ts';

export type AlertInstanceRow = typeof alertInstances.$inferSelect;

/** A clinic's alert instances, oldest first; narrowed to one rule, or to those fired at one instant. */
export function alertInstancesOfClinic(db: Database, clinicId: string, narrow: { ruleId?: string; firedAt?: number } = {}): Promise<AlertInstanceRow[]> {
  return db
    .select()
    .from(alertInstances)
    .where(
      and(
        eq(alertInstances.clinicId, clinicId),
        narrow.ruleId === undefined ? undefined : eq(alertInstances.ruleId, narrow.ruleId),
        narrow.firedAt === undefined ? undefined : eq(alertInstances.firedAt, narrow.firedAt),
      ),
    )
    .orderBy(asc(alertInstances.firedAt), asc(alertInstances.id));
}

/** One alert instance, whatever its state. */
export async function alertInstanceById(db: Database, id: string): Promise<AlertInstanceRow | undefined> {
  const [row] = await db.select().from(alertInstances).where(eq(alertInstances.id, id));
  return row;
}
