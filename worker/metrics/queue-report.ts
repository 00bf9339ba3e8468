import type { QueueReport } from './batch.ts';

/**
 * While an outbox is not empty its queue says so again this often, so the lag the Metrics object
 * shows follows the oldest row as batches go out.
 */
const REPORT_BEHIND_EVERY_MS = 10_000;

/**
 * Whether a clinic queue should tell the Metrics object how it stands: on a change that matters
 * (outbox empty or not, phones connected) and periodically while behind, but not after every
 * 100 ms flush of a busy clinic, which would cost the single Metrics object one write each.
 */
export function reportDue(last: QueueReport | undefined, next: QueueReport): boolean {
  if (last === undefined) return true;
  if ((last.outboxRows === 0) !== (next.outboxRows === 0) || last.sockets !== next.sockets) return true;
  return next.outboxRows > 0 && next.reportedAt - last.reportedAt >= REPORT_BEHIND_EVERY_MS;
}
