import type { InArgs } from '@libsql/client/web';
import type { SQLWrapper } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import type { Database } from './client.ts';

const dialect = new SQLiteAsyncDialect();

/**
 * Runs write statements as one transaction that takes the write lock before its first statement
 * (`BEGIN IMMEDIATE`). drizzle's `db.batch` opens a deferred transaction, which reads first and
 * upgrades to a writer later; under many concurrent writers sqld then stalls (its write queue
 * hands the lock to transactions whose snapshot is already stale), and nothing commits for
 * minutes. Taking the lock up front makes each transaction wait its turn instead.
 * Answers how many rows each statement changed, in order.
 */
export async function writeBatch(db: Database, statements: readonly SQLWrapper[]): Promise<number[]> {
  if (statements.length === 0) return [];
  const built = statements.map((statement) => {
    const query = dialect.sqlToQuery(statement.getSQL());
    return { sql: query.sql, args: query.params as InArgs };
  });
  const results = await db.$client.batch(built, 'write');
  return results.map((result) => result.rowsAffected);
}
