import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ALERT_KINDS, ALERT_PRIORITIES, ALERT_SCOPES, NOTIFICATION_CHANNELS } from '../../worker/domain/vocabulary.ts';
import { users } from './accounts.ts';
import { clinics } from './clinics.ts';

/** A rule evaluated by the alert cron: a threshold over one figure, for one clinic or the service. */
export const alertRules = sqliteTable(
  'alert_rules',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ALERT_KINDS }).notNull(),
    scope: text('scope', { enum: ALERT_SCOPES }).notNull(),
    /** Set for a rule about one clinic only; null applies the rule to every clinic (or the service). */
    clinicId: text('clinic_id').references(() => clinics.id),
    /** Fires when the figure goes above this (at or above for a ratio rule)… */
    threshold: real('threshold').notNull(),
    /**
     * …and, once firing, resolves only when it goes below this one (hysteresis: a queue hovering
     * at 30 does not fire and resolve every five minutes). Null: the fire threshold itself.
     */
    resolveThreshold: real('resolve_threshold'),
    /** The condition must hold this long, checked at every evaluation, before the alert fires. */
    minDurationMinutes: integer('min_duration_minutes').notNull().default(0),
    /** JSON array of NOTIFICATION_CHANNELS. */
    channels: text('channels').notNull(),
    priority: text('priority', { enum: ALERT_PRIORITIES }).notNull(),
    cooldownMinutes: integer('cooldown_minutes').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    // The evaluator loads the enabled rules of each kind.
    index('alert_rules_enabled_kind_idx').on(table.enabled, table.kind),
  ],
);

/**
 * One firing of a rule for one subject (`subjectKey`: a clinic id, or `service`). While it is
 * unresolved it is the only open instance for that rule and subject, so a cron fired twice
 * cannot fire it twice.
 */
export const alertInstances = sqliteTable(
  'alert_instances',
  {
    id: text('id').primaryKey(),
    ruleId: text('rule_id')
      .notNull()
      .references(() => alertRules.id),
    subjectKey: text('subject_key').notNull(),
    clinicId: text('clinic_id').references(() => clinics.id),
    value: real('value').notNull(),
    firedAt: integer('fired_at').notNull(),
    lastNotifiedAt: integer('last_notified_at'),
    resolvedAt: integer('resolved_at'),
    /** Someone said "seen": the alert stays open until it resolves, but no longer asks for attention. */
    acknowledgedAt: integer('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by').references(() => users.id),
  },
  (table) => [
    uniqueIndex('alert_instances_open_unique')
      .on(table.ruleId, table.subjectKey)
      .where(sql`${table.resolvedAt} is null`),
    // Currently firing alerts (admin metrics) and a clinic's alert history (timeline).
    index('alert_instances_resolved_fired_idx').on(table.resolvedAt, table.firedAt),
    index('alert_instances_clinic_fired_idx').on(table.clinicId, table.firedAt),
  ],
);

/**
 * A rule's condition seen to hold for a subject, not yet long enough to fire (its minimum
 * duration). One row per rule and subject; it goes when the condition stops or the alert fires.
 */
export const alertPending = sqliteTable(
  'alert_pending',
  {
    ruleId: text('rule_id')
      .notNull()
      .references(() => alertRules.id),
    subjectKey: text('subject_key').notNull(),
    clinicId: text('clinic_id').references(() => clinics.id),
    /** When the condition was first seen to hold, without a break since. */
    since: integer('since').notNull(),
    value: real('value').notNull(),
  },
  (table) => [primaryKey({ columns: [table.ruleId, table.subjectKey] })],
);

/**
 * A push not sent because its recipient was in their quiet hours: released when they end (if the
 * alert is still open), otherwise left for the weekly digest. One per notice and person.
 */
export const alertHeldPushes = sqliteTable(
  'alert_held_pushes',
  {
    instanceId: text('instance_id')
      .notNull()
      .references(() => alertInstances.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    noticeAt: integer('notice_at').notNull(),
    heldAt: integer('held_at').notNull(),
    /** The end of the recipient's quiet hours, when the push may go. */
    releaseAt: integer('release_at').notNull(),
    /** When it was sent, or given up to the digest; null while held. */
    doneAt: integer('done_at'),
    /** `sent`, or `digest` (the alert resolved during the quiet hours). */
    outcome: text('outcome', { enum: ['sent', 'digest'] }),
  },
  (table) => [
    primaryKey({ columns: [table.instanceId, table.userId, table.noticeAt] }),
    // The release pass: held pushes whose quiet hours are over.
    index('alert_held_pushes_release_idx').on(table.doneAt, table.releaseAt),
  ],
);

/** Whom an alert reached, on which channel, and whether it got through. */
export const alertDeliveries = sqliteTable(
  'alert_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    instanceId: text('instance_id')
      .notNull()
      .references(() => alertInstances.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    channel: text('channel', { enum: NOTIFICATION_CHANNELS }).notNull(),
    /** Which notice of the instance this delivers: its fire (`fired_at`) or a reminder (`last_notified_at`). */
    noticeAt: integer('notice_at').notNull().default(0),
    sentAt: integer('sent_at').notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    error: text('error'),
  },
  (table) => [
    // "Whom it reached" on an alert's detail.
    index('alert_deliveries_instance_idx').on(table.instanceId),
    // A redelivered queue message finds the channels already done and does not send them twice.
    uniqueIndex('alert_deliveries_once_idx')
      .on(table.instanceId, table.userId, table.channel, table.noticeAt)
      .where(sql`${table.ok} = 1`),
  ],
);
