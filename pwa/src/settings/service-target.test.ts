import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { parseTargetMinutes, targetErrorWords, targetOutOfRangeWords } from './service-target';

describe('parseTargetMinutes', () => {
  it('should take whole minutes from 5 to 240', () => {
    expect(parseTargetMinutes('30')).toBe(30);
    expect(parseTargetMinutes(' 5 ')).toBe(5);
    expect(parseTargetMinutes('240')).toBe(240);
  });

  it('should refuse what is not whole minutes within the bounds', () => {
    for (const text of ['', '4', '241', '22,5', '22.5', '-30', 'trente', '1 h', '3e1', '0030']) expect(parseTargetMinutes(text)).toBeNull();
  });
});

describe('targetErrorWords', () => {
  it('should word a value out of bounds, typed or refused by the API, as the bounds to respect', () => {
    expect(targetOutOfRangeWords(fr)).toBe('Saisissez un nombre entier de minutes entre 5 et 240.');
    const refused = new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'Invalid', details: {}, retryAfterSeconds: null });
    expect(targetErrorWords(refused, en)).toBe('Enter a whole number of minutes from 5 to 240.');
  });

  it('should word a refusal to someone who is no longer the owner as every refused request', () => {
    const forbidden = new ApiError({ status: 403, code: 'FORBIDDEN', message: 'Forbidden', details: {}, retryAfterSeconds: null });
    expect(targetErrorWords(forbidden, fr)).toBe(fr.errorRefused);
  });
});
