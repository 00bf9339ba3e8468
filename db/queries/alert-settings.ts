/** A clinic's own queue-length threshold: an override row of the default queue_too_long rule. */
import { and, eq } from 'drizzle-orm';
import { DEFAULT_QUEUE_RULE } from '../../worker/domain/alert-rules.ts';
import type { Database } from '../client.ts';
import { alertRules } from '../schema/alerts.ts';

export const DEFAULT_QUEUE_THRESHOLD = DEFAULT_QUEUE_RULE.threshold;

/** One stable id per clinic, so setting the threshold again updates the same rule. */
export function queueRuleIdOf(clinicId: string): string {
  return `queue-too-long@${clinicId}`;
}

/** The clinic's own threshold, or null when it follows the default. */
export async function clinicQueueThreshold(db: Database, clinicId: string): Promise<number | null> {
  const [row] = await db
    .select({ threshold: alertRules.threshold })
    .from(alertRules)
    .where(and(eq(alertRules.id, queueRuleIdOf(clinicId)), eq(alertRules.enabled, true)))
    .limit(1);
  return row?.threshold ?? null;
}

/**
 * Sets (or, with null, withdraws) the clinic's threshold. Withdrawn, the row stays disabled rather
 * than deleted: alert instances fired under it keep pointing at it.
 */
export async function setClinicQueueThreshold(db: Database, clinicId: string, threshold: number | null, now: number): Promise<void> {
  const id = queueRuleIdOf(clinicId);
  if (threshold === null) {
    await db.update(alertRules).set({ enabled: false }).where(eq(alertRules.id, id));
    return;
  }
  await db
    .insert(alertRules)
    .values({ ...DEFAULT_QUEUE_RULE, id, clinicId, threshold, channels: JSON.stringify(DEFAULT_QUEUE_RULE.channels), enabled: true, createdAt: now })
    .onConflictDoUpdate({ target: alertRules.id, set: { threshold, enabled: true } });
}
