import { describe, expect, it } from 'vitest';
import { ApiError, ServerUnreachableError, type ApiErrorCode } from '../api/errors';
import { en } from './en';
import { fr } from './fr';
import { describeReceptionError } from './reception-errors';

function refusal(code: ApiErrorCode): ApiError {
  return new ApiError({ status: 409, code, message: 'Nobody is waiting', details: {}, retryAfterSeconds: null });
}

describe('describeReceptionError', () => {
  it('should say nobody is waiting when the next patient cannot be called', () => {
    const callNext = { kind: 'callNext' } as const;
    expect(describeReceptionError(refusal('INVALID_TRANSITION'), callNext, fr)).toBe('Personne n’attend\u00a0: aucun patient à appeler.');
    expect(describeReceptionError(refusal('INVALID_TRANSITION'), callNext, en)).toBe('Nobody is waiting: no patient to call.');
  });

  it('should name the ticket another desk moved first', () => {
    const command = { kind: 'entry', action: 'complete', entryId: 'walkin-12', ticketNumber: 12 } as const;
    expect(describeReceptionError(refusal('INVALID_TRANSITION'), command, fr)).toBe(
      'Le n°\u00a012 a déjà changé d’état\u00a0; la liste est à jour.',
    );
  });

  it('should say when the server cannot be reached or the session ended', () => {
    const walkIn = { kind: 'walkIn', method: 'manual' } as const;
    expect(describeReceptionError(new ServerUnreachableError('down'), walkIn, fr)).toBe(
      'Serveur injoignable. Vérifiez votre connexion puis réessayez.',
    );
    expect(describeReceptionError(refusal('UNAUTHORIZED'), walkIn, en)).toBe('Your session has ended. Sign in again.');
  });

  it('should never show the API’s own English words', () => {
    for (const code of ['INVALID_TRANSITION', 'FORBIDDEN', 'UNAVAILABLE', 'VALIDATION_FAILED'] as const) {
      expect(describeReceptionError(refusal(code), { kind: 'presence', present: true }, fr)).not.toContain('Nobody');
    }
  });
});
