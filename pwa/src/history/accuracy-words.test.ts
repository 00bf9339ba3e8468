import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import {
  accuracyCells,
  calledHours,
  estimateErrorReading,
  hasCalls,
  hasQuotedCalls,
  hourCells,
  minutesOnChart,
  serviceLevelCells,
  serviceLevelHistoryReading,
  unfinishedWords,
  withinRangeReading,
} from './accuracy-words';
import { QUIET_DAY, WEEK } from './marsa-week.fixture';

const NBSP = '\u00a0';
/** French puts a no-break space before "%" (narrow or not, depending on the ICU version). */
const PERCENT_FR = /[\u00a0\u202f]%/g;
const plain = (text: string | null | undefined) => text?.replace(PERCENT_FR, ' %') ?? null;

describe('the quotes of a week at La Marsa, on their cards', () => {
  it('should give the mean error, with the median and how many calls it is over', () => {
    expect(estimateErrorReading(WEEK, 'fr', fr)).toEqual({ value: `6${NBSP}min`, detail: `médiane 4${NBSP}min · sur 160 patients appelés` });
    expect(estimateErrorReading(WEEK, 'en', en)).toEqual({ value: `6${NBSP}min`, detail: `median 4${NBSP}min · over 160 patients called` });
  });

  it('should give the share called within their range, and the share called later than quoted', () => {
    const reading = withinRangeReading(WEEK, 'fr', fr);
    expect(plain(reading.value)).toBe('82 %');
    expect(plain(reading.detail)).toBe('10 % appelés plus tard qu’annoncé');
    expect(withinRangeReading(WEEK, 'en', en)).toEqual({ value: '82%', detail: '10% called later than quoted' });
  });

  it('should name the service level after the clinic’s target, with its counts', () => {
    const reading = serviceLevelHistoryReading(WEEK, 'fr', fr);
    expect(reading.label).toBe(`Appelés en 30${NBSP}min ou moins`);
    expect(plain(reading.value)).toBe('82 %');
    expect(reading.detail).toBe('162 sur 198 patients appelés');
    expect(serviceLevelHistoryReading({ ...WEEK, serviceLevel: { ...WEEK.serviceLevel, targetMinutes: 45 } }, 'en', en)).toEqual({
      label: `Called within 45${NBSP}min`,
      value: '82%',
      detail: '162 of 198 patients called',
    });
  });

  it('should say why a closed day has no figure', () => {
    expect(estimateErrorReading(QUIET_DAY, 'fr', fr)).toEqual({ value: null, detail: 'Aucun patient appelé avec une estimation' });
    expect(withinRangeReading(QUIET_DAY, 'en', en)).toEqual({ value: null, detail: 'No patient called with an estimate' });
    expect(serviceLevelHistoryReading(QUIET_DAY, 'fr', fr)).toEqual({
      label: `Appelés en 30${NBSP}min ou moins`,
      value: null,
      detail: 'Aucun patient appelé sur cette période.',
    });
  });

  it('should count the entries still open at midnight beside the patients, and only when there are some', () => {
    expect(unfinishedWords(WEEK, 'fr', fr)).toBe('dont 2 inachevés à minuit');
    expect(unfinishedWords({ ...WEEK, unfinished: 1 }, 'fr', fr)).toBe('dont 1 inachevé à minuit');
    expect(unfinishedWords(WEEK, 'en', en)).toBe('2 unfinished at midnight');
    expect(unfinishedWords(QUIET_DAY, 'en', en)).toBeNull();
  });
});

describe('the accuracy and service level charts', () => {
  const point = (figures: typeof WEEK) => ({ date: '2026-11-24', from: '2026-11-24', to: '2026-11-24', figures });

  it('should draw only a window that had calls', () => {
    expect(hasQuotedCalls([point(QUIET_DAY), point(WEEK)])).toBe(true);
    expect(hasQuotedCalls([point(QUIET_DAY)])).toBe(false);
    expect(hasCalls([point(QUIET_DAY)])).toBe(false);
    // Calls from before quotes still have a service level.
    const unquoted = { ...WEEK, estimates: QUIET_DAY.estimates };
    expect(hasQuotedCalls([point(unquoted)])).toBe(false);
    expect(hasCalls([point(unquoted)])).toBe(true);
  });

  it('should keep tenths of a minute on the axis and in the table', () => {
    expect(minutesOnChart(4.5, 'fr', fr)).toBe(`4,5${NBSP}min`);
    expect(minutesOnChart(0, 'en', en)).toBe(`0${NBSP}min`);
  });

  it('should write a row per day, a dash where a closed day has nothing', () => {
    expect(accuracyCells(WEEK, 'en', en)).toEqual(['160', `4${NBSP}min`, `5.6${NBSP}min`, '82%', '10%']);
    expect(accuracyCells(QUIET_DAY, 'fr', fr)).toEqual(['0', '—', '—', '—', '—']);
    expect(serviceLevelCells(WEEK, 'en', en)).toEqual(['198', '162', '82%']);
    expect(serviceLevelCells(QUIET_DAY, 'fr', fr)).toEqual(['0', '0', '—']);
  });
});

describe('the quotes by hour of the call', () => {
  /** A morning session from 8 to 12 and an afternoon from 15 to 18, nobody called over lunch. */
  const HOURS = Array.from({ length: 24 }, (_, hour) => {
    const open = (hour >= 8 && hour < 12) || (hour >= 15 && hour < 18);
    return {
      hour,
      estimates: open ? { ...WEEK.estimates, called: 10, withinRangeShare: hour < 12 ? 0.9 : 0.6 } : QUIET_DAY.estimates,
      serviceLevel: open ? { targetMinutes: 30, called: 12, calledWithinTarget: 9, share: 0.75 } : QUIET_DAY.serviceLevel,
    };
  });

  it('should keep the hours from the first call to the last, lunch included, and leave the night out', () => {
    expect(calledHours(HOURS).map((hour) => hour.hour)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(calledHours(HOURS.map((hour) => ({ ...hour, serviceLevel: QUIET_DAY.serviceLevel })))).toEqual([]);
  });

  it('should write an hour as its calls, median error, share within range and share within the target', () => {
    const [nine, , , , lunch] = calledHours(HOURS).slice(1);
    if (nine === undefined || lunch === undefined) throw new Error('the day has hours');
    expect(hourCells(nine, 'en', en)).toEqual(['12', `4${NBSP}min`, '90%', '75%']);
    expect(hourCells(lunch, 'fr', fr)).toEqual(['0', '—', '—', '—']);
  });
});
