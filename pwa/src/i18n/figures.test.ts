import { describe, expect, it } from 'vitest';
import { en } from './en';
import {
  formatAge,
  formatChange,
  formatClinicClock,
  formatCount,
  formatDecimal,
  formatMinutes,
  formatMoney,
  formatMoneyOnCard,
  formatOrdinal,
  formatShare,
} from './figures';
import { fr } from './fr';

const NBSP = '\u00a0';

describe('formatMinutes', () => {
  it('should give waits and consultations in whole minutes', () => {
    expect(formatMinutes(18.4, fr)).toBe(`18${NBSP}min`);
    expect(formatMinutes(12.5, en)).toBe(`13${NBSP}min`);
  });

  it('should say "under a minute" rather than 0', () => {
    expect(formatMinutes(0, fr)).toBe(`<${NBSP}1${NBSP}min`);
    expect(formatMinutes(0.4, en)).toBe(`<${NBSP}1${NBSP}min`);
  });

  it('should count in hours past the hour, the French way in French', () => {
    expect(formatMinutes(65, fr)).toBe(`1${NBSP}h${NBSP}05`);
    expect(formatMinutes(125.2, en)).toBe(`2${NBSP}h${NBSP}05${NBSP}min`);
    expect(formatMinutes(59.6, fr)).toBe(`1${NBSP}h${NBSP}00`);
  });
});

describe('formatShare and formatCount', () => {
  it('should write the QR share as a whole percentage in each notation', () => {
    // French puts a (narrow, depending on the ICU version) no-break space before the sign.
    expect(formatShare(5 / 9, 'fr')).toMatch(/^56[\u00a0\u202f]%$/);
    expect(formatShare(5 / 9, 'en')).toBe('56%');
  });

  it('should group thousands the local way', () => {
    expect(formatCount(1234, 'fr')).toBe('1\u202f234');
    expect(formatCount(1234, 'en')).toBe('1,234');
  });
});

describe('formatOrdinal', () => {
  it('should rank the French way: 1er, then 2e, 3e…', () => {
    expect(['1', '2', '3', '11', '21'].map((rank) => formatOrdinal(Number(rank), 'fr'))).toEqual(['1er', '2e', '3e', '11e', '21e']);
  });

  it('should rank the English way, teens included', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map((rank) => formatOrdinal(rank, 'en'))).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st',
    ]);
  });
});

describe('formatClinicClock', () => {
  it('should give the estimated end on the clinic’s clock, whatever the phone’s zone', () => {
    const end = Date.parse('2026-11-24T16:40:00.000Z');
    expect(formatClinicClock(end, 'fr', 'Africa/Tunis')).toBe('17:40');
    expect(formatClinicClock(end, 'en', 'America/Montreal')).toMatch(/^11:40\sAM$/);
  });
});

describe('formatAge', () => {
  it('should say "just now" for the first seconds', () => {
    expect(formatAge(0, 'fr', fr)).toBe('à l’instant');
    expect(formatAge(9_999, 'en', en)).toBe('just now');
  });

  it('should count seconds by tens, then minutes, hours and days', () => {
    expect(formatAge(27_000, 'fr', fr)).toMatch(/^il y a 20\ss$/);
    expect(formatAge(3 * 60_000 + 59_000, 'fr', fr)).toMatch(/^il y a 3\smin$/);
    expect(formatAge(2 * 3_600_000, 'en', en)).toMatch(/^2\shr\. ago$/);
    expect(formatAge(26 * 3_600_000, 'fr', fr)).toMatch(/^il y a 1\sj$/);
  });

  it('should read as "updated … ago" in each language', () => {
    expect(fr.updatedAgo(formatAge(27_000, 'fr', fr))).toMatch(/^Mis à jour il y a 20\ss$/);
    expect(en.updatedAgo(formatAge(3_000, 'en', en))).toBe('Updated just now');
  });
});

describe('formatChange', () => {
  it('should sign a change against the previous period, with one decimal at most', () => {
    expect(formatChange(12.5, 'fr')).toMatch(/^\+12,5[\u00a0\u202f]%$/);
    expect(formatChange(-5.2, 'en')).toBe('-5.2%');
    expect(formatChange(100, 'en')).toBe('+100%');
  });

  it('should leave no change unsigned', () => {
    expect(formatChange(0, 'en')).toBe('0%');
  });
});

describe('formatMoney and formatDecimal', () => {
  it('should turn minor units into the clinic currency, three decimals for the dinar and two for the euro', () => {
    expect(formatMoney(5400, 'TND', 'en')).toBe('TND\u00a05.400');
    expect(formatMoney(5400, 'TND', 'fr')).toBe('5,400\u00a0TND');
    expect(formatMoney(5400, 'EUR', 'en')).toBe('€54.00');
  });

  it('should let a card break a line between the currency and the amount, never inside the number', () => {
    expect(formatMoneyOnCard(1_271_120, 'TND', 'fr')).toBe('1\u202f271,120 TND');
    expect(formatMoneyOnCard(1_271_120, 'TND', 'en')).toBe('TND 1,271.120');
  });

  it('should give mean arrivals with one decimal at most', () => {
    expect(formatDecimal(6.54, 'fr')).toBe('6,5');
    expect(formatDecimal(3, 'en')).toBe('3');
  });
});
