/** Accounts and their setup links as a support desk looks them up. */
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { setupTokens, users } from '../schema/accounts.ts';
import type { UserRow } from './users.ts';

export type SetupTokenRecord = typeof setupTokens.$inferSelect;

/** Every account, by e-mail address. */
export function accountsByEmail(db: Database): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.email));
}

/** The accounts an address typed by someone designates, whatever its case: none, one, or (a fault) several. */
export function accountsWithEmail(db: Database, email: string): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .orderBy(asc(users.email));
}

/** A person's setup links, newest first, used and expired ones included. */
export function setupLinksOf(db: Database, userId: string): Promise<SetupTokenRecord[]> {
  return db.select().from(setupTokens).where(eq(setupTokens.userId, userId)).orderBy(desc(setupTokens.createdAt));
}
