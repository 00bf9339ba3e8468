import type { IngestOutcome } from '../clinic-queue/ingestion.ts';
import { checkedBatch, type RefusedEvent } from '../domain/ingest-batch.ts';
import type { QueueEvent } from '../domain/queue-events.ts';
import { failed, succeeded, type Result } from './result.ts';

/** What ingestion needs beyond the batch: the clinic's live queue and the ingestion counter. */
export interface IngestionPorts {
  /** The clinic's live queue, which applies each event id once, however often it is sent. */
  applyToQueue(events: QueueEvent[]): Promise<IngestOutcome>;
  /** Counts events refused by their schema: they never reach the queue, which counts all the others. */
  countRefused(types: readonly string[]): void;
}

export interface IngestSummary {
  accepted: number;
  duplicates: number;
  rejected: RefusedEvent[];
}

/**
 * A batch from a clinic's queue app: each event checked on its own, the valid ones applied by the
 * clinic's live queue. `clinic_archived`: a key this isolate still trusted (authenticate.ts) for a
 * clinic archived since, refused all the same.
 */
export async function ingestEvents(ports: IngestionPorts, events: readonly unknown[]): Promise<Result<IngestSummary, 'clinic_archived'>> {
  const { valid, refused, refusedTypes } = checkedBatch(events);
  if (refusedTypes.length > 0) ports.countRefused(refusedTypes);
  const outcome = valid.length > 0 ? await ports.applyToQueue(valid) : { archived: false, accepted: 0, duplicates: 0, rejected: [] };
  if (outcome.archived) return failed('clinic_archived');
  return succeeded({ accepted: outcome.accepted, duplicates: outcome.duplicates, rejected: [...refused, ...outcome.rejected] });
}
