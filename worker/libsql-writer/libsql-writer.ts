import { DurableObject } from 'cloudflare:workers';
import { isDatabaseUnreachable } from '../../db/errors.ts';
import { mergeQueueWrites, queueWriteRows, saveQueueWrite, type QueueWrite } from '../../db/queries/queue-writes.ts';
import { durableObjectRuntime } from '../runtime/durable-object-runtime.ts';
import type { Runtime } from '../runtime/runtime.ts';

/** Rows per group transaction: large enough to carry a busy second, short enough not to stall readers. */
const ROWS_PER_TRANSACTION = 2_000;

interface PendingWrite {
  write: QueueWrite;
  rows: number;
  done: () => void;
  failed: (error: unknown) => void;
}

/**
 * Write-behind committers in front of libSQL. libSQL has one writer at a time; many clinics each
 * sending their own transaction only queue up inside sqld, and past a few dozen concurrent
 * writers its write queue stalls. So every ClinicQueue hands its outbox batches to one of these,
 * and each commits what arrived while its previous transaction ran as a single transaction
 * (group commit): at most `LIBSQL_WRITER_SHARDS` transactions at once (stub.ts), whatever the
 * number of clinics, and fewer, larger commits under load.
 */
export class LibsqlWriter extends DurableObject<Env> {
  /** The write-behind is most of libSQL's write load: its commits are timed like every request's queries. */
  readonly #runtime: Runtime;
  #pending: PendingWrite[] = [];
  #committing = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#runtime = durableObjectRuntime(ctx, env, 'LibsqlWriter');
  }

  /** Resolves once libSQL has committed `write`; rejects when it could not, and nothing of it is stored. */
  save(write: QueueWrite): Promise<void> {
    return new Promise<void>((done, failed) => {
      this.#pending.push({ write, rows: queueWriteRows(write), done, failed });
      void this.#commitPending();
    });
  }

  async #commitPending(): Promise<void> {
    if (this.#committing) return;
    this.#committing = true;
    try {
      for (let group = this.#takeGroup(); group.length > 0; group = this.#takeGroup()) await this.#commit(group);
    } finally {
      this.#committing = false;
    }
  }

  #takeGroup(): PendingWrite[] {
    let rows = 0;
    let count = 0;
    for (const pending of this.#pending) {
      if (count > 0 && rows + pending.rows > ROWS_PER_TRANSACTION) break;
      rows += pending.rows;
      count += 1;
    }
    return this.#pending.splice(0, count);
  }

  async #commit(group: PendingWrite[]): Promise<void> {
    const { db } = this.#runtime;
    try {
      await saveQueueWrite(db, mergeQueueWrites(group.map((pending) => pending.write)));
      for (const pending of group) pending.done();
    } catch (error) {
      if (group.length === 1 || isDatabaseUnreachable(error)) {
        for (const pending of group) pending.failed(error);
        return;
      }
      // One clinic's bad rows must not hold back the others: each write alone says whose they are.
      for (const pending of group) {
        try {
          await saveQueueWrite(db, pending.write);
          pending.done();
        } catch (alone) {
          pending.failed(alone);
        }
      }
    }
  }
}
