import { describe, expect, it } from 'vitest';
import { addCount, addObservation, bucketIndex, emptyBatch, isEmptyBatch, labelText, mergeBatch, mergeTotals, seriesKey, type SeriesTotals } from './batch.ts';

describe('increments and totals', () => {
  it('should add counts and observations per series, whatever the order of the labels', () => {
    const batch = emptyBatch();
    addCount(batch, 'pulse_queue_entries_total', { status: 'waiting' });
    addCount(batch, 'pulse_queue_entries_total', { status: 'waiting' }, 2);
    addCount(batch, 'pulse_api_errors_total', { route: '/a', code: 'FORBIDDEN' });
    addCount(batch, 'pulse_api_errors_total', { code: 'FORBIDDEN', route: '/a' });
    addObservation(batch, 'pulse_db_query_duration_seconds', { query: 'select' }, [0.1, 1], 0.1);
    addObservation(batch, 'pulse_db_query_duration_seconds', { query: 'select' }, [0.1, 1], 0.5);
    addObservation(batch, 'pulse_db_query_duration_seconds', { query: 'select' }, [0.1, 1], 7);
    expect(Object.values(batch.counters).map(({ name, value }) => [name, value])).toEqual([
      ['pulse_queue_entries_total', 3],
      ['pulse_api_errors_total', 2],
    ]);
    // 0.1 is in the 0.1 bucket (le is "less or equal"), 0.5 in the 1 bucket, 7 only under +Inf.
    expect(Object.values(batch.histograms)[0]).toMatchObject({ buckets: [1, 1, 1], sum: 7.6, count: 3 });
  });

  it('should admit new series only while allowed, count what it refused, and key series by their own labels', () => {
    const totals: SeriesTotals = { counters: {}, histograms: {} };
    const incoming: SeriesTotals = {
      counters: {
        whatever: { name: 'pulse_queue_entries_total', labels: { status: 'called' }, value: 4 },
        other: { name: 'pulse_queue_entries_total', labels: { status: 'no_show' }, value: 2 },
      },
      histograms: {},
    };
    const { changed, refused } = mergeTotals(totals, incoming, (_, labels) => labels.status === 'called');
    expect(changed).toEqual(['pulse_queue_entries_total{status="called"}']);
    expect(refused).toBe(2);
    mergeTotals(totals, incoming, () => false);
    // A series already admitted keeps counting.
    expect(totals.counters['pulse_queue_entries_total{status="called"}']?.value).toBe(8);
  });

  it("should keep each queue's newest report when batches meet", () => {
    const older = emptyBatch();
    older.queues.c1 = { outboxRows: 5, oldestEnqueuedAt: 1_000, sockets: 1, reportedAt: 2_000 };
    const newer = emptyBatch();
    newer.queues.c1 = { outboxRows: 0, oldestEnqueuedAt: null, sockets: 2, reportedAt: 3_000 };
    mergeBatch(newer, older);
    expect(newer.queues.c1).toEqual({ outboxRows: 0, oldestEnqueuedAt: null, sockets: 2, reportedAt: 3_000 });
  });
});

describe('series keys and buckets', () => {
  it('should write labels sorted by name, escape backslashes, quotes and newlines, and put `le` last', () => {
    expect(labelText({ route: '/a', code: 'NOT_FOUND' })).toBe('{code="NOT_FOUND",route="/a"}');
    expect(labelText({ reason: 'line one\nline "two" C:\\tmp' }, 'le="0.5"')).toBe('{reason="line one\\nline \\"two\\" C:\\\\tmp",le="0.5"}');
    expect(labelText({})).toBe('');
    expect(labelText({}, 'le="+Inf"')).toBe('{le="+Inf"}');
    expect(seriesKey('pulse_websocket_messages_total', {})).toBe('pulse_websocket_messages_total');
  });

  it('should put a value on a bound in that bound\'s bucket, and anything above the last in +Inf', () => {
    const bounds = [0.1, 1, 2];
    expect([0, 0.1, 0.1000001, 1, 2, 2.0000001, 60].map((value) => bucketIndex(bounds, value))).toEqual([0, 0, 1, 1, 2, 3, 3]);
  });
});

describe('merging batches into the totals', () => {
  it('should copy what it admits, so the batch it came from never changes when the totals grow', () => {
    const incoming: SeriesTotals = { counters: {}, histograms: {} };
    addCount(incoming, 'pulse_push_sent_total', { result: 'sent' }, 3);
    addObservation(incoming, 'pulse_db_query_duration_seconds', { query: 'select:sessions' }, [0.01, 0.1], 0.05);
    const before = structuredClone(incoming);
    const totals: SeriesTotals = { counters: {}, histograms: {} };
    mergeTotals(totals, incoming);
    mergeTotals(totals, incoming);
    expect(incoming).toEqual(before);
    expect(totals.counters['pulse_push_sent_total{result="sent"}']?.value).toBe(6);
    expect(totals.histograms['pulse_db_query_duration_seconds{query="select:sessions"}']).toMatchObject({ buckets: [0, 2, 0], sum: 0.1, count: 2 });
  });

  it('should refuse a histogram whose buckets changed under it, counting its observations, and leave the known one whole', () => {
    const totals: SeriesTotals = { counters: {}, histograms: {} };
    addObservation(totals, 'http_request_duration_seconds', { method: 'GET', route: '/a', status_code: '200' }, [0.1, 1], 0.5);
    const redeployed: SeriesTotals = { counters: {}, histograms: {} };
    for (const value of [0.01, 0.2, 3]) addObservation(redeployed, 'http_request_duration_seconds', { method: 'GET', route: '/a', status_code: '200' }, [0.1, 0.5, 1], value);
    expect(mergeTotals(totals, redeployed)).toEqual({ changed: [], refused: 3 });
    expect(Object.values(totals.histograms)).toEqual([
      { name: 'http_request_duration_seconds', labels: { method: 'GET', route: '/a', status_code: '200' }, buckets: [0, 1, 0], sum: 0.5, count: 1 },
    ]);
  });

  it('should call a batch empty only when it carries no counter, no histogram and no queue report', () => {
    const batch = emptyBatch();
    expect(isEmptyBatch(batch)).toBe(true);
    batch.queues.c1 = { outboxRows: 0, oldestEnqueuedAt: null, sockets: 0, reportedAt: 1 };
    expect(isEmptyBatch(batch)).toBe(false);
  });

  it('should keep the older report of a queue when it arrives after a newer one', () => {
    const into = emptyBatch();
    into.queues.c1 = { outboxRows: 0, oldestEnqueuedAt: null, sockets: 2, reportedAt: 3_000 };
    const late = emptyBatch();
    late.queues.c1 = { outboxRows: 12, oldestEnqueuedAt: 1_000, sockets: 1, reportedAt: 2_000 };
    late.queues.c2 = { outboxRows: 1, oldestEnqueuedAt: 1_500, sockets: 0, reportedAt: 2_000 };
    mergeBatch(into, late);
    expect(into.queues).toEqual({
      c1: { outboxRows: 0, oldestEnqueuedAt: null, sockets: 2, reportedAt: 3_000 },
      c2: { outboxRows: 1, oldestEnqueuedAt: 1_500, sockets: 0, reportedAt: 2_000 },
    });
  });
});
