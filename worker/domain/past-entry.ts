/**
 * What a clinic's day-ahead models learn from: its entries of the weeks before, the few columns
 * the wait estimator (wait-estimate.ts), the walk-out risk (walk-out-risk.ts) and the hour's
 * baselines (hour-baselines.ts) read. The ClinicQueue keeps these rows for 28 days.
 */
import type { QueueEntryRow } from './queue-projection.ts';

export type ModelHistoryEntry = Pick<
  QueueEntryRow,
  'id' | 'clinicDay' | 'state' | 'method' | 'checkedInAt' | 'calledAt' | 'completedAt' | 'noShowAt' | 'cancelledAt' | 'unfinishedAt' | 'quoteWaitMinutes'
>;
