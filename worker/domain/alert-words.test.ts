import { describe, expect, it } from 'vitest';
import { alertUrl, alertWords } from './alert-words.ts';

describe('alertWords', () => {
  it("should say each PRODUCT.md alert in the recipient's language, with its value and threshold", () => {
    expect(alertWords({ kind: 'queue_too_long', locale: 'fr', value: 34, threshold: 30, clinicName: 'Cabinet Ennasr', reminder: false })).toEqual({
      title: 'File d’attente trop longue — Cabinet Ennasr',
      body: '34 patients attendent (seuil : 30).',
    });
    expect(alertWords({ kind: 'sms_failures', locale: 'en', value: 0.125, threshold: 0.1, clinicName: null, reminder: false })).toEqual({
      title: 'SMS failures',
      body: '13% of the last hour’s SMS failed (threshold: 10%).',
    });
    expect(alertWords({ kind: 'sms_cost', locale: 'en', value: 612, threshold: 500, clinicName: null, reminder: false }).body).toBe('612 SMS sent today (threshold: 500).');
    expect(alertWords({ kind: 'mrr_drop', locale: 'en', value: 0.15, threshold: 0.1, clinicName: null, reminder: false }).body).toBe('MRR fell 15% in 7 days (threshold: 10%).');
    expect(alertWords({ kind: 'churn_risk', locale: 'fr', value: 0.25, threshold: 0.2, clinicName: null, reminder: false }).title).toBe('Risque d’attrition');
  });

  it('should say an unusual hour with its figure, now against the usual for the weekday and hour', () => {
    const waiting = { kind: 'unusual_hour', figure: 'waiting', value: 18, usual: 6.9, ratio: 18 / 6.9, weekday: 1, hour: 10 } as const;
    const base = { kind: 'unusual_hour', value: 18 / 6.9, threshold: 2, clinicName: 'Cabinet Ennasr', reminder: false } as const;
    expect(alertWords({ ...base, locale: 'fr', detail: waiting })).toEqual({
      title: 'Inhabituel pour l’heure — Cabinet Ennasr',
      body: 'Salle d’attente : 18 patients, 2,6× l’habituel du mardi à 10 h.',
    });
    expect(alertWords({ ...base, locale: 'en', detail: waiting }).body).toBe('Waiting room: 18 patients, 2.6× the usual for a Tuesday at 10:00.');
    const wait = { kind: 'unusual_hour', figure: 'wait', value: 42.4, usual: 18, ratio: 42.4 / 18, weekday: 5, hour: 9 } as const;
    expect(alertWords({ ...base, locale: 'fr', detail: wait }).body).toBe('Attente moyenne : 42 min, 2,4× l’habituel du samedi à 9 h.');
    expect(alertWords({ ...base, locale: 'en', detail: wait }).body).toBe('Average wait: 42 min, 2.4× the usual for a Saturday at 09:00.');
    // Without what it saw (an alert of an older version), its value alone.
    expect(alertWords({ ...base, locale: 'fr' }).body).toBe('2,6× l’habituel pour ce jour et cette heure (seuil : 2×).');
  });

  it('should say which SMS budget level of which month was reached, with the amounts', () => {
    const figures = { kind: 'sms_budget', month: '2030-04', currency: 'TND', budgetMinor: 50_000, costMinor: 41_000, projectedMonthEndMinor: 61_000 } as const;
    const base = { kind: 'sms_budget', value: 0.82, threshold: 0.8, clinicName: 'Cabinet Ennasr', reminder: false } as const;
    expect(alertWords({ ...base, locale: 'fr', detail: { ...figures, level: 'share', share: 0.8 } })).toEqual({
      title: 'Budget SMS à 80\u00a0% — Cabinet Ennasr',
      body: 'SMS d’avril : 41,000\u00a0DT sur un budget de 50,000\u00a0DT (82\u00a0%).',
    });
    expect(alertWords({ ...base, locale: 'en', detail: { ...figures, level: 'share', share: 0.8 } })).toEqual({
      title: 'SMS budget at 80% — Cabinet Ennasr',
      body: 'SMS in April: TND\u00a041.000 of a TND\u00a050.000 budget (82%).',
    });
    expect(alertWords({ ...base, locale: 'fr', detail: { ...figures, month: '2030-03', costMinor: 50_500, level: 'share', share: 1 } })).toEqual({
      title: 'Budget SMS atteint — Cabinet Ennasr',
      body: 'SMS de mars : 50,500\u00a0DT sur un budget de 50,000\u00a0DT (101\u00a0%).',
    });
    expect(alertWords({ ...base, locale: 'fr', detail: { ...figures, level: 'projection', share: 1 } })).toEqual({
      title: 'Budget SMS : dépassement prévu — Cabinet Ennasr',
      body: 'À ce rythme, les SMS d’avril coûteront 61,000\u00a0DT d’ici la fin du mois, pour un budget de 50,000\u00a0DT (41,000\u00a0DT à ce jour).',
    });
    expect(alertWords({ ...base, locale: 'en', detail: { ...figures, level: 'projection', share: 1 } }).body).toBe(
      'At this pace, SMS in April will cost TND\u00a061.000 by the end of the month, against a budget of TND\u00a050.000 (TND\u00a041.000 so far).',
    );
    expect(alertWords({ ...base, locale: 'en', reminder: true, detail: { ...figures, level: 'projection', share: 1 } }).title).toBe('Still firing: SMS budget: overrun expected — Cabinet Ennasr');
  });

  it('should mark a reminder as still firing', () => {
    expect(alertWords({ kind: 'mrr_drop', locale: 'fr', value: 0.15, threshold: 0.1, clinicName: null, reminder: true }).title).toBe('Toujours en cours : Baisse du MRR');
    expect(alertWords({ kind: 'mrr_drop', locale: 'en', value: 0.15, threshold: 0.1, clinicName: null, reminder: true }).title).toBe('Still firing: MRR drop');
  });

  it("should open the owner's live queue for a clinic alert and the administration for the service's", () => {
    expect(alertUrl('clinic-1')).toBe('/today');
    expect(alertUrl(null)).toBe('/admin');
  });
});
