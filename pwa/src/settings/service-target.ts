/** The service target as an owner types it (whole minutes), and its refusals in words. */
import { ApiError } from '../api/errors';
import { SERVICE_TARGET_MINUTES } from '../api/settings';
import type { Messages } from '../i18n/fr';
import { describeRequestError } from '../i18n/request-errors';

/** Whole minutes within the API's bounds, or null for anything else ("", "22,5", "4", "1 h"). */
export function parseTargetMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const minutes = Number(trimmed);
  return minutes >= SERVICE_TARGET_MINUTES.min && minutes <= SERVICE_TARGET_MINUTES.max ? minutes : null;
}

export function targetOutOfRangeWords(messages: Messages): string {
  return messages.serviceTargetInvalid(SERVICE_TARGET_MINUTES.min, SERVICE_TARGET_MINUTES.max);
}

/** A refused target: the API's VALIDATION_FAILED is a value out of bounds, the rest as every request says it. */
export function targetErrorWords(error: unknown, messages: Messages): string {
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') return targetOutOfRangeWords(messages);
  return describeRequestError(error, 'read', messages);
}
