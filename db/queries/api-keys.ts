import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { apiKeys } from '../schema/api-keys.ts';
import { clinics } from '../schema/clinics.ts';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(db: Database, key: typeof apiKeys.$inferInsert): Promise<void> {
  await db.insert(apiKeys).values(key);
}

/** A clinic's keys for its settings page, newest first; revoked ones stay listed as revoked. */
export async function listApiKeys(db: Database, clinicId: string): Promise<ApiKeyRow[]> {
  return db.select().from(apiKeys).where(eq(apiKeys.clinicId, clinicId)).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** The key with this prefix, unless its clinic is archived (an archived clinic's keys open nothing). */
export async function findApiKeyByPrefix(db: Database, prefix: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db
    .select({ key: apiKeys })
    .from(apiKeys)
    .innerJoin(clinics, and(eq(clinics.id, apiKeys.clinicId), isNull(clinics.archivedAt)))
    .where(eq(apiKeys.prefix, prefix))
    .limit(1);
  return row?.key;
}

/** Revokes a live key of this clinic; false when there is none (unknown, other clinic, already revoked). */
export async function revokeApiKey(db: Database, clinicId: string, keyId: string, now: number): Promise<boolean> {
  const revoked = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.clinicId, clinicId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return revoked.length > 0;
}

export async function touchApiKey(db: Database, keyId: string, now: number): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, keyId));
}

/** Revokes every live key of a clinic with this name (e.g. the demo simulator's from an earlier run). */
export async function revokeApiKeysNamed(db: Database, clinicId: string, name: string, now: number): Promise<void> {
  await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.clinicId, clinicId), eq(apiKeys.name, name), isNull(apiKeys.revokedAt)));
}
