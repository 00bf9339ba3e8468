/** A share link as an owner types it (whole days) and reads it in the list, and its refusals in words. */
import { ApiError } from '../api/errors';
import { SHARE_LINK_DAYS } from '../api/share-links';
import type { Messages } from '../i18n/fr';
import { describeRequestError } from '../i18n/request-errors';
import { MAX_ACTIVE_SHARE_LINKS } from '../../../worker/domain/share-links.ts';

/** Whole days within the API's bounds, or null for anything else ("", "1,5", "0", "91", "2 sem."). */
export function parseShareDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= SHARE_LINK_DAYS.min && days <= SHARE_LINK_DAYS.max ? days : null;
}

export function shareDaysOutOfRangeWords(messages: Messages): string {
  return messages.shareDaysInvalid(SHARE_LINK_DAYS.min, SHARE_LINK_DAYS.max);
}

/** A refused creation: too many links alive, days out of bounds, or as every request says it. */
export function shareLinkErrorWords(error: unknown, messages: Messages): string {
  if (error instanceof ApiError && error.code === 'CONFLICT') return messages.shareTooMany(MAX_ACTIVE_SHARE_LINKS);
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') return shareDaysOutOfRangeWords(messages);
  return describeRequestError(error, 'read', messages);
}

/** When a link stops working, in the clinic's zone: "4 janv. 2027, 09:30". */
export function formatShareExpiry(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
