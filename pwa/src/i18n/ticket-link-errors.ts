import { ApiError } from '../api/errors';
import type { Messages } from './fr';
import { describeRequestError } from './request-errors';

/**
 * Why reception got no link for ticket `ticketNumber`, in words: the entry left today's queue
 * (the day ended), the queue refused, the session ended, or what any request may meet. Its own
 * module, loaded with the ticket dialog, not with the first screen. Never the API's own English.
 */
export function describeTicketLinkError(error: unknown, ticketNumber: number, messages: Messages): string {
  if (error instanceof ApiError) {
    if (error.code === 'NOT_FOUND') return messages.errorTicketGone(ticketNumber);
    if (error.code === 'INVALID_TRANSITION') return messages.errorQueueRefused;
    if (error.code === 'UNAUTHORIZED') return messages.errorSessionEnded;
  }
  return describeRequestError(error, 'read', messages);
}
