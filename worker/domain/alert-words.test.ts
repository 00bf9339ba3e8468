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

  it('should mark a reminder as still firing', () => {
    expect(alertWords({ kind: 'mrr_drop', locale: 'fr', value: 0.15, threshold: 0.1, clinicName: null, reminder: true }).title).toBe('Toujours en cours : Baisse du MRR');
    expect(alertWords({ kind: 'mrr_drop', locale: 'en', value: 0.15, threshold: 0.1, clinicName: null, reminder: true }).title).toBe('Still firing: MRR drop');
  });

  it("should open the owner's live queue for a clinic alert and the administration for the service's", () => {
    expect(alertUrl('clinic-1')).toBe('/today');
    expect(alertUrl(null)).toBe('/admin');
  });
});
