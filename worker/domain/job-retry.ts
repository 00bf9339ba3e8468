/**
 * How long a failed job waits before its next attempt: exponential backoff from the queue's
 * attempt count (1 on the first delivery), capped so a long outage still retries within the
 * queue's retry budget. Cloudflare Queues refuses delays above 12 hours.
 */
export const MAX_RETRY_DELAY_SECONDS = 15 * 60;

export function retryDelaySeconds(attempts: number, baseSeconds: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(MAX_RETRY_DELAY_SECONDS, Math.round(baseSeconds * 2 ** exponent));
}

/**
 * A failure worth another attempt (a push service or mail server that did not answer well).
 * Anything else thrown is a defect or an outage and is retried too; only a job that can never
 * succeed (`PermanentJobError`) is acknowledged at once, and kept as a dead letter.
 */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}
