import { describe, expect, it } from 'vitest';
import { dayEndWords, peakHour, tomorrowWords, type DayForecast } from './forecast-words';

const NBSP = '\u00a0';

/** Wednesday at La Marsa: as busy at 10 as at 15, the morning first. */
const WEDNESDAY: DayForecast = {
  total: { expected: 47.6, low: 40.2, high: 55.8 },
  hours: [
    { hour: 8, expected: 4, low: 2, high: 7 },
    { hour: 9, expected: 8.5, low: 5, high: 12 },
    { hour: 10, expected: 9.2, low: 6, high: 13 },
    { hour: 11, expected: 7, low: 4, high: 10 },
    { hour: 15, expected: 9.2, low: 6, high: 13 },
    { hour: 16, expected: 9.1, low: 6, high: 14 },
  ],
};

describe('tomorrow’s forecast', () => {
  it('should give the expected patients, their range and the peak hour', () => {
    expect(tomorrowWords(WEDNESDAY, 'fr')).toBe(`Demain${NBSP}: ≈ 48 patients (40–56), pic vers 10${NBSP}h`);
    expect(tomorrowWords(WEDNESDAY, 'en')).toBe('Tomorrow: ≈ 48 patients (40–56), peak around 10:00');
  });

  it('should take the earliest of two equal hours as the peak, and have none on a day without patients', () => {
    expect(peakHour(WEDNESDAY.hours)).toBe(10);
    expect(peakHour([{ hour: 14, expected: 3, low: 1, high: 5 }, { hour: 9, expected: 3, low: 1, high: 5 }])).toBe(9);
    expect(peakHour([{ hour: 9, expected: 0, low: 0, high: 0 }])).toBeNull();
    expect(peakHour([])).toBeNull();
  });

  it('should say a closed day plainly, with no peak', () => {
    const closed: DayForecast = { total: { expected: 0.3, low: 0, high: 1 }, hours: [{ hour: 9, expected: 0.3, low: 0, high: 1 }] };
    expect(tomorrowWords(closed, 'fr')).toBe(`Demain${NBSP}: fermé ou aucun patient attendu`);
    expect(tomorrowWords(closed, 'en')).toBe('Tomorrow: closed or no patient expected');
  });

  it('should agree with one patient, and leave out a range that is no range', () => {
    const quiet: DayForecast = { total: { expected: 1, low: 0.8, high: 1.2 }, hours: [{ hour: 18, expected: 1, low: 1, high: 1 }] };
    expect(tomorrowWords(quiet, 'fr')).toBe(`Demain${NBSP}: ≈ 1 patient, pic vers 18${NBSP}h`);
    expect(tomorrowWords(quiet, 'en')).toBe('Tomorrow: ≈ 1 patient, peak around 18:00');
  });
});

describe('today’s end', () => {
  const end = { expected: '2026-12-07T18:40:00+01:00', low: '2026-12-07T18:10:00+01:00', high: '2026-12-07T19:30:00+01:00' };

  it('should give the estimated end and its range on the clinic’s wall clock, whatever the phone’s zone', () => {
    // Tests run in UTC: read as instants, these would be 17:40, 17:10 and 18:30.
    expect(dayEndWords(end, 'fr')).toBe(`Fin estimée vers 18${NBSP}h${NBSP}40 (18${NBSP}h${NBSP}10 – 19${NBSP}h${NBSP}30)`);
    expect(dayEndWords(end, 'en')).toBe('Estimated end around 18:40 (18:10 – 19:30)');
  });

  it('should say a whole hour as such in French, and leave out a range that is no range', () => {
    const atSeven = { expected: '2026-12-07T19:00:00.000+01:00', low: '2026-12-07T19:00:00.000+01:00', high: '2026-12-07T19:00:00.000+01:00' };
    expect(dayEndWords(atSeven, 'fr')).toBe(`Fin estimée vers 19${NBSP}h`);
    expect(dayEndWords({ ...end, expected: '2026-12-07T09:05:00+01:00' }, 'en')).toBe('Estimated end around 09:05 (18:10 – 19:30)');
  });

  it('should refuse what is not a clinic time', () => {
    expect(() => dayEndWords({ ...end, expected: 'tonight' }, 'fr')).toThrow(RangeError);
  });
});
