import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { parseThreshold, thresholdErrorWords } from './queue-threshold';

describe('parseThreshold', () => {
  it('should take a whole number of waiting patients from 1 to 500', () => {
    expect(parseThreshold('12')).toBe(12);
    expect(parseThreshold(' 1 ')).toBe(1);
    expect(parseThreshold('500')).toBe(500);
  });

  it('should refuse what is not a whole number within the bounds', () => {
    for (const text of ['', '0', '501', '12,5', '12.5', '-3', 'douze', '1e2', '99999']) expect(parseThreshold(text)).toBeNull();
  });
});

describe('thresholdErrorWords', () => {
  it("should word the API's refusal of a value as the bounds to respect", () => {
    const refused = new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'Invalid', details: {}, retryAfterSeconds: null });
    expect(thresholdErrorWords(refused, fr)).toBe('Saisissez un nombre entier de patients entre 1 et 500.');
  });

  it('should word a refusal to a non-owner as every refused request', () => {
    const forbidden = new ApiError({ status: 403, code: 'FORBIDDEN', message: 'Forbidden', details: {}, retryAfterSeconds: null });
    expect(thresholdErrorWords(forbidden, en)).toBe(en.errorRefused);
  });
});
