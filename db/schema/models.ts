import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Models fitted over the whole service, one row per kind, replaced by the nightly job: today the
 * walk-out risk's, which young clinics' own models are shrunk toward (walk-out-risk.ts).
 */
export const serviceModels = sqliteTable('service_models', {
  kind: text('kind').primaryKey(),
  /** The model as JSON, checked by its schema when read. */
  model: text('model').notNull(),
  clinics: integer('clinics').notNull(),
  entries: integer('entries').notNull(),
  fittedAt: integer('fitted_at').notNull(),
});
