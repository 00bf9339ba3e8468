import { count, desc, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { alertInstances } from '../schema/alerts.ts';
import { clinics } from '../schema/clinics.ts';
import { deadLetters } from '../schema/jobs.ts';

export type DeadLetterRow = typeof deadLetters.$inferSelect;

/** Keeps dead letters; one redelivered from the dead-letter queue lands once (by message id). */
export async function keepDeadLetters(db: Database, rows: readonly DeadLetterRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(deadLetters).values([...rows]).onConflictDoNothing();
}

export function recentDeadLetters(db: Database, limit: number) {
  return db.select().from(deadLetters).orderBy(desc(deadLetters.receivedAt)).limit(limit);
}

/** One page of dead letters, the newest first (dead_letters_received_idx), and how many there are. */
export async function deadLetterPage(db: Database, page: { limit: number; offset: number }): Promise<{ rows: DeadLetterRow[]; total: number }> {
  const [rows, [total]] = await db.batch([
    db.select().from(deadLetters).orderBy(desc(deadLetters.receivedAt), desc(deadLetters.messageId)).limit(page.limit).offset(page.offset),
    db.select({ total: count() }).from(deadLetters),
  ]);
  return { rows, total: total?.total ?? 0 };
}

/**
 * Removes a dead letter and answers it, or undefined when there is none (any more): of two
 * concurrent removals of one letter, exactly one gets it.
 */
export async function takeDeadLetter(db: Database, messageId: string): Promise<DeadLetterRow | undefined> {
  const [row] = await db.delete(deadLetters).where(eq(deadLetters.messageId, messageId)).returning();
  return row;
}

/** The clinics dead letters are about, by their own clinic id or their alert's: id → clinic. */
export async function clinicsOfJobs(db: Database, scope: { clinicIds: readonly string[]; alertIds: readonly string[] }) {
  const alertsOf = inArray(alertInstances.id, [...scope.alertIds]);
  const [alerts, named] = await db.batch([
    db.select({ alertId: alertInstances.id, clinicId: alertInstances.clinicId }).from(alertInstances).where(alertsOf),
    db
      .select({ id: clinics.id, name: clinics.name })
      .from(clinics)
      .where(or(inArray(clinics.id, [...scope.clinicIds]), inArray(clinics.id, db.select({ id: alertInstances.clinicId }).from(alertInstances).where(alertsOf)))),
  ]);
  return { clinicOfAlert: new Map(alerts.map((row) => [row.alertId, row.clinicId])), clinicName: new Map(named.map((row) => [row.id, row.name])) };
}
