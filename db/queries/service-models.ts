/** The models fitted over the whole service (`service_models`), and the clinics they learn from. */
import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import { SERVICE_WALK_OUT_PRIOR, WalkOutModelSchema, type WalkOutModel } from '../../worker/domain/walk-out-risk.ts';
import type { Database } from '../client.ts';
import { clinics } from '../schema/clinics.ts';
import { serviceModels } from '../schema/models.ts';
import { dailyRollups } from '../schema/rollups.ts';

export type ServiceModelRow = typeof serviceModels.$inferSelect;

export const WALK_OUT_MODEL_KIND = 'walk_out';

/** The service's walk-out model as last fitted, or the documented default when there is none (or it does not hold together). */
export async function readServiceWalkOutModel(db: Database): Promise<WalkOutModel> {
  const row = await readServiceModel(db, WALK_OUT_MODEL_KIND);
  if (row === undefined) return SERVICE_WALK_OUT_PRIOR;
  const parsed = WalkOutModelSchema.safeParse(JSON.parse(row.model));
  return parsed.success ? parsed.data : SERVICE_WALK_OUT_PRIOR;
}

export async function readServiceModel(db: Database, kind: string): Promise<ServiceModelRow | undefined> {
  const [row] = await db.select().from(serviceModels).where(eq(serviceModels.kind, kind)).limit(1);
  return row;
}

export async function writeServiceModel(db: Database, row: ServiceModelRow): Promise<void> {
  await db
    .insert(serviceModels)
    .values(row)
    .onConflictDoUpdate({ target: serviceModels.kind, set: { model: row.model, clinics: row.clinics, entries: row.entries, fittedAt: row.fittedAt } });
}

/**
 * Up to `limit` live clinics with patients since `sinceDay`, drawn at random each night so the
 * service's model hears from every clinic over time, never from the same few.
 */
export async function clinicsWithRecentPatients(db: Database, sinceDay: string, limit: number): Promise<Array<{ id: string; timezone: string }>> {
  return db
    .select({ id: clinics.id, timezone: clinics.timezone })
    .from(clinics)
    .where(
      and(
        isNull(clinics.archivedAt),
        sql`exists (select 1 from ${dailyRollups} where ${dailyRollups.clinicId} = ${clinics.id} and ${gte(dailyRollups.day, sinceDay)} and ${dailyRollups.checkinsQr} + ${dailyRollups.checkinsManual} > 0)`,
      ),
    )
    .orderBy(sql`random()`)
    .limit(limit);
}
