import type { Database } from '../../db/client.ts';
import { pruneLoginAttempts } from '../../db/queries/login-failures.ts';
import { deleteRawRowsBefore, type RawTable } from '../../db/queries/retention.ts';
import { pruneEndedSessionSockets } from '../../db/queries/sessions.ts';
import { THROTTLE_WINDOW_MS } from '../domain/attempt-throttle.ts';

/** Socket records outlive their session's revocation by this much: a logout under way still reads them. */
const SOCKET_RECORDS_KEPT_MS = 3_600_000;
/** Rows per table per statement: a short write transaction, even on a busy database. */
const ROWS_PER_BATCH = 2_000;
/** Batches per run: a run stays well inside a scheduled handler's time; the next run goes on. */
const MAX_BATCHES = 50;

export interface RetentionRun {
  cutoff: number;
  deleted: Record<RawTable, number>;
  /** False when rows older than the cutoff remain for the next run. */
  complete: boolean;
}

/**
 * Deletes raw rows older than `retentionDays` before `now`, in bounded batches, the password
 * attempts that no longer count for the throttle, and the live-socket records of revoked sessions.
 */
export async function runRetention(db: Database, now: number, retentionDays: number): Promise<RetentionRun> {
  await pruneLoginAttempts(db, now - THROTTLE_WINDOW_MS);
  await pruneEndedSessionSockets(db, now - SOCKET_RECORDS_KEPT_MS);
  const cutoff = now - retentionDays * 86_400_000;
  const deleted: Record<RawTable, number> = { events: 0, entries: 0, sms: 0 };
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const round = await deleteRawRowsBefore(db, cutoff, ROWS_PER_BATCH);
    for (const table of Object.keys(round) as RawTable[]) deleted[table] += round[table];
    if (Object.values(round).every((count) => count < ROWS_PER_BATCH)) return { cutoff, deleted, complete: true };
  }
  return { cutoff, deleted, complete: false };
}
