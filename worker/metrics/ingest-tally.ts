import type { QueueEvent } from '../domain/queue-events.ts';
import type { QueueChanges } from '../domain/queue-projection.ts';
import type { EntryState } from '../domain/vocabulary.ts';
import type { MetricsRecorder } from './recorder.ts';

/**
 * What one batch of events did, for `pulse_events_ingested_total`, `pulse_queue_entries_total` and
 * `pulse_sms_sent_total`. Counted in the ClinicQueue, the single writer, because only there is
 * everything known: reception's events too, and the kind of an SMS whose status arrives later.
 */
export class IngestTally {
  readonly #accepted = new Set<QueueEvent>();
  readonly #entries: EntryState[] = [];
  readonly #sms: Array<{ kind: string; status: string }> = [];

  /** An applied event and the rows it changed; `before` is its entry's state before it. */
  accepted(event: QueueEvent, before: EntryState | undefined, changes: QueueChanges): void {
    this.#accepted.add(event);
    const { entry, sms } = changes;
    if (entry !== null && (entry.inserted || before !== entry.row.state)) this.#entries.push(entry.row.state);
    if (sms !== null) this.#sms.push({ kind: sms.row.kind, status: sms.row.status });
  }

  /** Entries the day's end closed as unfinished (the first event after midnight closed it). */
  closedUnfinished(count: number): void {
    for (let closed = 0; closed < count; closed += 1) this.#entries.push('unfinished');
  }

  /**
   * Counts the batch once it is stored: accepted events as told; of the others, those whose id the
   * outcome rejected (as many times as it did), and the rest as duplicates.
   */
  record(metrics: MetricsRecorder, events: readonly QueueEvent[], rejected: ReadonlyArray<{ id: string }>): void {
    const rejections = new Map<string, number>();
    for (const { id } of rejected) rejections.set(id, (rejections.get(id) ?? 0) + 1);
    for (const event of events) {
      let result = 'accepted';
      if (!this.#accepted.has(event)) {
        const left = rejections.get(event.id) ?? 0;
        result = left > 0 ? 'rejected' : 'duplicate';
        if (left > 0) rejections.set(event.id, left - 1);
      }
      metrics.count('pulse_events_ingested_total', { type: event.type, result });
    }
    for (const status of this.#entries) metrics.count('pulse_queue_entries_total', { status });
    for (const labels of this.#sms) metrics.count('pulse_sms_sent_total', labels);
  }
}
