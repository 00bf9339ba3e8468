/**
 * `npm run db:migrate`: applies the pending migrations to LIBSQL_URL (Turso, with
 * LIBSQL_AUTH_TOKEN) when set, else to the local default database in .data/.
 */
import { applyMigrations } from '../db/migrate.ts';
import { withDatabase } from './lib/local-database.ts';

await withDatabase(async (db, where) => {
  await applyMigrations(db);
  process.stdout.write(`Migrations applied to ${where}\n`);
});
