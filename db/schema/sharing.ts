import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { SHARE_SCOPES } from '../../worker/domain/vocabulary.ts';
import { users } from './accounts.ts';
import { clinics } from './clinics.ts';

/**
 * A note on a day of the charts ("médecin remplaçant"). `clinicId` null: a service-wide note
 * written by the super admin ("panne du fournisseur SMS"), shown on every clinic's charts.
 */
export const annotations = sqliteTable(
  'annotations',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').references(() => clinics.id),
    /** The clinic day (YYYY-MM-DD) the note is about. */
    day: text('day').notNull(),
    /** At most 200 characters, no control characters (the route checks). */
    text: text('text').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    // A chart's window: one clinic's notes (and the service's) between two days.
    index('annotations_clinic_day_idx').on(table.clinicId, table.day),
  ],
);

/**
 * A read-only link to a clinic's live day (and, for `history`, its Historique), for someone
 * without an account. Only the SHA-256 of its token is kept; it answers until it expires or is
 * revoked.
 */
export const shareLinks = sqliteTable(
  'share_links',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    tokenHash: text('token_hash').notNull().unique(),
    scope: text('scope', { enum: SHARE_SCOPES }).notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (table) => [
    // The owner's list of a clinic's links.
    index('share_links_clinic_idx').on(table.clinicId, table.createdAt),
  ],
);
