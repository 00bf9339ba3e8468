/** Failed logins kept for throttling, as the back office reads them for one key. */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { loginFailures } from '../schema/accounts.ts';

export type LoginFailureRecord = typeof loginFailures.$inferSelect;

/** The failures counted against one key (the keyed hash of an e-mail or an address), oldest first. */
export function loginFailuresOf(db: Database, keyHash: string): Promise<LoginFailureRecord[]> {
  return db.select().from(loginFailures).where(eq(loginFailures.keyHash, keyHash)).orderBy(asc(loginFailures.at), asc(loginFailures.id));
}
