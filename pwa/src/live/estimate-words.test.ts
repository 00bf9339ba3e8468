import { describe, expect, it } from 'vitest';
import type { TodayEntry } from '../api/wire';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { accuracyWords, positionWords, quoteWords, rangeWords, serviceLevelReading } from './estimate-words';
import { TEN_AM, TEN_AM_ENTRIES } from './ten-am.fixture';

const NBSP = '\u00a0';

const ticket = (ticketNumber: number): TodayEntry => {
  const found = TEN_AM_ENTRIES.find((entry) => entry.ticketNumber === ticketNumber);
  if (found === undefined) throw new Error(`no ticket ${ticketNumber} at ten`);
  return found;
};

const estimateOf = (ticketNumber: number) => {
  const { estimate } = ticket(ticketNumber);
  if (estimate === null) throw new Error(`ticket ${ticketNumber} has no estimate`);
  return estimate;
};

describe('rangeWords', () => {
  it('should tell the second in line its wait as a point and a range, never a bare number', () => {
    expect(rangeWords(estimateOf(13), fr)).toEqual({
      text: `≈ 25${NBSP}min (15–35)`,
      spoken: `appel estimé dans 25${NBSP}min environ, entre 15${NBSP}min et 35${NBSP}min`,
    });
    expect(rangeWords(estimateOf(13), en)).toEqual({
      text: `≈ 25${NBSP}min (15–35)`,
      spoken: `expected to be called in about 25${NBSP}min, between 15${NBSP}min and 35${NBSP}min`,
    });
  });

  it('should give each bound its unit once the range passes the hour', () => {
    const afternoon = { waitMinutes: 70, lowMinutes: 45, highMinutes: 95 };
    expect(rangeWords(afternoon, fr).text).toBe(`≈ 1${NBSP}h${NBSP}10 (45${NBSP}min – 1${NBSP}h${NBSP}35)`);
    expect(rangeWords(afternoon, en).text).toBe(`≈ 1${NBSP}h${NBSP}10${NBSP}min (45${NBSP}min – 1${NBSP}h${NBSP}35${NBSP}min)`);
  });

  it('should say "any moment now" when the doctor is about to call, with the top of the range', () => {
    expect(rangeWords({ waitMinutes: 0, lowMinutes: 0, highMinutes: 6 }, fr).text).toBe(`d’un instant à l’autre (au plus 6${NBSP}min)`);
    expect(rangeWords({ waitMinutes: 0, lowMinutes: 0, highMinutes: 6 }, en).text).toBe(`any moment now (within 6${NBSP}min)`);
    expect(rangeWords({ waitMinutes: 0, lowMinutes: 0, highMinutes: 0 }, en)).toEqual({ text: 'any moment now', spoken: 'any moment now' });
  });
});

describe('positionWords', () => {
  it('should call the first in line "next" and rank the others', () => {
    expect(positionWords(1, 'fr', fr)).toBe('Prochain');
    expect(positionWords(2, 'fr', fr)).toBe('2e dans la file');
    expect(positionWords(1, 'en', en)).toBe('Next');
    expect(positionWords(3, 'en', en)).toBe('3rd in line');
    expect(positionWords(12, 'en', en)).toBe('12th in line');
    expect(positionWords(22, 'en', en)).toBe('22nd in line');
  });
});

describe('quoteWords', () => {
  it('should recall what a called patient had been told at check-in', () => {
    expect(quoteWords(ticket(11), fr)).toBe(`annoncé ≈ 15${NBSP}min (8–24)`);
    expect(quoteWords(ticket(8), en)).toBe(`quoted ≈ 20${NBSP}min (12–30)`);
  });

  it('should say nothing before the call, nor for a patient who left uncalled or was never quoted', () => {
    expect(quoteWords(ticket(13), fr)).toBeNull();
    expect(quoteWords(ticket(9), fr)).toBeNull();
    expect(quoteWords({ ...ticket(8), quote: null }, en)).toBeNull();
  });
});

describe('accuracyWords', () => {
  it('should sum up the morning’s quotes in counts a doctor can check against the list', () => {
    expect(accuracyWords(TEN_AM.estimates, 'fr', fr)).toBe(`Estimations du jour${NBSP}: écart médian 4${NBSP}min, 6 sur 8 dans la fourchette`);
    expect(accuracyWords(TEN_AM.estimates, 'en', en)).toBe(`Today’s estimates: median error 4${NBSP}min, 6 of 8 within the range`);
  });

  it('should say a median under a minute as such', () => {
    const close = { called: 2, meanAbsoluteErrorMinutes: 0.5, medianAbsoluteErrorMinutes: 0.5, withinRangeShare: 1, underQuotedShare: 0 };
    expect(accuracyWords(close, 'en', en)).toBe(`Today’s estimates: median error 1${NBSP}min, 2 of 2 within the range`);
    expect(accuracyWords({ ...close, medianAbsoluteErrorMinutes: 0 }, 'fr', fr)).toBe(
      `Estimations du jour${NBSP}: écart médian <${NBSP}1${NBSP}min, 2 sur 2 dans la fourchette`,
    );
  });

  it('should wait kindly for the first call rather than show empty figures', () => {
    const none = { called: 0, meanAbsoluteErrorMinutes: null, medianAbsoluteErrorMinutes: null, withinRangeShare: null, underQuotedShare: null };
    expect(accuracyWords(none, 'fr', fr)).toBe(`Estimations du jour${NBSP}: leur justesse s’affichera dès le premier patient appelé.`);
    expect(accuracyWords(none, 'en', en)).toBe('Today’s estimates: how close they come shows once the first patient is called.');
  });
});

describe('serviceLevelReading', () => {
  it('should give the share called within the clinic’s target, with the counts', () => {
    // French puts a (narrow, depending on the ICU version) no-break space before the sign.
    expect(serviceLevelReading(TEN_AM.serviceLevel, 'fr', fr)).toEqual({
      label: `Appelés en 30${NBSP}min ou moins`,
      value: expect.stringMatching(/^78[\u00a0\u202f]%$/),
      detail: '7 sur 9 patients appelés',
    });
    expect(serviceLevelReading(TEN_AM.serviceLevel, 'en', en)).toEqual({
      label: `Called within 30${NBSP}min`,
      value: '78%',
      detail: '7 of 9 patients called',
    });
  });

  it('should follow the target the owner set, and have no share before the first call', () => {
    const early = { targetMinutes: 45, called: 0, calledWithinTarget: 0, share: null };
    expect(serviceLevelReading(early, 'fr', fr)).toEqual({ label: `Appelés en 45${NBSP}min ou moins`, value: null, detail: 'Aucun patient appelé' });
    expect(serviceLevelReading(early, 'en', en).value).toBeNull();
  });
});
