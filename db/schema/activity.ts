import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ACTIVITY_KINDS } from '../../worker/domain/vocabulary.ts';
import { clinics } from './clinics.ts';

/**
 * A clinic's timeline: logins (which drive "active clinics" and churn risk), patients added,
 * calls, SMS, alerts and admin changes.
 */
export const clinicActivity = sqliteTable(
  'clinic_activity',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    kind: text('kind', { enum: ACTIVITY_KINDS }).notNull(),
    occurredAt: integer('occurred_at').notNull(),
    userId: text('user_id'),
    /** Small JSON object (platform, entry id, alert id…); never personal data. */
    detail: text('detail'),
  },
  (table) => [
    // A clinic's timeline of one kind, newest first, and its last login (churn status).
    index('clinic_activity_clinic_kind_idx').on(table.clinicId, table.kind, table.occurredAt),
    // A clinic's whole timeline, newest first (admin clinic detail).
    index('clinic_activity_clinic_occurred_idx').on(table.clinicId, table.occurredAt),
    // DAU / WAU / MAU and active clinics: logins in a time window across clinics.
    index('clinic_activity_kind_occurred_idx').on(table.kind, table.occurredAt),
  ],
);
