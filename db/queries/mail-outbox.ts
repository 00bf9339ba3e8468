import { desc } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { mailOutbox } from '../schema/mail.ts';

export type MailOutboxRow = typeof mailOutbox.$inferSelect;
export type NewMailOutboxRow = typeof mailOutbox.$inferInsert;

/** Keeps one message the outbox transport "sent". */
export async function insertOutboxMail(db: Database, row: NewMailOutboxRow): Promise<void> {
  await db.insert(mailOutbox).values(row);
}

/** The outbox, newest first (ties by id so pages are stable), for the admin screens and tests. */
export async function listOutboxMail(db: Database, limit: number): Promise<MailOutboxRow[]> {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id)).limit(limit);
}
