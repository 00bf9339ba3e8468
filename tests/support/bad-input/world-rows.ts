import { getTableColumns, getTableName, inArray, is, or, type SQL } from 'drizzle-orm';
import { SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/schema/index.ts';
import { testDatabase, type World } from '../world.ts';

/**
 * Columns that say whose a row is. Every table with one of them is read, so a table added later
 * is covered with no edit here; tables with none (business snapshots, dead letters, the mail
 * outbox, login failures) hold nothing of one world's.
 */
const OWNER_COLUMNS = new Set(['clinic_id', 'user_id', 'actor_id', 'created_by', 'target_id']);

/**
 * Columns that authentication itself writes on any request, whatever its input: a session's
 * sliding expiry and an API key's "last used" (each at most once a minute). They are bookkeeping
 * of who called, not effects of what was sent. Login failures (throttling) live in a table of
 * their own, keyed by a hash, outside every world.
 */
const BOOKKEEPING = new Set(['sessions.last_seen_at', 'sessions.expires_at', 'api_keys.last_used_at']);

/** Per table, the sorted rows that belong to the world's clinics and people. */
export type WorldRows = Record<string, string[]>;

/**
 * Every row of the world in the shared database: the test database is shared with the other test
 * files running at the same time, so only rows of this world's clinics and people are compared.
 */
export async function worldRows(world: World): Promise<WorldRows> {
  const clinicIds = [world.clinicA, world.clinicB];
  const userIds = [world.superAdmin, world.ownerA, world.staffA, world.ownerB].map((person) => person.id);
  const owned = [...clinicIds, ...userIds];
  const db = testDatabase();
  const reads = (Object.values(schema) as unknown[])
    .filter((table): table is SQLiteTable => is(table, SQLiteTable))
    .flatMap((table) => {
      const name = getTableName(table);
      const columns = Object.entries(getTableColumns(table) as Record<string, SQLiteColumn>);
      const conditions: SQL[] = columns.filter(([, column]) => OWNER_COLUMNS.has(column.name)).map(([, column]) => inArray(column, owned));
      const id = columns.find(([, column]) => column.name === 'id')?.[1];
      if ((name === 'clinics' || name === 'users') && id !== undefined) conditions.push(inArray(id, owned));
      const where = or(...conditions);
      const ignored = new Set(columns.filter(([, column]) => BOOKKEEPING.has(`${name}.${column.name}`)).map(([key]) => key));
      return where === undefined ? [] : [{ name, ignored, query: db.select().from(table).where(where) }];
    });
  const [first, ...rest] = reads;
  if (first === undefined) return {};
  const results = await db.batch([first.query, ...rest.map((read) => read.query)]);
  return Object.fromEntries(
    reads.map((read, index) => {
      const rows = (results[index] ?? []) as Array<Record<string, unknown>>;
      const kept = rows.map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([key]) => !read.ignored.has(key)))));
      return [read.name, kept.sort()];
    }),
  );
}

/** What changed between two readings: rows that appeared and rows that went, per table. */
export function rowChanges(before: WorldRows, after: WorldRows): string[] {
  const changes: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const earlier = new Set(before[table] ?? []);
    const later = new Set(after[table] ?? []);
    for (const row of later) if (!earlier.has(row)) changes.push(`${table} + ${row.slice(0, 400)}`);
    for (const row of earlier) if (!later.has(row)) changes.push(`${table} − ${row.slice(0, 400)}`);
  }
  return changes;
}
