/** Sessions and their live sockets as stored: what a back office checks when a sign-in misbehaves. */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { sessions, sessionSockets } from '../schema/accounts.ts';

export type SessionRecord = typeof sessions.$inferSelect;
export type SessionSocketRecord = typeof sessionSockets.$inferSelect;

/** One session by the hash of its token, revoked or expired included. */
export async function sessionByTokenHash(db: Database, tokenHash: string): Promise<SessionRecord | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return row;
}

/** The sessions that opened a live socket on a clinic, first opened first. */
export function sessionSocketsOfClinic(db: Database, clinicId: string): Promise<SessionSocketRecord[]> {
  return db.select().from(sessionSockets).where(eq(sessionSockets.clinicId, clinicId)).orderBy(asc(sessionSockets.openedAt), asc(sessionSockets.tokenHash));
}
