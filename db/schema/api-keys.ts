import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts.ts';
import { clinics } from './clinics.ts';

/**
 * The queue app's credential for one clinic: `prefix` identifies the key and is shown in lists,
 * the secret part is stored only as a hash.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    name: text('name').notNull(),
    /** Looked up on every ingestion request, hence unique. */
    prefix: text('prefix').notNull().unique(),
    secretHash: text('secret_hash').notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (table) => [
    // Key list of a clinic's settings page.
    index('api_keys_clinic_idx').on(table.clinicId, table.createdAt),
  ],
);
