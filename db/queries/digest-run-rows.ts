/** Digest runs of one scope and week, as the back office checks who got a digest and when. */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { digestRuns } from '../schema/notifications.ts';

export type DigestRunRecord = typeof digestRuns.$inferSelect;

/** The runs of a clinic's (or the service's, scope `service`) digest for the week starting `periodStart`, claimed first first. */
export function digestRunsOf(db: Database, scopeKey: string, periodStart: string): Promise<DigestRunRecord[]> {
  return db
    .select()
    .from(digestRuns)
    .where(and(eq(digestRuns.scopeKey, scopeKey), eq(digestRuns.periodStart, periodStart)))
    .orderBy(asc(digestRuns.claimedAt), asc(digestRuns.id));
}
