/**
 * Breaches waiting out their rule's minimum duration (`alert_pending`): one row per rule and
 * subject, from the first evaluation that saw the breach until it fires or stops.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AlertCheck } from '../../worker/domain/alert-rules.ts';
import type { Database } from '../client.ts';
import { alertPending } from '../schema/alerts.ts';

export interface PendingAlert {
  ruleId: string;
  subjectKey: string;
  since: number;
}

/** The waiting breaches of these rules (a handful: only breaches younger than their minimum duration). */
export async function pendingAlerts(db: Database, ruleIds: readonly string[]): Promise<PendingAlert[]> {
  if (ruleIds.length === 0) return [];
  return db
    .select({ ruleId: alertPending.ruleId, subjectKey: alertPending.subjectKey, since: alertPending.since })
    .from(alertPending)
    .where(inArray(alertPending.ruleId, [...ruleIds]));
}

/**
 * Remembers since when a breach holds. A second run at the same time (or a concurrent one) keeps
 * the first row: `since` is the first sighting, never moved later.
 */
export async function startPendingAlert(db: Database, check: Pick<AlertCheck, 'ruleId' | 'subjectKey' | 'clinicId' | 'value'>, now: number): Promise<void> {
  await db.insert(alertPending).values({ ruleId: check.ruleId, subjectKey: check.subjectKey, clinicId: check.clinicId, since: now, value: check.value }).onConflictDoNothing();
}

/** The breach stopped, fired, or its alert resolved: the next breach starts its own wait. */
export async function forgetPendingAlert(db: Database, ruleId: string, subjectKey: string): Promise<void> {
  await db.delete(alertPending).where(and(eq(alertPending.ruleId, ruleId), eq(alertPending.subjectKey, subjectKey)));
}
