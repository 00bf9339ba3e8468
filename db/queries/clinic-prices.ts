/**
 * A clinic's plan price over time (`clinic_prices`): the first row is written with the clinic, a
 * change adds a row effective at its instant, and every past MRR reads the price that was in force
 * then (`priceAt`), so changing a price today leaves last week's MRR as it was.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { clinicPrices, clinics } from '../schema/clinics.ts';
import { writeBatch } from '../write-batch.ts';

type NewClinic = typeof clinics.$inferInsert;

/** Each new clinic's first price: its plan from its creation, set by nobody (the creation itself). */
export function firstPrices(rows: readonly NewClinic[]): Array<typeof clinicPrices.$inferInsert> {
  return rows.map((row) => ({ clinicId: row.id, effectiveAt: row.createdAt, priceMinor: row.planPriceMinor, changedBy: null, createdAt: row.createdAt }));
}

/**
 * The statements that create clinics with their first price, for one batch (the price row's
 * foreign key needs the clinic first). `ifAbsent`: rows already there are left as they are (the
 * demo seed runs again on every start).
 */
export function clinicInserts(db: Database, rows: readonly NewClinic[], options: { ifAbsent?: boolean } = {}): SQLWrapper[] {
  if (rows.length === 0) return [];
  const clinicRows = db.insert(clinics).values([...rows]);
  const priceRows = db.insert(clinicPrices).values(firstPrices(rows));
  return options.ifAbsent === true ? [clinicRows.onConflictDoNothing(), priceRows.onConflictDoNothing()] : [clinicRows, priceRows];
}

/** Creates clinics and their first price together (test fixtures, tools). */
export async function insertClinics(db: Database, rows: readonly NewClinic[]): Promise<void> {
  await writeBatch(db, clinicInserts(db, rows));
}

/**
 * The price row of a change at `at`. A second change within the same millisecond replaces the
 * first (the key is the clinic and the instant): the price in force from then is the last one set.
 */
export function priceChange(db: Database, change: { clinicId: string; at: number; priceMinor: number; changedBy: string | null }): SQLWrapper {
  const row = { clinicId: change.clinicId, effectiveAt: change.at, priceMinor: change.priceMinor, changedBy: change.changedBy, createdAt: change.at };
  return db
    .insert(clinicPrices)
    .values(row)
    .onConflictDoUpdate({ target: [clinicPrices.clinicId, clinicPrices.effectiveAt], set: { priceMinor: row.priceMinor, changedBy: row.changedBy } });
}

/**
 * The plan price of the clinic `clinicId` (an outer query's column) in force at `at`: one seek on
 * the `(clinic_id, effective_at)` key for the latest row not after `at`. A clinic written without
 * its first price row (by hand, outside the API) counts at its current plan rather than at nothing.
 */
export function priceAt(clinicId: SQLWrapper, currentPrice: SQLWrapper, at: number | SQLWrapper): SQL<number> {
  return sql<number>`coalesce((select p.price_minor from clinic_prices as p where p.clinic_id = ${clinicId} and p.effective_at <= ${at} order by p.effective_at desc limit 1), ${currentPrice})`;
}
