import { describe, expect, it } from 'vitest';
import { endAccuracyWords, forecastAccuracyWords, MIN_JUDGED_ENTRIES, naiveForecastWords, walkOutRiskWords } from './foresight-words';

const NBSP = '\u00a0';
/** French puts a no-break space before "%" and between digit groups (narrow or not, depending on the ICU version). */
const plain = (text: string) => text.replace(/[\u00a0\u202f](?=%|\d)/g, ' ');

describe('the forecast’s accuracy', () => {
  const fourWeeks = { days: 28, meanAbsErrorPerDay: 4.3, meanAbsErrorPerHour: 1.1, hoursInsideShare: 0.81 };

  it('should say how far off the forecast was per day, and how many hours in ten stayed in their range', () => {
    expect(forecastAccuracyWords(fourWeeks, 'fr')).toBe(
      `Sur 28 jours, la prévision s’est trompée de 4 patients par jour en moyenne${NBSP}; 8 heures sur 10 sont restées dans la fourchette.`,
    );
    expect(forecastAccuracyWords(fourWeeks, 'en')).toBe('Over 28 days, the forecast was off by 4 patients a day on average; 8 hours in 10 stayed within the range.');
  });

  it('should agree with one day, one patient and one hour, and say an error under a half as under one patient', () => {
    const firstDay = { days: 1, meanAbsErrorPerDay: 1.2, meanAbsErrorPerHour: 0.3, hoursInsideShare: 0.1 };
    expect(forecastAccuracyWords(firstDay, 'fr')).toBe(
      `Sur 1 jour, la prévision s’est trompée de 1 patient par jour en moyenne${NBSP}; 1 heure sur 10 est restée dans la fourchette.`,
    );
    expect(forecastAccuracyWords(firstDay, 'en')).toBe('Over 1 day, the forecast was off by 1 patient a day on average; 1 hour in 10 stayed within the range.');
    const close = { days: 7, meanAbsErrorPerDay: 0.4, meanAbsErrorPerHour: 0.1, hoursInsideShare: 0 };
    expect(forecastAccuracyWords(close, 'fr')).toBe(
      `Sur 7 jours, la prévision s’est trompée de moins d’un patient par jour en moyenne${NBSP}; aucune heure n’est restée dans la fourchette.`,
    );
    expect(forecastAccuracyWords({ ...close, hoursInsideShare: null }, 'en')).toBe(
      'Over 7 days, the forecast was off by less than one patient a day on average.',
    );
  });

  it('should say how far off the naive forecast (the same weekday a week before) was, the same way', () => {
    expect(naiveForecastWords({ days: 28, naiveMeanAbsErrorPerDay: 7.4 }, 'fr')).toBe(
      'La prévision naïve (même jour la semaine d’avant) se trompait de 7 patients par jour.',
    );
    expect(naiveForecastWords({ days: 28, naiveMeanAbsErrorPerDay: 7.4 }, 'en')).toBe('The naive forecast (same day the week before) was off by 7 patients a day.');
    expect(naiveForecastWords({ days: 3, naiveMeanAbsErrorPerDay: 0.3 }, 'fr')).toBe(
      'La prévision naïve (même jour la semaine d’avant) se trompait de moins d’un patient par jour.',
    );
    expect(naiveForecastWords({ days: 3, naiveMeanAbsErrorPerDay: 1 }, 'en')).toBe('The naive forecast (same day the week before) was off by 1 patient a day.');
  });

  it("should say how far off the announced end of day was, and how often inside its range, once any was judged", () => {
    expect(endAccuracyWords({ predictions: 12, meanAbsErrorMinutes: 24.6, insideShare: 0.75 }, 'fr')).toBe(
      'La fin de journée annoncée (12 annonces) s’est trompée de 25 min en moyenne\u00a0; 8 sur 10 dans la fourchette.',
    );
    expect(endAccuracyWords({ predictions: 1, meanAbsErrorMinutes: 7, insideShare: 1 }, 'en')).toBe('The announced end of day (1 announcement) was off by 7 min on average; 10 in 10 within the range.');
    expect(endAccuracyWords({ predictions: 0, meanAbsErrorMinutes: null, insideShare: null }, 'fr')).toBeNull();
  });

  it('should leave the naive forecast out when no judged day had a week before', () => {
    expect(naiveForecastWords({ days: 4, naiveMeanAbsErrorPerDay: null }, 'fr')).toBeNull();
    expect(naiveForecastWords({ days: 0, naiveMeanAbsErrorPerDay: null }, 'en')).toBeNull();
  });

  it('should wait for a first judged forecast', () => {
    const none = { days: 0, meanAbsErrorPerDay: null, meanAbsErrorPerHour: null, hoursInsideShare: null };
    expect(forecastAccuracyWords(none, 'fr')).toBe('Pas encore de prévision jugée.');
    expect(forecastAccuracyWords(none, 'en')).toBe('No forecast judged yet.');
  });
});

describe('the walk-out risk’s accuracy', () => {
  it('should say how much better than the average alone it was, over how many patients', () => {
    // 1 − 0.082 ÷ 0.1 = 18 %.
    const judged = { entries: 412, brier: 0.082, baseRateBrier: 0.1 };
    expect(plain(walkOutRiskWords(judged, 'fr'))).toBe('Le risque de départ a été 18 % plus juste que la moyenne seule, sur 412 patients.');
    expect(walkOutRiskWords(judged, 'en')).toBe('The walk-out risk was 18% more accurate than the average alone, over 412 patients.');
  });

  it('should say plainly when it did worse, or no better', () => {
    const worse = { entries: 1250, brier: 0.112, baseRateBrier: 0.1 };
    expect(plain(walkOutRiskWords(worse, 'fr'))).toBe(
      `Le risque de départ a été 12 % moins juste que la moyenne seule, sur 1 250 patients${NBSP}: mieux vaut ne pas s’y fier.`,
    );
    expect(walkOutRiskWords(worse, 'en')).toBe('The walk-out risk was 12% less accurate than the average alone, over 1,250 patients: better not rely on it.');
    const even = { entries: 90, brier: 0.1004, baseRateBrier: 0.1 };
    expect(walkOutRiskWords(even, 'fr')).toBe('Le risque de départ n’a pas fait mieux que la moyenne seule, sur 90 patients.');
    expect(walkOutRiskWords(even, 'en')).toBe('The walk-out risk did no better than the average alone, over 90 patients.');
  });

  it(`should say it is too early under ${MIN_JUDGED_ENTRIES} patients`, () => {
    const early = { entries: 12, brier: 0.05, baseRateBrier: 0.1 };
    expect(walkOutRiskWords(early, 'fr')).toBe(`Trop tôt pour juger le risque de départ${NBSP}: 12 patients sur les 30 nécessaires.`);
    expect(walkOutRiskWords(early, 'en')).toBe('Too early to judge the walk-out risk: 12 patients of the 30 needed.');
    expect(walkOutRiskWords({ entries: 1, brier: 0, baseRateBrier: 0 }, 'en')).toBe('Too early to judge the walk-out risk: 1 patient of the 30 needed.');
    expect(walkOutRiskWords({ entries: 0, brier: null, baseRateBrier: null }, 'fr')).toBe(
      `Trop tôt pour juger le risque de départ${NBSP}: 0 patient sur les 30 nécessaires.`,
    );
  });

  it('should not score a risk that had nothing to predict', () => {
    const nobodyLeft = { entries: 64, brier: 0, baseRateBrier: 0 };
    expect(walkOutRiskWords(nobodyLeft, 'fr')).toBe(`Sur 64 patients, tous ont eu la même issue${NBSP}: le risque de départ n’avait rien à prévoir.`);
    expect(walkOutRiskWords(nobodyLeft, 'en')).toBe('All 64 patients had the same outcome: the walk-out risk had nothing to predict.');
  });
});
