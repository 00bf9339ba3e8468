/** A clinic's own queue-length threshold: an override row of the default queue_too_long rule. */
import { and, eq, isNull } from 'drizzle-orm';
import { DEFAULT_QUEUE_RULE, queueResolveThreshold, type AlertRule } from '../../worker/domain/alert-rules.ts';
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
 * Sets (or, with null, withdraws) the clinic's threshold, with its resolve threshold ⌈T × 5/6⌉
 * (queueResolveThreshold) and the default minimum duration. Withdrawn, the row stays disabled
 * rather than deleted: alert instances fired under it keep pointing at it.
 */
export async function setClinicQueueThreshold(db: Database, clinicId: string, threshold: number | null, now: number): Promise<void> {
  const id = queueRuleIdOf(clinicId);
  if (threshold === null) {
    await db.update(alertRules).set({ enabled: false }).where(eq(alertRules.id, id));
    return;
  }
  await db
    .insert(alertRules)
    .values({ ...DEFAULT_QUEUE_RULE, id, clinicId, threshold, resolveThreshold: queueResolveThreshold(threshold), channels: JSON.stringify(DEFAULT_QUEUE_RULE.channels), enabled: true, createdAt: now })
    .onConflictDoUpdate({ target: alertRules.id, set: { threshold, resolveThreshold: queueResolveThreshold(threshold), enabled: true } });
}

/**
 * Clinic thresholds set before resolve thresholds existed get theirs (⌈T × 5/6⌉), once: answers
 * the rules as they now stand. The migration gave them the 5-minute minimum duration already.
 */
export async function settleClinicQueueRules(db: Database, rules: readonly AlertRule[]): Promise<AlertRule[]> {
  const settled: AlertRule[] = [];
  for (const rule of rules) {
    if (rule.kind !== 'queue_too_long' || rule.clinicId === null || rule.resolveThreshold !== null) {
      settled.push(rule);
      continue;
    }
    const resolveThreshold = queueResolveThreshold(rule.threshold);
    await db.update(alertRules).set({ resolveThreshold }).where(and(eq(alertRules.id, rule.id), isNull(alertRules.resolveThreshold)));
    settled.push({ ...rule, resolveThreshold });
  }
  return settled;
}
