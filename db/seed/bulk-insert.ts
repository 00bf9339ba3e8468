/**
 * Writes many rows fast and safely: rows are buffered per table into multi-row
 * `insert … on conflict do nothing` statements, grouped in batches (one transaction and one HTTP
 * round trip each), with a second batch in flight while sqld writes the first. Drizzle's per-row
 * query builder costs more than the database at this volume, so the SQL text is built once per
 * shape from the drizzle table's own column list: it cannot drift from the schema.
 *
 * Foreign keys are not checked in these batches (libSQL's `migrate` runs a batch that way): the
 * seed writes the clinics its rows refer to last, so a seed cut short leaves no clinic behind and
 * is recognised as not done.
 */
import type { InStatement, InValue } from '@libsql/client/web';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../client.ts';

/** SQLite allows 32,766 bound values per statement; this stays well under while keeping statements few. */
const VALUES_PER_STATEMENT = 4_000;
/** Statements per batch: big enough to amortise the round trip, small enough to keep each transaction short. */
const STATEMENTS_PER_BATCH = 8;
/** Batches in flight: sqld writes one at a time; a second one hides encoding and network time, more only wait for the lock. */
const BATCHES_IN_FLIGHT = 2;
/** sqld can make writers wait while it compacts its log; a batch is idempotent, so it is simply sent again. */
const BUSY_RETRIES = 20;

export interface BulkInserter {
  /** Queues `rows` (every column present); resolves once they are accepted into the pipeline. */
  insert<Table extends SQLiteTable>(table: Table, rows: readonly Table['$inferSelect'][]): Promise<void>;
  /** Writes everything still buffered and waits for every batch; throws the first failure. */
  flush(): Promise<void>;
  /** Rows written so far. */
  readonly written: number;
}

interface TableBuffer {
  name: string;
  columns: [key: string, sqlName: string][];
  rowsPerStatement: number;
  rows: number;
  args: InValue[];
}

/** An inserter for one seeding run; call `flush` at the end. */
export function createBulkInserter(db: Database): BulkInserter {
  const buffers = new Map<SQLiteTable, TableBuffer>();
  const statementCache = new Map<string, string>();
  let pending: { statement: InStatement; rows: number }[] = [];
  let written = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;

  function bufferOf(table: SQLiteTable): TableBuffer {
    let buffer = buffers.get(table);
    if (buffer === undefined) {
      const columns = Object.entries(getTableColumns(table)).map(([key, column]): [string, string] => [key, column.name]);
      buffer = { name: getTableName(table), columns, rowsPerStatement: Math.max(1, Math.floor(VALUES_PER_STATEMENT / columns.length)), rows: 0, args: [] };
      buffers.set(table, buffer);
    }
    return buffer;
  }

  function statementOf(buffer: TableBuffer): void {
    if (buffer.rows === 0) return;
    const shape = `${buffer.name}:${buffer.rows}`;
    let sql = statementCache.get(shape);
    if (sql === undefined) {
      const names = buffer.columns.map(([, name]) => `"${name}"`).join(', ');
      const tuple = `(${buffer.columns.map(() => '?').join(', ')})`;
      sql = `insert into "${buffer.name}" (${names}) values ${Array(buffer.rows).fill(tuple).join(', ')} on conflict do nothing`;
      statementCache.set(shape, sql);
    }
    pending.push({ statement: { sql, args: buffer.args }, rows: buffer.rows });
    buffer.rows = 0;
    buffer.args = [];
  }

  function dispatch(): void {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const write = writeWithRetry(db, batch.map((item) => item.statement))
      .then(() => {
        written += batch.reduce((sum, item) => sum + item.rows, 0);
      })
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
  }

  async function drainTo(limit: number): Promise<void> {
    while (inFlight.size > limit) await Promise.race(inFlight);
    if (failure !== null) throw failure;
  }

  return {
    get written() {
      return written;
    },
    async insert(table, rows) {
      const buffer = bufferOf(table);
      for (const row of rows) {
        const record: Record<string, unknown> = row;
        for (const [key] of buffer.columns) buffer.args.push(sqlValue(record[key], key));
        buffer.rows += 1;
        if (buffer.rows < buffer.rowsPerStatement) continue;
        statementOf(buffer);
        if (pending.length < STATEMENTS_PER_BATCH) continue;
        dispatch();
        await drainTo(BATCHES_IN_FLIGHT - 1);
      }
    },
    async flush() {
      for (const buffer of buffers.values()) statementOf(buffer);
      while (pending.length > 0) {
        const rest = pending.splice(STATEMENTS_PER_BATCH);
        dispatch();
        pending = rest;
        await drainTo(BATCHES_IN_FLIGHT - 1);
      }
      await drainTo(0);
    },
  };
}

async function writeWithRetry(db: Database, statements: InStatement[]): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db.$client.migrate(statements);
      return;
    } catch (error) {
      if (attempt >= BUSY_RETRIES || !isBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_BUSY';
}

function sqlValue(value: unknown, key: string): InValue {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  // JSON columns (a rollup's histogram of quote errors, a forecast's hours), as drizzle's `mode: 'json'` stores them.
  if (Array.isArray(value) || (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)) return JSON.stringify(value);
  throw new TypeError(`bulk insert: column ${key} has a ${typeof value} value`);
}
