/**
 * How every CSV export leaves the Worker (the audit log, a clinic's history, the clinic health
 * table…): the header, then its records a batch at a time as the reader pulls them, so an export
 * never holds more than one batch in memory; an attachment no cache keeps. Each export route
 * audits and counts itself before it answers with this.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { csvRow, type CsvValue } from '../domain/csv.ts';
import { recordAudit, type AuditEntry } from './audit.ts';

/** One batch of records, and whether another one follows. */
export interface CsvBatch {
  records: readonly (readonly CsvValue[])[];
  more: boolean;
}

/** The next batch of an export, read when the reader has taken the one before (a database page, a slice of days). */
export type NextCsvBatch = () => CsvBatch | Promise<CsvBatch>;

/** The header, then each batch as the reader pulls it, RFC 4180 (domain/csv.ts: CRLF records, formula-neutral cells). */
export function csvStream(columns: readonly string[], nextBatch: NextCsvBatch): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(columns)));
        return;
      }
      // A pull that enqueues nothing is not pulled again (the stream would stall): an empty batch reads on.
      let batch = await nextBatch();
      while (batch.records.length === 0 && batch.more) batch = await nextBatch();
      if (batch.records.length > 0) controller.enqueue(encoder.encode(batch.records.map(csvRow).join('')));
      if (!batch.more) controller.close();
    },
  });
}

/** The batches of records already in memory, `size` at a time (a year of days leaves in a few chunks, not one string). */
export function batchesOf<Item>(items: readonly Item[], size: number, record: (item: Item) => readonly CsvValue[]): NextCsvBatch {
  let next = 0;
  return () => {
    const records = items.slice(next, next + size).map(record);
    next += size;
    return { records, more: next < items.length };
  };
}

/**
 * The 200 answer of an export: CSV as UTF-8, an attachment under `disposition`
 * (domain/file-names.ts), `private, no-store` since it is one person's data, read once.
 */
export function csvDownload(c: Context<AppEnv>, body: ReadableStream<Uint8Array>, disposition: string) {
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': disposition,
    'Cache-Control': 'private, no-store',
  });
}

/** An export is audited before its first byte leaves, and counted (`pulse_exports_total{kind}`). */
export async function recordExport(c: Context<AppEnv>, kind: string, audit: AuditEntry): Promise<void> {
  await recordAudit(c, audit);
  c.var.services.metrics.count('pulse_exports_total', { kind });
}
