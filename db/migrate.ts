import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Database } from './client.ts';

/** The generated, append-only SQL migrations (drizzle-kit output). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * Applies every migration not yet recorded in `__drizzle_migrations`, in one batch.
 * Running it again applies nothing. Node only: it reads the migrations from disk.
 */
export async function applyMigrations(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
