import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A clinic subscribed to the queue app. Money is kept in integer minor units of `currency`
 * (TND has 1000 millimes) so sums never drift; times are epoch milliseconds (UTC).
 */
export const clinics = sqliteTable(
  'clinics',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The name folded for search (no case, no accents: "Médina" → "medina"); written with the name. */
    nameKey: text('name_key').notNull().default(''),
    /** IANA zone, e.g. `Africa/Tunis`: every "today" of this clinic is computed in it. */
    timezone: text('timezone').notNull(),
    planPriceMinor: integer('plan_price_minor').notNull(),
    currency: text('currency').notNull().default('TND'),
    smsUnitCostMinor: integer('sms_unit_cost_minor').notNull(),
    /** The owner's target wait, minutes (PRODUCT: service level); the route keeps it within 5–240. */
    serviceTargetMinutes: integer('service_target_minutes').notNull().default(30),
    /** The owner's monthly SMS budget in minor units of `currency`; null: none (no budget alerts). */
    smsBudgetMinor: integer('sms_budget_minor'),
    createdAt: integer('created_at').notNull(),
    archivedAt: integer('archived_at'),
  },
  (table) => [
    // Admin health table: list live clinics by name.
    index('clinics_archived_name_idx').on(table.archivedAt, table.name),
    check('clinics_plan_price_non_negative', sql`${table.planPriceMinor} >= 0`),
    check('clinics_sms_cost_non_negative', sql`${table.smsUnitCostMinor} >= 0`),
  ],
);

/**
 * A clinic's plan price over time: each row is the price from `effective_at` until the next row's.
 * `clinics.plan_price_minor` stays the current price (what every live read uses); this history is
 * what makes a past MRR exact after a price change. The first row is the clinic's creation.
 */
export const clinicPrices = sqliteTable(
  'clinic_prices',
  {
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    effectiveAt: integer('effective_at').notNull(),
    priceMinor: integer('price_minor').notNull(),
    /** Who changed it (a user id), null for the creation and the backfill. */
    changedBy: text('changed_by'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.clinicId, table.effectiveAt] }),
    check('clinic_prices_price_non_negative', sql`${table.priceMinor} >= 0`),
  ],
);
