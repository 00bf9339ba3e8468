import { ApiError } from '../api/errors';
import type { ReceptionCommand } from '../reception/reception-store';
import type { Messages } from './fr';
import { describeRequestError } from './request-errors';

/**
 * A reception command the queue did not take, in words. A refused transition means the queue
 * moved first (another desk, the queue app): said as such, since the live list already shows it.
 * Never the API's own English message.
 */
export function describeReceptionError(error: unknown, command: ReceptionCommand, messages: Messages): string {
  if (error instanceof ApiError && error.code === 'INVALID_TRANSITION') {
    if (command.kind === 'callNext') return messages.errorNobodyWaiting;
    if (command.kind === 'entry') return messages.errorEntryMoved(command.ticketNumber);
    return messages.errorQueueRefused;
  }
  if (error instanceof ApiError && error.code === 'UNAUTHORIZED') return messages.errorSessionEnded;
  return describeRequestError(error, 'read', messages);
}
