import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { budgetErrorWords, budgetOutOfRangeWords, parseBudgetAmount } from './sms-budget';

describe('parseBudgetAmount', () => {
  it('should read an amount in dinars as millimes, the decimal mark a comma or a point', () => {
    expect(parseBudgetAmount('80', 'TND')).toBe(80_000);
    expect(parseBudgetAmount(' 80,5 ', 'TND')).toBe(80_500);
    expect(parseBudgetAmount('80.125', 'TND')).toBe(80_125);
    expect(parseBudgetAmount('1 200', 'TND')).toBe(1_200_000);
    expect(parseBudgetAmount('0,001', 'TND')).toBe(1);
    expect(parseBudgetAmount('1000000', 'TND')).toBe(1_000_000_000);
  });

  it("should count in the currency's own minor units", () => {
    expect(parseBudgetAmount('80,5', 'EUR')).toBe(8_050);
    expect(parseBudgetAmount('80,505', 'EUR')).toBeNull();
  });

  it('should refuse what is not a positive amount within the bounds', () => {
    for (const text of ['', '0', '0,000', '-5', '80,0001', '80 TND', '1e3', '1,2,3', '1000000,001', 'quatre-vingts']) expect(parseBudgetAmount(text, 'TND')).toBeNull();
  });
});

describe('budgetErrorWords', () => {
  it('should word an amount out of bounds, typed or refused by the API, with the highest one allowed', () => {
    expect(budgetOutOfRangeWords(fr, 'TND', 'fr')).toBe('Saisissez un montant supérieur à zéro, au plus 1\u202f000\u202f000,000\u00a0TND.');
    const refused = new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'Invalid', details: {}, retryAfterSeconds: null });
    expect(budgetErrorWords(refused, en, 'TND', 'en')).toBe('Enter an amount above zero, at most TND\u00a01,000,000.000.');
  });

  it('should word a refusal to someone who is no longer the owner as every refused request', () => {
    const forbidden = new ApiError({ status: 403, code: 'FORBIDDEN', message: 'Forbidden', details: {}, retryAfterSeconds: null });
    expect(budgetErrorWords(forbidden, fr, 'TND', 'fr')).toBe(fr.errorRefused);
  });
});
