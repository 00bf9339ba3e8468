/**
 * Rows read and written, as sqld counts them (the figure Turso bills): the namespace's counters
 * from sqld's admin API, `GET /v1/namespaces/default/stats`, and its per-statement totals. A
 * difference of two readings on an otherwise quiet database is what happened in between.
 */

export interface SqldReading {
  rowsRead: number;
  rowsWritten: number;
  /** The per-statement table's identity: sqld starts a new one now and then, and the two readings then do not compare. */
  statementsId: string | null;
  statements: Map<string, { count: number; rowsRead: number; rowsWritten: number }>;
}

interface StatsAnswer {
  rows_read_count: number;
  rows_written_count: number;
  queries: { id: string; stats: { query: string; count: number; rows_read: number; rows_written: number }[] } | null;
}

export async function readSqldRows(adminUrl: string): Promise<SqldReading> {
  const response = await fetch(`${adminUrl}/v1/namespaces/default/stats`);
  if (!response.ok) throw new Error(`sqld stats answered ${response.status}`);
  const stats = (await response.json()) as StatsAnswer;
  return {
    rowsRead: stats.rows_read_count,
    rowsWritten: stats.rows_written_count,
    statementsId: stats.queries?.id ?? null,
    statements: new Map((stats.queries?.stats ?? []).map((row) => [row.query, { count: row.count, rowsRead: row.rows_read, rowsWritten: row.rows_written }])),
  };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * What happened between two readings, per `per` (requests, digests…): rows read and written, and
 * the statements that read the most, so that a figure that grows says where from.
 */
export function rowsBetween(before: SqldReading, after: SqldReading, per = 1, top = 5) {
  const comparable = before.statementsId !== null && before.statementsId === after.statementsId;
  const statements = [...after.statements]
    .map(([query, now]) => {
      const then = comparable ? before.statements.get(query) : undefined;
      return { query, count: now.count - (then?.count ?? 0), rowsRead: now.rowsRead - (then?.rowsRead ?? 0), rowsWritten: now.rowsWritten - (then?.rowsWritten ?? 0) };
    })
    .filter((row) => row.count > 0)
    .sort((a, b) => b.rowsRead - a.rowsRead);
  return {
    rowsRead: round1((after.rowsRead - before.rowsRead) / per),
    rowsWritten: round1((after.rowsWritten - before.rowsWritten) / per),
    topStatements: statements.slice(0, top).map((row) => ({
      rowsRead: round1(row.rowsRead / per),
      rowsWritten: round1(row.rowsWritten / per),
      runs: round1(row.count / per),
      sql: row.query.replace(/\s+/g, ' ').slice(0, 240),
    })),
    // The totals are exact; sqld's per-statement table is not (it keeps a bounded set of statements).
    statementsNote: comparable ? 'indicative: sqld keeps a bounded set of statements, some runs go uncounted' : 'sqld restarted its per-statement table in between: topStatements count from that restart',
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until sqld's counters stop moving (the Worker's write-behind and background work done),
 * polling every `intervalMs`; gives up after `timeoutMs` and says so.
 */
export async function untilQuiet(adminUrl: string, { quietMs = 1_500, intervalMs = 250, timeoutMs = 30_000 } = {}) {
  const started = performance.now();
  let last = await readSqldRows(adminUrl);
  let stillSince = performance.now();
  for (;;) {
    await sleep(intervalMs);
    const now = await readSqldRows(adminUrl);
    if (now.rowsRead !== last.rowsRead || now.rowsWritten !== last.rowsWritten) [last, stillSince] = [now, performance.now()];
    if (performance.now() - stillSince >= quietMs) return { reading: now, quiet: true };
    if (performance.now() - started > timeoutMs) return { reading: now, quiet: false };
  }
}
