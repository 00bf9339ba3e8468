import type { QueueReport } from './batch.ts';

/** Every clinic queue's last report, as one figure each: what /metrics and health show. */
export interface QueueSummary {
  /** Clinic queues that ever reported. */
  reporting: number;
  /** Rows waiting for libSQL, all outboxes together. */
  backlogRows: number;
  /** Clinics whose outbox is not empty. */
  clinicsBehind: number;
  /**
   * Age now of the oldest row still waiting anywhere; 0 when every outbox is empty. Measured from
   * when the row was enqueued, so a queue that stopped reporting keeps ageing instead of hiding.
   */
  lagSeconds: number;
  /** Phones connected to a live queue. */
  sockets: number;
}

export function summarizeQueues(reports: Iterable<QueueReport>, now: number): QueueSummary {
  const summary: QueueSummary = { reporting: 0, backlogRows: 0, clinicsBehind: 0, lagSeconds: 0, sockets: 0 };
  for (const report of reports) {
    summary.reporting += 1;
    summary.sockets += report.sockets;
    if (report.outboxRows === 0) continue;
    summary.backlogRows += report.outboxRows;
    summary.clinicsBehind += 1;
    if (report.oldestEnqueuedAt !== null) summary.lagSeconds = Math.max(summary.lagSeconds, Math.max(0, now - report.oldestEnqueuedAt) / 1000);
  }
  return summary;
}
