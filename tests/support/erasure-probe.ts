import { testDatabase } from './world.ts';

/**
 * Reads the whole database the way an auditor of an erasure would: every table sqlite_master
 * lists, every column, without knowing the schema — a table added later is searched too.
 */
export interface TableColumns {
  table: string;
  columns: string[];
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function everyTable(): Promise<TableColumns[]> {
  const client = testDatabase().$client;
  const tables = await client.execute(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_litestream%' order by name`);
  return Promise.all(
    tables.rows.map(async (row) => {
      const table = String(row.name);
      const columns = await client.execute(`select name from pragma_table_info(${`'${table.replaceAll("'", "''")}'`})`);
      return { table, columns: columns.rows.map((column) => String(column.name)) };
    }),
  );
}

/** Per table, the rows with a column whose text contains one of `texts` (case ignored); tables with none left out. */
export async function rowsMentioning(texts: readonly string[], options: { except?: readonly string[] } = {}): Promise<Record<string, number>> {
  const client = testDatabase().$client;
  const found: Record<string, number> = {};
  for (const { table, columns } of await everyTable()) {
    if (options.except?.includes(table) === true) continue;
    const conditions = columns.flatMap((column) => texts.map(() => `instr(lower(cast(${quoted(column)} as text)), ?) > 0`));
    const args = columns.flatMap(() => texts.map((text) => text.toLowerCase()));
    const result = await client.execute({ sql: `select count(*) as n from ${quoted(table)} where ${conditions.join(' or ')}`, args });
    const count = Number(result.rows[0]?.n ?? 0);
    if (count > 0) found[table] = count;
  }
  return found;
}

/** Per table, the rows whose column named like `clinic_id` holds `clinicId`; tables with none left out. */
export async function rowsKeyedByClinic(clinicId: string, options: { except?: readonly string[] } = {}): Promise<Record<string, number>> {
  const client = testDatabase().$client;
  const found: Record<string, number> = {};
  for (const { table, columns } of await everyTable()) {
    if (options.except?.includes(table) === true) continue;
    const keyed = columns.filter((column) => column.includes('clinic_id'));
    if (keyed.length === 0) continue;
    const result = await client.execute({ sql: `select count(*) as n from ${quoted(table)} where ${keyed.map((column) => `${quoted(column)} = ?`).join(' or ')}`, args: keyed.map(() => clinicId) });
    const count = Number(result.rows[0]?.n ?? 0);
    if (count > 0) found[table] = count;
  }
  return found;
}

/** Every row (all columns, as JSON text) of `table` whose `column` is `value`, in a stable order. */
export async function rowsWhere(table: string, column: string, value: string): Promise<string[]> {
  const result = await testDatabase().$client.execute({ sql: `select * from ${quoted(table)} where ${quoted(column)} = ? order by 1, 2`, args: [value] });
  return result.rows.map((row) => JSON.stringify(row));
}
