/** Audit rows about one target: what the back office reads when asked "what happened to this account?". */
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { auditLog } from '../schema/audit.ts';
import type { AuditRow } from './audit.ts';

/** Every audit row whose target is `targetId` (a user, a clinic, a key), newest first. */
export function auditRowsAbout(db: Database, targetId: string): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(desc(auditLog.id));
}
