import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CLINIC_ROLES } from '../../worker/domain/vocabulary.ts';
import { setupTokens, users } from './accounts.ts';
import { clinics } from './clinics.ts';

/**
 * An invitation of a person to a clinic with a role (an owner by the super admin, staff by an
 * owner). The membership is granted when it is made; its state (worker/domain/invitation-state.ts)
 * is read from these columns and from whether the person has chosen a password yet.
 */
export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: CLINIC_ROLES }).notNull(),
    invitedBy: text('invited_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    /** When the latest e-mail (and link) went out: the invitation, or its last resend. */
    sentAt: integer('sent_at').notNull(),
    /** When the latest link stops opening: `sentAt` + 7 days. */
    expiresAt: integer('expires_at').notNull(),
    /** The link e-mailed last, whose setup token a resend or a revocation spends; null when none was needed (the person had a password). */
    tokenHash: text('token_hash').references(() => setupTokens.tokenHash),
    /** Set when made for someone who already had a password: they had the clinic at once. */
    acceptedAt: integer('accepted_at'),
    revokedAt: integer('revoked_at'),
  },
  (table) => [
    // A clinic's invitations, newest first (GET /clinics/{id}/invitations).
    index('invitations_clinic_created_idx').on(table.clinicId, table.createdAt),
    // Inviting again someone whose invitation to this clinic is still open finds it.
    index('invitations_user_clinic_idx').on(table.userId, table.clinicId),
  ],
);
