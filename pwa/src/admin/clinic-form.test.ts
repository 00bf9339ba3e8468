import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import {
  amountText,
  changedFields,
  checkClinicForm,
  describeClinicProblem,
  majorUnits,
  parseAmount,
  problemsFromRefusal,
  supportedTimeZones,
} from './clinic-form';

const ZONES = ['Africa/Tunis', 'Europe/Paris', 'UTC'];
const SFAX = { name: '  Cabinet Dr Trabelsi — Sfax  ', timezone: 'Africa/Tunis', planPrice: '50', smsUnitCost: '0,04' };

function refusal(code: 'VALIDATION_FAILED' | 'CONFLICT', details: Record<string, unknown>): ApiError {
  return new ApiError({ status: code === 'CONFLICT' ? 409 : 400, code, message: 'refused', details, retryAfterSeconds: null });
}

describe('parseAmount', () => {
  it('should read a price typed the French or the English way', () => {
    expect(parseAmount('50')).toBe(50);
    expect(parseAmount('0,04')).toBe(0.04);
    expect(parseAmount('0.045')).toBe(0.045);
    expect(parseAmount('1\u00a0000,5')).toBe(1000.5);
  });

  it('should refuse what is not an amount', () => {
    for (const text of ['', 'cinquante', '-5', '1,2,3', '5e3', '50 TND']) expect(parseAmount(text), text).toBeNull();
  });
});

describe('checkClinicForm', () => {
  it('should send a new clinic trimmed, its money in major units', () => {
    expect(checkClinicForm(SFAX, ZONES)).toEqual({
      ok: true,
      fields: { name: 'Cabinet Dr Trabelsi — Sfax', timezone: 'Africa/Tunis', planPrice: 50, smsUnitCost: 0.04 },
    });
  });

  it('should find every problem at once, as the API would', () => {
    expect(checkClinicForm({ name: ' A ', timezone: 'Mars/Olympus', planPrice: '100001', smsUnitCost: '' }, ZONES)).toEqual({
      ok: false,
      problems: { name: 'nameTooShort', timezone: 'timezoneUnknown', planPrice: 'planPriceOutOfRange', smsUnitCost: 'amountMissing' },
    });
    expect(checkClinicForm({ ...SFAX, name: 'x'.repeat(121), smsUnitCost: 'free' }, ZONES)).toEqual({
      ok: false,
      problems: { name: 'nameTooLong', smsUnitCost: 'amountNotANumber' },
    });
    expect(checkClinicForm({ ...SFAX, smsUnitCost: '1000.01' }, ZONES)).toEqual({ ok: false, problems: { smsUnitCost: 'smsUnitCostOutOfRange' } });
  });

  it('should accept the bounds themselves', () => {
    expect(checkClinicForm({ ...SFAX, name: 'AB', planPrice: '100000', smsUnitCost: '0' }, ZONES).ok).toBe(true);
  });
});

describe('problemsFromRefusal', () => {
  it('should put a taken name and a time zone that can no longer move on their inputs', () => {
    expect(problemsFromRefusal(refusal('CONFLICT', { field: 'name' }))).toEqual({ name: 'nameTaken' });
    expect(problemsFromRefusal(refusal('CONFLICT', { field: 'timezone' }))).toEqual({ timezone: 'timezoneLocked' });
    expect(problemsFromRefusal(refusal('CONFLICT', {}))).toBeNull();
  });

  it("should put each of the API's validation issues on its input", () => {
    const issues = [
      { path: 'timezone', message: 'must be an IANA time zone, e.g. Africa/Tunis' },
      { path: 'planPrice', message: 'Too big' },
      { path: '', message: 'nothing to change' },
    ];
    expect(problemsFromRefusal(refusal('VALIDATION_FAILED', { issues }))).toEqual({ timezone: 'timezoneUnknown', planPrice: 'refused' });
    expect(problemsFromRefusal(refusal('VALIDATION_FAILED', { issues: [{ path: '', message: 'nothing to change' }] }))).toBeNull();
    expect(problemsFromRefusal(new Error('offline'))).toBeNull();
  });
});

describe('editing a clinic', () => {
  const before = { name: 'Cabinet Neuf', timezone: 'Africa/Tunis', planPrice: 50, smsUnitCost: 0.04 };

  it('should send only what changed', () => {
    expect(changedFields(before, { ...before, planPrice: 55, name: 'Cabinet Neuf — Sfax' })).toEqual({ planPrice: 55, name: 'Cabinet Neuf — Sfax' });
    expect(changedFields(before, before)).toEqual({});
  });

  it('should show stored amounts in major units, in the reader notation', () => {
    expect(amountText(40, 'TND', 'fr')).toBe('0,04');
    expect(amountText(50_000, 'TND', 'fr')).toBe('50');
    expect(amountText(45_500, 'TND', 'en')).toBe('45.5');
    expect(amountText(1_250, 'EUR', 'fr')).toBe('12,5');
    expect(majorUnits(50_000, 'TND')).toBe(50);
  });
});

describe('the form in words', () => {
  it('should say each problem in both languages', () => {
    expect(describeClinicProblem('nameTaken', 'name', fr)).toBe('Un cabinet porte déjà ce nom.');
    expect(describeClinicProblem('nameTaken', 'name', en)).toBe('A clinic already has this name.');
    expect(describeClinicProblem('amountMissing', 'planPrice', fr)).not.toBe(describeClinicProblem('amountMissing', 'smsUnitCost', fr));
    expect(describeClinicProblem('planPriceOutOfRange', 'planPrice', en)).toContain('100,000');
  });

  it("should offer the browser's time zones, and UTC", () => {
    expect(supportedTimeZones()).toEqual(expect.arrayContaining(['Africa/Tunis', 'America/New_York', 'UTC']));
  });
});
