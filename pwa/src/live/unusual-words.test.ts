import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { unusualWords, type UnusualFigure } from './unusual-words';

const NBSP = '\u00a0';
/** A Tuesday (0 = Monday) at 10. */
const TUESDAY_AT_TEN = { weekday: 1, hour: 10 };

const figure = (change: Partial<UnusualFigure>): UnusualFigure => ({
  figure: 'arrivals', value: 12, usual: 6, ratio: 2, direction: 'above', ...TUESDAY_AT_TEN, ...change,
});

describe('unusual for a Tuesday at 10', () => {
  it('should say how many times more than usual, with a decimal comma in French', () => {
    const longWait = figure({ figure: 'wait', value: 50, usual: 20, ratio: 2.5 });
    expect(unusualWords(longWait, 'fr', fr)).toBe(`2,5× plus d’attente qu’un mardi à 10${NBSP}h`);
    expect(unusualWords(longWait, 'en', en)).toBe('2.5× the usual wait for a Tuesday at 10:00');
    expect(unusualWords(figure({}), 'fr', fr)).toBe(`2× plus d’arrivées qu’un mardi à 10${NBSP}h`);
    expect(unusualWords(figure({}), 'en', en)).toBe('2× the usual arrivals for a Tuesday at 10:00');
    const crowded = figure({ figure: 'waiting', value: 17, usual: 5, ratio: 3.4 });
    expect(unusualWords(crowded, 'fr', fr)).toBe(`3,4× plus de patients en salle qu’un mardi à 10${NBSP}h`);
    expect(unusualWords(crowded, 'en', en)).toBe('3.4× the usual number of patients waiting for a Tuesday at 10:00');
  });

  it('should say how many times fewer, usual over live, never a share', () => {
    const emptying = figure({ figure: 'waiting', value: 4, usual: 8, ratio: 0.5, direction: 'below' });
    expect(unusualWords(emptying, 'fr', fr)).toBe(`2× moins de patients en salle qu’un mardi à 10${NBSP}h`);
    expect(unusualWords(emptying, 'en', en)).toBe('2× fewer patients waiting than usual for a Tuesday at 10:00');
    const fewArrivals = figure({ value: 3, usual: 10, ratio: 0.3, direction: 'below' });
    expect(unusualWords(fewArrivals, 'fr', fr)).toBe(`3,3× moins d’arrivées qu’un mardi à 10${NBSP}h`);
    expect(unusualWords(fewArrivals, 'en', en)).toBe('3.3× fewer arrivals than usual for a Tuesday at 10:00');
    const brisk = figure({ figure: 'wait', value: 8, usual: 24, ratio: 0.3, direction: 'below' });
    expect(unusualWords(brisk, 'fr', fr)).toBe(`3× moins d’attente qu’un mardi à 10${NBSP}h`);
    expect(unusualWords(brisk, 'en', en)).toBe('Waits 3× shorter than usual for a Tuesday at 10:00');
  });

  it('should give the usual value when a figure falls to nothing, rather than an endless factor', () => {
    const noArrivals = figure({ value: 0, usual: 6, ratio: 0, direction: 'below' });
    expect(unusualWords(noArrivals, 'fr', fr)).toBe(`Aucune arrivée depuis une heure, contre 6 d’habitude un mardi à 10${NBSP}h`);
    expect(unusualWords(noArrivals, 'en', en)).toBe('No arrivals in the last hour, where a Tuesday at 10:00 usually has 6');
    const emptyRoom = figure({ figure: 'waiting', value: 0, usual: 4.5, ratio: 0, direction: 'below' });
    expect(unusualWords(emptyRoom, 'fr', fr)).toBe(`Salle d’attente vide, contre 4,5 patients d’habitude un mardi à 10${NBSP}h`);
    expect(unusualWords(emptyRoom, 'en', en)).toBe('Nobody waiting, where a Tuesday at 10:00 usually has 4.5');
    const noWait = figure({ figure: 'wait', value: 0.4, usual: 18.2, ratio: 0, direction: 'below' });
    expect(unusualWords(noWait, 'fr', fr)).toBe(`Moins d’une minute d’attente depuis une heure, contre 18${NBSP}min d’habitude un mardi à 10${NBSP}h`);
    expect(unusualWords(noWait, 'en', en)).toBe(`Waits under a minute in the last hour, where a Tuesday at 10:00 usually has 18${NBSP}min`);
  });

  it('should name the weekday and the hour of the clinic, Monday first, the morning with two digits in English', () => {
    const sundayMorning = figure({ weekday: 6, hour: 9 });
    expect(unusualWords(sundayMorning, 'fr', fr)).toBe(`2× plus d’arrivées qu’un dimanche à 9${NBSP}h`);
    expect(unusualWords(sundayMorning, 'en', en)).toBe('2× the usual arrivals for a Sunday at 09:00');
    expect(unusualWords(figure({ weekday: 0, hour: 17 }), 'en', en)).toBe('2× the usual arrivals for a Monday at 17:00');
  });
});
