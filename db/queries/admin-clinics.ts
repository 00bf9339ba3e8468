/** Clinic management by the super admin, and a clinic's timeline. */
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { ActivityKind } from '../../worker/domain/vocabulary.ts';
import type { Database } from '../client.ts';
import { memberships, users } from '../schema/accounts.ts';
import { clinicActivity } from '../schema/activity.ts';
import { clinics } from '../schema/clinics.ts';
import { events } from '../schema/queue.ts';
import { writeBatch } from '../write-batch.ts';
import { clinicInserts, priceChange } from './clinic-prices.ts';

export type NewClinicRow = typeof clinics.$inferInsert;

/** A clinic's owners, with whether each has yet to choose a password (invitation pending). */
export async function clinicOwners(db: Database, clinicId: string) {
  const rows = await db
    .select({ userId: users.id, email: users.email, passwordHash: users.passwordHash })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.clinicId, clinicId), eq(memberships.role, 'clinic_owner')))
    .orderBy(users.email);
  return rows.map((row) => ({ userId: row.userId, email: row.email, pending: row.passwordHash === null }));
}

/** Whether a live clinic already has this name (case-insensitive), other than `exceptId`. */
export async function clinicNameTaken(db: Database, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: clinics.id })
    .from(clinics)
    .where(and(sql`lower(${clinics.name}) = lower(${name})`, isNull(clinics.archivedAt), exceptId === undefined ? undefined : sql`${clinics.id} <> ${exceptId}`))
    .limit(1);
  return row !== undefined;
}

/** Whether the clinic has received any event: its time zone then decides where its days are. */
export async function clinicHasHistory(db: Database, clinicId: string): Promise<boolean> {
  const [row] = await db.select({ id: events.id }).from(events).where(eq(events.clinicId, clinicId)).limit(1);
  return row !== undefined;
}

/**
 * Writes a clinic change and its line in the clinic's timeline, together; a new clinic with its
 * first price, a new plan price with its row in the price history (effective at `at`).
 */
export async function saveClinicChange(
  db: Database,
  change: { clinicId: string; set: Partial<NewClinicRow>; insert?: NewClinicRow; userId: string; at: number; detail: Record<string, unknown> },
): Promise<void> {
  const { planPriceMinor } = change.set;
  await writeBatch(db, [
    ...(change.insert !== undefined ? clinicInserts(db, [change.insert]) : [db.update(clinics).set(change.set).where(eq(clinics.id, change.clinicId))]),
    ...(change.insert === undefined && planPriceMinor !== undefined ? [priceChange(db, { clinicId: change.clinicId, at: change.at, priceMinor: planPriceMinor, changedBy: change.userId })] : []),
    db.insert(clinicActivity).values({ clinicId: change.clinicId, kind: 'admin_change', occurredAt: change.at, userId: change.userId, detail: JSON.stringify(change.detail) }),
  ]);
}

/** A page of a clinic's timeline, newest first, after `cursor` (the last item's time and id). */
export async function clinicTimeline(db: Database, clinicId: string, options: { kind?: ActivityKind | undefined; before?: { at: number; id: number } | undefined; limit: number }) {
  const { before } = options;
  return db
    .select()
    .from(clinicActivity)
    .where(
      and(
        eq(clinicActivity.clinicId, clinicId),
        options.kind === undefined ? undefined : eq(clinicActivity.kind, options.kind),
        before === undefined ? undefined : or(lt(clinicActivity.occurredAt, before.at), and(eq(clinicActivity.occurredAt, before.at), lt(clinicActivity.id, before.id))),
      ),
    )
    .orderBy(desc(clinicActivity.occurredAt), desc(clinicActivity.id))
    .limit(options.limit);
}
