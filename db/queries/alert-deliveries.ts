/** Whom an alert reached: one row per attempt, the successful one unique per notice and channel. */
import { and, eq } from 'drizzle-orm';
import type { NotificationChannel } from '../../worker/domain/vocabulary.ts';
import type { Database } from '../client.ts';
import { alertDetailOf } from './alert-instances.ts';
import { alertDeliveries, alertInstances, alertRules } from '../schema/alerts.ts';

export interface DeliveredKey {
  userId: string;
  channel: NotificationChannel;
}

/** The (user, channel) pairs a notice already reached: a redelivered job skips them. */
export async function deliveredFor(db: Database, instanceId: string, noticeAt: number): Promise<Set<string>> {
  const rows = await db
    .select({ userId: alertDeliveries.userId, channel: alertDeliveries.channel })
    .from(alertDeliveries)
    .where(and(eq(alertDeliveries.instanceId, instanceId), eq(alertDeliveries.noticeAt, noticeAt), eq(alertDeliveries.ok, true)));
  return new Set(rows.map(deliveryKey));
}

export function deliveryKey(key: DeliveredKey): string {
  return `${key.userId}:${key.channel}`;
}

export async function recordDelivery(
  db: Database,
  row: { instanceId: string; userId: string; channel: NotificationChannel; noticeAt: number; sentAt: number; ok: boolean; error: string | null },
): Promise<void> {
  // Two deliveries of one notice racing: the second success is the same fact, not a new one.
  await db.insert(alertDeliveries).values(row).onConflictDoNothing();
}

export function deliveriesOf(db: Database, instanceId: string) {
  return db.select().from(alertDeliveries).where(eq(alertDeliveries.instanceId, instanceId)).orderBy(alertDeliveries.id);
}

/**
 * One alert with what its notification says: its rule's kind, priority and channels, and what it
 * saw when it fired beyond its value (`detail`, for alertWords; null for most kinds).
 */
export async function alertToDeliver(db: Database, instanceId: string) {
  const [row] = await db
    .select({
      id: alertInstances.id,
      kind: alertRules.kind,
      scope: alertRules.scope,
      priority: alertRules.priority,
      channels: alertRules.channels,
      threshold: alertRules.threshold,
      clinicId: alertInstances.clinicId,
      value: alertInstances.value,
      firedAt: alertInstances.firedAt,
      resolvedAt: alertInstances.resolvedAt,
    })
    .from(alertInstances)
    .innerJoin(alertRules, eq(alertRules.id, alertInstances.ruleId))
    .where(eq(alertInstances.id, instanceId))
    .limit(1);
  if (row === undefined) return undefined;
  return { ...row, detail: await alertDetailOf(db, row) };
}
