import { describe, expect, it } from 'vitest';
import { emptyBatch, isEmptyBatch, mergeBatch } from './batch.ts';
import { addErrorRecords, MAX_PENDING_ERRORS, type ErrorRecord } from './error-records.ts';

const record = (at: number, message: string | null = 'Internal error'): ErrorRecord => ({ at, requestId: `r-${at}`, route: '/api/v1/clinics/:clinicId/queue', method: 'GET', status: 500, code: message === null ? null : 'INTERNAL', message });

describe('error records in a metrics batch', () => {
  it('should make a batch not empty, and travel with it when batches merge', () => {
    const batch = emptyBatch();
    addErrorRecords(batch.errors ?? [], [record(1)]);
    expect(isEmptyBatch(batch)).toBe(false);
    const into = emptyBatch();
    mergeBatch(into, batch);
    // A batch sent by an older isolate has no errors at all.
    mergeBatch(into, { counters: {}, histograms: {}, queues: {} });
    expect(into.errors).toEqual([record(1)]);
  });

  it(`should hold at most ${MAX_PENDING_ERRORS} between two flushes, the earliest, with messages cut to a sentence`, () => {
    const pending: ErrorRecord[] = [];
    addErrorRecords(pending, Array.from({ length: MAX_PENDING_ERRORS + 50 }, (_, at) => record(at)));
    expect(pending).toHaveLength(MAX_PENDING_ERRORS);
    expect(pending.at(-1)?.at).toBe(MAX_PENDING_ERRORS - 1);
    const long: ErrorRecord[] = [];
    addErrorRecords(long, [record(1, 'x'.repeat(1_000)), record(2, null)]);
    expect(long.map((kept) => kept.message?.length ?? null)).toEqual([300, null]);
  });
});
