import { describe, expect, it } from 'vitest';
import { ApiError, ServerUnreachableError, UnexpectedAnswerError, type ApiErrorCode } from '../api/errors';
import { en } from './en';
import { fr } from './fr';
import { describeRequestError, minutesToWait } from './request-errors';

function refusal(code: ApiErrorCode, details: Record<string, unknown> = {}, retryAfterSeconds: number | null = null): ApiError {
  return new ApiError({ status: 400, code, message: 'English words from the API, never shown', details, retryAfterSeconds });
}

describe('describeRequestError', () => {
  it('should say the same words for an unknown e-mail and a wrong password, in each language', () => {
    expect(describeRequestError(refusal('UNAUTHORIZED'), 'login', fr)).toBe('E-mail ou mot de passe incorrect.');
    expect(describeRequestError(refusal('UNAUTHORIZED'), 'login', en)).toBe('Incorrect e-mail or password.');
  });

  it('should tell a throttled user how many minutes to wait, rounded up', () => {
    const throttled = refusal('RATE_LIMITED', { retryAfterSeconds: 841 }, 841);
    expect(describeRequestError(throttled, 'login', fr)).toBe('Trop de tentatives. Réessayez dans 15 min.');
    expect(describeRequestError(throttled, 'login', en)).toBe('Too many attempts. Try again in 15 min.');
    expect(describeRequestError(refusal('RATE_LIMITED'), 'login', fr)).toBe('Trop de tentatives. Réessayez plus tard.');
  });

  it('should say a short wait in seconds', () => {
    const throttled = refusal('RATE_LIMITED', { retryAfterSeconds: 4 }, 4);
    expect(describeRequestError(throttled, 'login', fr)).toBe('Trop de tentatives. Réessayez dans 4 s.');
    expect(describeRequestError(throttled, 'login', en)).toBe('Too many attempts. Try again in 4 s.');
    expect(describeRequestError(refusal('RATE_LIMITED', { retryAfterSeconds: 60 }, 60), 'login', en)).toBe('Too many attempts. Try again in 1 min.');
  });

  it('should say when the server cannot be reached', () => {
    const offline = new ServerUnreachableError('no answer from the server');
    expect(describeRequestError(offline, 'login', fr)).toBe('Serveur injoignable. Vérifiez votre connexion puis réessayez.');
    expect(describeRequestError(offline, 'passwordChange', en)).toBe('Server unreachable. Check your connection and try again.');
  });

  it('should read a refused current password as such when changing it', () => {
    expect(describeRequestError(refusal('UNAUTHORIZED'), 'passwordChange', fr)).toBe('Le mot de passe actuel est incorrect.');
  });

  it('should read a refused setup link as an invalid or expired link', () => {
    expect(describeRequestError(refusal('NOT_FOUND'), 'setup', fr)).toBe('Lien invalide ou expiré');
  });

  it('should word the field the API refused', () => {
    const badEmail = refusal('VALIDATION_FAILED', { issues: [{ path: 'email', message: 'Invalid email' }] });
    const shortPassword = refusal('VALIDATION_FAILED', { issues: [{ path: 'newPassword', message: 'at least 10 characters' }] });
    expect(describeRequestError(badEmail, 'login', fr)).toBe('Saisissez une adresse e-mail valide, par exemple nom@cabinet.tn.');
    expect(describeRequestError(shortPassword, 'passwordChange', en)).toBe('The password must have at least 10 characters.');
  });

  it('should never show the API’s own English message or a stack, whatever went wrong', () => {
    for (const error of [refusal('INTERNAL'), refusal('FORBIDDEN'), refusal('CONFLICT'), new UnexpectedAnswerError('user: role'), new TypeError('x')]) {
      const words = describeRequestError(error, 'login', fr);
      expect(words).not.toContain('English words');
      expect(words).not.toContain('role');
    }
    expect(describeRequestError(refusal('UNAVAILABLE'), 'read', fr)).toBe('Le service rencontre un problème. Réessayez dans un instant.');
  });
});

describe('minutesToWait', () => {
  it('should never promise less than a minute', () => {
    expect(minutesToWait(0)).toBe(1);
    expect(minutesToWait(59)).toBe(1);
    expect(minutesToWait(60)).toBe(1);
    expect(minutesToWait(61)).toBe(2);
    expect(minutesToWait(900)).toBe(15);
  });
});
