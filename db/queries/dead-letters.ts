import { desc } from 'drizzle-orm';
import type { Database } from '../client.ts';
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
