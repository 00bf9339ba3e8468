import { queueEventSchema, type QueueEvent } from './queue-events.ts';
import { EVENT_TYPES } from './vocabulary.ts';

/** One event of a batch refused, named by its id (or its place in the batch) and why. */
export interface RefusedEvent {
  id: string;
  error: { code: string; message: string };
}

/** What the queue app is told about a batch: the one answer of `POST /ingest/events`. */
export interface IngestAnswer {
  accepted: number;
  duplicates: number;
  rejected: RefusedEvent[];
}

/** A batch as its schemas see it: the events to apply, and those refused before reaching the queue. */
export interface CheckedBatch {
  valid: QueueEvent[];
  refused: RefusedEvent[];
  /** The `type` label of each refused event, for the ingestion counter. */
  refusedTypes: string[];
}

/**
 * Checks each event of a batch on its own, so one bad event does not sink the others; a refused
 * event keeps its id (or `#index` when it has none) so the queue app knows which one to fix.
 */
export function checkedBatch(events: readonly unknown[]): CheckedBatch {
  const batch: CheckedBatch = { valid: [], refused: [], refusedTypes: [] };
  events.forEach((raw, index) => {
    const parsed = queueEventSchema.safeParse(raw);
    if (parsed.success) {
      batch.valid.push(parsed.data);
      return;
    }
    const message = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`).join('; ');
    batch.refused.push({ id: idOf(raw, index), error: { code: 'VALIDATION_FAILED', message } });
    batch.refusedTypes.push(typeLabelOf(raw));
  });
  return batch;
}

/** The `type` label of an event refused by its schema: its type when it names a known one. */
function typeLabelOf(raw: unknown): string {
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? raw.type : undefined;
  return EVENT_TYPES.find((known) => known === type) ?? 'invalid';
}

function idOf(raw: unknown, index: number): string {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string') return raw.id.slice(0, 64);
  return `#${index}`;
}
