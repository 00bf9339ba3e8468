import { and, eq, gte, inArray, lte, ne, notInArray, or, isNull, sql, type SQL } from 'drizzle-orm';
import { EXPORT_AUDIT_ACTIONS, HOUR_MS, ON_BEHALF_AUDIT_ACTIONS, type SecurityHourRow } from '../../worker/domain/security-figures.ts';
import type { Database } from '../client.ts';
import { auditLog } from '../schema/audit.ts';

/** How many rows of the group match, read as a number (0 when none). */
const countWhere = (condition: SQL | undefined) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`.mapWith(Number);

/**
 * The security figures per clock hour of [from, to], one query over the audit log: a range scan
 * of `audit_log_at_idx` (at), grouped by `at / 3600000` (epoch hours, UTC). Only hours with rows
 * come back; worker/domain/security-figures.ts fills the others with zeros.
 */
export async function securityHourRows(db: Database, from: number, to: number): Promise<SecurityHourRow[]> {
  // The divisor is written into the SQL: bound as a parameter it could arrive as a real, and the
  // division would no longer be an integer one.
  const hour = sql<number>`(${auditLog.at} / ${sql.raw(String(HOUR_MS))})`.mapWith(Number);
  const failedLogin = eq(auditLog.action, 'login');
  const refused = eq(auditLog.success, false);
  const throttled = eq(auditLog.errorCode, 'RATE_LIMITED');
  return db
    .select({
      hour,
      failedLogins: countWhere(and(failedLogin, refused, or(isNull(auditLog.errorCode), ne(auditLog.errorCode, 'RATE_LIMITED')))),
      throttledLogins: countWhere(and(failedLogin, refused, throttled)),
      exports: countWhere(inArray(auditLog.action, [...EXPORT_AUDIT_ACTIONS])),
      adminActions: countWhere(and(eq(auditLog.actorKind, 'user'), eq(auditLog.actorRole, 'super_admin'), notInArray(auditLog.action, [...ON_BEHALF_AUDIT_ACTIONS]))),
    })
    .from(auditLog)
    .where(and(gte(auditLog.at, from), lte(auditLog.at, to)))
    .groupBy(hour)
    .orderBy(hour);
}
