/** The "queue too long" threshold as an owner types it, and its refusals in words. */
import { ApiError } from '../api/errors';
import { QUEUE_THRESHOLD_RANGE } from '../api/settings';
import type { Messages } from '../i18n/fr';
import { describeRequestError } from '../i18n/request-errors';

/** A whole number of waiting patients within the API's bounds, or null for anything else ("", "12,5", "0"). */
export function parseThreshold(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const threshold = Number(trimmed);
  return threshold >= QUEUE_THRESHOLD_RANGE.min && threshold <= QUEUE_THRESHOLD_RANGE.max ? threshold : null;
}

export function thresholdOutOfRangeWords(messages: Messages): string {
  return messages.queueThresholdInvalid(QUEUE_THRESHOLD_RANGE.min, QUEUE_THRESHOLD_RANGE.max);
}

/** A refused threshold: the API's VALIDATION_FAILED is a value out of bounds, the rest as every request says it. */
export function thresholdErrorWords(error: unknown, messages: Messages): string {
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') return thresholdOutOfRangeWords(messages);
  return describeRequestError(error, 'read', messages);
}
