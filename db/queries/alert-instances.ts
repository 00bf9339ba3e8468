/** The alert rules as stored, and the instances the alert job opens, reminds and resolves. */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { parseAlertDetail, type AlertDetail } from '../../worker/domain/alert-detail.ts';
import type { AlertCheck, AlertRule } from '../../worker/domain/alert-rules.ts';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '../../worker/domain/vocabulary.ts';
import type { Database } from '../client.ts';
import { clinicActivity } from '../schema/activity.ts';
import { alertInstances, alertRules } from '../schema/alerts.ts';
import { writeBatch } from '../write-batch.ts';

/**
 * Writes the default rules that are missing, and gives the default rules stored before resolve
 * thresholds and minimum durations existed their documented ones: only a row still as it was
 * then (no resolve threshold, no minimum duration, the default fire threshold), so a rule an
 * admin changed is left as it is.
 */
export async function ensureAlertRules(db: Database, rules: readonly AlertRule[], now: number): Promise<void> {
  const inserts = rules.map((rule) => db.insert(alertRules).values({ ...rule, channels: JSON.stringify(rule.channels), createdAt: now }).onConflictDoNothing());
  const settled = rules
    .filter((rule) => rule.resolveThreshold !== null || rule.minDurationMinutes > 0)
    .map((rule) =>
      db
        .update(alertRules)
        .set({ resolveThreshold: rule.resolveThreshold, minDurationMinutes: rule.minDurationMinutes })
        .where(and(eq(alertRules.id, rule.id), isNull(alertRules.resolveThreshold), eq(alertRules.minDurationMinutes, 0), eq(alertRules.threshold, rule.threshold))),
    );
  await writeBatch(db, [...inserts, ...settled]);
}

export async function loadAlertRules(db: Database): Promise<AlertRule[]> {
  const rows = await db.select().from(alertRules);
  return rows.map((row) => ({ ...row, channels: channelsOf(row.channels) }));
}

/** The channels column (a JSON array), unknown values dropped. */
export function channelsOf(stored: string): NotificationChannel[] {
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? NOTIFICATION_CHANNELS.filter((channel) => parsed.includes(channel)) : [];
  } catch {
    return [];
  }
}

export function openAlertInstances(db: Database) {
  return db.select().from(alertInstances).where(isNull(alertInstances.resolvedAt));
}

/**
 * Opens an instance for a check that just broke its threshold, with its line on the clinic's
 * timeline. The partial unique index on open instances (rule, subject) makes a second job run at
 * the same time a no-op: it answers false and writes nothing.
 */
export async function openAlertInstance(db: Database, check: Pick<AlertCheck, 'ruleId' | 'kind' | 'subjectKey' | 'clinicId' | 'value' | 'detail'>, now: number): Promise<string | null> {
  const id = crypto.randomUUID();
  const [inserted] = await db
    .insert(alertInstances)
    .values({ id, ruleId: check.ruleId, subjectKey: check.subjectKey, clinicId: check.clinicId, value: check.value, firedAt: now, lastNotifiedAt: now })
    .onConflictDoNothing()
    .returning({ id: alertInstances.id });
  if (inserted === undefined) return null;
  if (check.clinicId !== null) {
    await db.insert(clinicActivity).values({ clinicId: check.clinicId, kind: 'alert_fired', occurredAt: now, userId: null, detail: JSON.stringify({ alertId: id, kind: check.kind, value: check.value, ...(check.detail === null ? {} : { detail: check.detail }) }) });
  }
  return id;
}

/**
 * Whether the rule ever fired for the subject, open or resolved: an SMS budget level fires once
 * a month even when the share dips and rises again. Only asked at a breach without an open alert.
 */
export async function alertFiredBefore(db: Database, check: Pick<AlertCheck, 'ruleId' | 'subjectKey' | 'clinicId'>): Promise<boolean> {
  const [row] = await db
    .select({ id: alertInstances.id })
    .from(alertInstances)
    // `alert_instances_clinic_fired_idx` narrows to the clinic's alerts.
    .where(and(check.clinicId === null ? isNull(alertInstances.clinicId) : eq(alertInstances.clinicId, check.clinicId), eq(alertInstances.ruleId, check.ruleId), eq(alertInstances.subjectKey, check.subjectKey)))
    .limit(1);
  return row !== undefined;
}

/**
 * What an alert saw when it fired, beyond its value (alert-detail.ts), from its line on the
 * clinic's timeline; null for a service alert, a kind that says nothing more, or a line not found.
 */
export async function alertDetailOf(db: Database, alert: { id: string; clinicId: string | null; firedAt: number }): Promise<AlertDetail | null> {
  if (alert.clinicId === null) return null;
  // `clinic_activity_clinic_kind_idx`: the clinic's alert lines at the instant it fired.
  const rows = await db
    .select({ detail: clinicActivity.detail })
    .from(clinicActivity)
    .where(and(eq(clinicActivity.clinicId, alert.clinicId), eq(clinicActivity.kind, 'alert_fired'), eq(clinicActivity.occurredAt, alert.firedAt)));
  for (const row of rows) {
    const stored = parsedJson(row.detail);
    if (typeof stored === 'object' && stored !== null && 'alertId' in stored && stored.alertId === alert.id && 'detail' in stored) return parseAlertDetail(stored.detail);
  }
  return null;
}

function parsedJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function remindAlertInstance(db: Database, id: string, value: number, now: number): Promise<void> {
  await db.update(alertInstances).set({ value, lastNotifiedAt: now }).where(and(eq(alertInstances.id, id), isNull(alertInstances.resolvedAt)));
}

export async function resolveAlertInstance(db: Database, id: string, now: number): Promise<void> {
  await db.update(alertInstances).set({ resolvedAt: now }).where(and(eq(alertInstances.id, id), isNull(alertInstances.resolvedAt)));
}

export interface AlertView {
  id: string;
  kind: string;
  priority: string;
  clinicId: string | null;
  subjectKey: string;
  value: number;
  firedAt: number;
  resolvedAt: number | null;
  acknowledgedAt: number | null;
}

/**
 * Alerts, newest first: every one for the super admin (`clinicIds` null), else only those about
 * the given clinics — service-wide alerts are the super admin's.
 */
export async function listAlerts(db: Database, options: { clinicIds: readonly string[] | null; openOnly: boolean; limit: number }): Promise<AlertView[]> {
  if (options.clinicIds !== null && options.clinicIds.length === 0) return [];
  return db
    .select({
      id: alertInstances.id,
      kind: alertRules.kind,
      priority: alertRules.priority,
      clinicId: alertInstances.clinicId,
      subjectKey: alertInstances.subjectKey,
      value: alertInstances.value,
      firedAt: alertInstances.firedAt,
      resolvedAt: alertInstances.resolvedAt,
      acknowledgedAt: alertInstances.acknowledgedAt,
    })
    .from(alertInstances)
    .innerJoin(alertRules, eq(alertRules.id, alertInstances.ruleId))
    .where(
      and(
        options.clinicIds === null ? undefined : inArray(alertInstances.clinicId, [...options.clinicIds]),
        options.openOnly ? isNull(alertInstances.resolvedAt) : undefined,
      ),
    )
    .orderBy(desc(alertInstances.firedAt))
    .limit(options.limit);
}

/** Marks an alert seen by `userId`; false when there is no such alert. */
export async function acknowledgeAlert(db: Database, id: string, userId: string, now: number): Promise<boolean> {
  const updated = await db
    .update(alertInstances)
    .set({ acknowledgedAt: now, acknowledgedBy: userId })
    .where(and(eq(alertInstances.id, id), isNull(alertInstances.acknowledgedAt)))
    .returning({ id: alertInstances.id });
  return updated.length > 0;
}

export async function alertClinic(db: Database, id: string): Promise<{ clinicId: string | null } | undefined> {
  const [row] = await db.select({ clinicId: alertInstances.clinicId }).from(alertInstances).where(eq(alertInstances.id, id)).limit(1);
  return row;
}
