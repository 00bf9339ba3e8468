/**
 * Quiet hours and alert channels as a person sets them on the settings screen: the two times
 * checked before anything is sent, a channel switched on or off in a kind's list, and the API's
 * refusals in words.
 */
import { ApiError } from '../api/errors';
import type { QuietHours } from '../api/settings';
import type { Messages } from '../i18n/fr';
import { describeRequestError } from '../i18n/request-errors';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '../../../worker/domain/vocabulary.ts';

/** What the form offers the first time: a night, as most people mean it. */
export const SUGGESTED_QUIET_HOURS: QuietHours = { from: '20:00', to: '07:00' };

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Two `HH:MM` times (what a time input gives, seconds dropped) that differ, or null. */
export function quietHoursOfForm(from: string, to: string): QuietHours | null {
  const [start, end] = [from.trim().slice(0, 5), to.trim().slice(0, 5)];
  if (!CLOCK_TIME.test(start) || !CLOCK_TIME.test(end) || start === end) return null;
  return { from: start, to: end };
}

/** A kind's channels with one switched on or off, in the API's order. */
export function withChannel(channels: readonly NotificationChannel[], channel: NotificationChannel, on: boolean): NotificationChannel[] {
  return NOTIFICATION_CHANNELS.filter((candidate) => (candidate === channel ? on : channels.includes(candidate)));
}

/** A refused channel change: VALIDATION_FAILED is an urgent alert left without a channel; the rest as every request says it. */
export function channelErrorWords(error: unknown, messages: Messages): string {
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') return messages.channelsUrgentKept;
  return describeRequestError(error, 'read', messages);
}

/** A refused quiet-hours change: VALIDATION_FAILED is two times the API would not take. */
export function quietHoursErrorWords(error: unknown, messages: Messages): string {
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') return messages.quietHoursInvalid;
  return describeRequestError(error, 'read', messages);
}
