import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { formatShareExpiry, parseShareDays, shareLinkErrorWords } from './share-link-words';

describe('the days an owner types for a link', () => {
  it('should take whole days from 1 to 90', () => {
    expect(parseShareDays('1')).toBe(1);
    expect(parseShareDays(' 30 ')).toBe(30);
    expect(parseShareDays('90')).toBe(90);
  });

  it('should refuse anything else', () => {
    for (const text of ['', '0', '91', '1,5', '1.5', '-3', '2 sem.', '007']) expect(parseShareDays(text), text).toBeNull();
  });
});

describe('a refused link in words', () => {
  const refused = (code: 'CONFLICT' | 'VALIDATION_FAILED') => new ApiError({ status: code === 'CONFLICT' ? 409 : 400, code, message: code, details: {}, retryAfterSeconds: null });

  it('should say there are too many links, in either language', () => {
    expect(shareLinkErrorWords(refused('CONFLICT'), fr)).toBe('Ce cabinet a déjà 20 liens actifs\u00a0: révoquez-en un d’abord.');
    expect(shareLinkErrorWords(refused('CONFLICT'), en)).toBe('This clinic already has 20 active links: revoke one first.');
  });

  it('should word a refused lifetime as the bounds', () => {
    expect(shareLinkErrorWords(refused('VALIDATION_FAILED'), fr)).toBe('Saisissez un nombre entier de jours entre 1 et 90.');
  });
});

describe("a link's end", () => {
  it("should be written in the clinic's zone", () => {
    expect(formatShareExpiry('2026-12-13T08:30:00.000Z', 'fr', 'Africa/Tunis')).toBe('13 déc. 2026, 09:30');
    expect(formatShareExpiry('2026-12-13T08:30:00.000Z', 'en', 'Africa/Tunis')).toBe('Dec 13, 2026, 9:30 AM');
  });
});
