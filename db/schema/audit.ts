import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { AUDIT_ACTOR_KINDS } from '../../worker/domain/vocabulary.ts';

/** Who did what, when, to which clinic. Append-only; IP addresses only as keyed hashes. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actorKind: text('actor_kind', { enum: AUDIT_ACTOR_KINDS }).notNull(),
    actorId: text('actor_id'),
    /** The actor's role when it acted (super_admin, clinic_owner, staff), or null for keys and the system. */
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    clinicId: text('clinic_id'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    success: integer('success', { mode: 'boolean' }).notNull(),
    /** The error code answered when the action failed. */
    errorCode: text('error_code'),
    ipHash: text('ip_hash'),
    userAgent: text('user_agent'),
    /** Small JSON object describing the change. */
    detail: text('detail'),
  },
  (table) => [
    // Audit viewer: newest first, optionally one clinic or one actor or one action.
    index('audit_log_at_idx').on(table.at),
    index('audit_log_clinic_at_idx').on(table.clinicId, table.at),
    index('audit_log_actor_at_idx').on(table.actorId, table.at),
    index('audit_log_action_at_idx').on(table.action, table.at),
    index('audit_log_target_at_idx').on(table.targetType, table.at),
  ],
);
