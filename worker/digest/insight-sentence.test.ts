import { describe, expect, it } from 'vitest';
import type { InsightCandidate } from '../domain/digest-insights.ts';
import { insightSentence } from './insight-sentence.ts';

const said = (insight: InsightCandidate) => [insightSentence(insight, 'fr'), insightSentence(insight, 'en')];

describe("the digest's insight as one sentence, its figure and what it is compared with", () => {
  it('should say each kind in French and English', () => {
    expect(said({ kind: 'day_change', day: '2026-11-17', measure: 'patients', figure: 58, against: 41, change: 0.4146, score: 0.4146 })).toEqual([
      'Mardi, 58 patients : +41 % par rapport à la moyenne des 4 derniers mardis (41).',
      'Tuesday, 58 patients: +41 % on the average of the last 4 Tuesdays (41).',
    ]);
    expect(said({ kind: 'day_change', day: '2026-11-19', measure: 'avg_wait', figure: 40, against: 20, change: 1, score: 1 })).toEqual([
      'Jeudi, attente moyenne de 40 min : +100 % par rapport à la moyenne des 4 derniers jeudis (20 min).',
      'Thursday, average wait 40 min: +100 % on the average of the last 4 Thursdays (20 min).',
    ]);
    expect(said({ kind: 'slowest_hour', hour: 10, figure: 45, against: 26.3, change: 0.7143, score: 0.7143 })).toEqual([
      'De 10 h à 11 h, l’attente moyenne a été de 45 min, contre 26,3 min sur toute la semaine.',
      'From 10:00 to 11:00 the average wait was 45 min, against 26.3 min over the whole week.',
    ]);
    const [noShowFr, noShowEn] = said({ kind: 'no_show_spike', noShows: 25, figure: 0.125, against: 0.05, change: 1.5, score: 1.5 });
    expect(noShowFr).toMatch(/^13\s% de non-présentés cette semaine \(25\), contre 5\s% sur les 4 semaines précédentes\.$/);
    expect(noShowEn).toBe('13% no-shows this week (25), against 5% over the 4 weeks before.');
    expect(said({ kind: 'qr_drop', figure: 0.375, against: 0.75, change: -0.5, score: 0.5 })[1]).toBe('QR check-ins: 38% this week, against 75% over the 4 weeks before.');
    expect(said({ kind: 'estimates_off', quoted: 180, meanAbsoluteErrorMinutes: 9, figure: 0.3333, against: 0.8, change: -0.5833, score: 0.5833 })[1]).toBe(
      'Wait estimates held only 33% of the time (aim: 80%), 9 min off on average.',
    );
    expect(said({ kind: 'steady', figure: 200, against: 198.5, change: 0.0076, score: 0 })).toEqual([
      'Semaine sans écart notable : 200 patients, pour 198,5 en moyenne sur les 4 semaines précédentes.',
      'A week like the others: 200 patients, against 198.5 on average over the 4 weeks before.',
    ]);
    expect(said({ kind: 'steady', figure: 1, against: null, change: null, score: 0 })[0]).toBe('1 patient cette semaine ; pas encore 4 semaines d’historique pour comparer.');
  });
});
