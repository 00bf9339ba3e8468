/** Dead letters as the back office looks for them: every one of a job type, or the one of a message. */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { deadLetters } from '../schema/jobs.ts';
import type { DeadLetterRow } from './dead-letters.ts';

/** The dead letters of one job type, oldest first. */
export function deadLettersOfJob(db: Database, jobType: string): Promise<DeadLetterRow[]> {
  return db.select().from(deadLetters).where(eq(deadLetters.jobType, jobType)).orderBy(asc(deadLetters.receivedAt));
}

/** The dead letter a queue message became, if it did. */
export async function deadLetterOfMessage(db: Database, messageId: string): Promise<DeadLetterRow | undefined> {
  const [row] = await db.select().from(deadLetters).where(eq(deadLetters.messageId, messageId));
  return row;
}
