import { describe, expect, it } from 'vitest';
import { ApiError, ServerUnreachableError, UnexpectedAnswerError, type ApiErrorCode } from '../api/errors';
import { en } from './en';
import { fr } from './fr';
import { describeTicketLinkError } from './ticket-link-errors';

function refusal(code: ApiErrorCode, status: number): ApiError {
  return new ApiError({ status, code, message: "No entry with this id in today's queue", details: {}, retryAfterSeconds: null });
}

describe('describeTicketLinkError', () => {
  it('should say the patient left today’s queue when the entry is not in it any more', () => {
    expect(describeTicketLinkError(refusal('NOT_FOUND', 404), 12, fr)).toBe('Le n°\u00a012 n’est plus dans la file du jour\u00a0: pas de lien.');
    expect(describeTicketLinkError(refusal('NOT_FOUND', 404), 12, en)).toBe('No.\u00a012 is no longer in today’s queue: no link.');
  });

  it('should say when the session ended, the server cannot be reached or the answer made no sense', () => {
    expect(describeTicketLinkError(refusal('UNAUTHORIZED', 401), 3, fr)).toBe('Votre session a pris fin. Reconnectez-vous.');
    expect(describeTicketLinkError(new ServerUnreachableError('down'), 3, fr)).toBe('Serveur injoignable. Vérifiez votre connexion puis réessayez.');
    expect(describeTicketLinkError(new UnexpectedAnswerError('ticket link: url is not a ticket page'), 3, en)).toBe('Unexpected answer from the server. Try again.');
    expect(describeTicketLinkError(refusal('UNAVAILABLE', 503), 3, en)).toBe(en.errorServiceTrouble);
  });

  it('should never show the API’s own English words', () => {
    for (const code of ['NOT_FOUND', 'INVALID_TRANSITION', 'FORBIDDEN', 'VALIDATION_FAILED'] as const) {
      expect(describeTicketLinkError(refusal(code, 400), 3, fr)).not.toContain('entry');
    }
  });
});
