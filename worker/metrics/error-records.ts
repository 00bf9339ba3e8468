/**
 * The API's 5xx answers, one record each, for the back office's "recent errors" (PRODUCT "Recent
 * errors"). They travel with the metrics batches to the Metrics object and are kept in its own
 * storage, which still answers when libSQL is down (when most 5xx happen). A record says where and
 * what Pulse answered, in the one error shape's words: never a body, a query string, a name or an
 * address, and never a stack or a database's message.
 */

export interface ErrorRecord {
  /** When it was answered, epoch ms. */
  at: number;
  /** The answer's `X-Request-Id`: the key to its log line. */
  requestId: string;
  /** The route pattern that answered (`/api/v1/clinics/:clinicId/queue`), never the path. */
  route: string;
  method: string;
  status: number;
  /** The error shape's code and message, null for a 5xx answered on purpose (health degraded). */
  code: string | null;
  message: string | null;
}

const DAY_MS = 86_400_000;
/** How far back errors are kept and may be asked for. */
export const ERRORS_MAX_DAYS = 7;
export const ERRORS_KEPT_MS = ERRORS_MAX_DAYS * DAY_MS;
/** The most records the Metrics object keeps: an outage answering 5xx to everything stays bounded. */
export const MAX_KEPT_ERRORS = 10_000;
/** The most records one isolate holds between two flushes (the rest of a burst says nothing new). */
export const MAX_PENDING_ERRORS = 200;
/** A message is the error shape's, a sentence: cut beyond this. */
const MAX_MESSAGE_CHARACTERS = 300;

/** Adds `records` to `into` up to MAX_PENDING_ERRORS, the earliest kept. */
export function addErrorRecords(into: ErrorRecord[], records: readonly ErrorRecord[]): void {
  for (const record of records) {
    if (into.length >= MAX_PENDING_ERRORS) return;
    into.push({ ...record, message: record.message === null ? null : record.message.slice(0, MAX_MESSAGE_CHARACTERS) });
  }
}
