import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { activityKindWords, alertKindWords, cohortWords, lastLoginWords, timelineDetailWords } from './admin-words';

const NBSP = '\u00a0';

describe('lastLoginWords', () => {
  it('should count whole days since the last login, in words', () => {
    expect(lastLoginWords(0, fr)).toBe('Aujourd’hui');
    expect(lastLoginWords(1, fr)).toBe('Hier');
    expect(lastLoginWords(9, fr)).toBe('Il y a 9 jours');
    expect(lastLoginWords(9, en)).toBe('9 days ago');
  });

  it('should say a clinic never logged in rather than show a number', () => {
    expect(lastLoginWords(null, fr)).toBe('Jamais');
    expect(lastLoginWords(null, en)).toBe('Never');
  });
});

describe('timelineDetailWords', () => {
  it("should tell a patient's arrival by ticket and check-in method", () => {
    expect(timelineDetailWords({ kind: 'patient_added', detail: { entryId: 'e-12', ticket: 12, method: 'qr' } }, fr)).toBe(`n°${NBSP}12 · QR`);
    expect(timelineDetailWords({ kind: 'patient_called', detail: { entryId: 'e-12', ticket: 12 } }, en)).toBe(`No.${NBSP}12`);
  });

  it('should name the platform of a login and the SMS sent', () => {
    expect(timelineDetailWords({ kind: 'clinic_login', detail: { platform: 'web' } }, fr)).toBe('Web');
    expect(timelineDetailWords({ kind: 'sms_sent', detail: { smsId: 's-1', kind: 'almost_turn' } }, fr)).toBe('«\u00a0Bientôt votre tour\u00a0»');
  });

  it('should say what an admin changed, settings by name', () => {
    expect(timelineDetailWords({ kind: 'admin_change', detail: { change: 'created' } }, fr)).toBe('Cabinet créé');
    expect(timelineDetailWords({ kind: 'admin_change', detail: { change: 'edited', fields: ['name', 'planPriceMinor'] } }, fr)).toBe(
      'Modifié\u00a0: nom, forfait mensuel',
    );
    expect(timelineDetailWords({ kind: 'admin_change', detail: { change: 'archived' } }, en)).toBe('Clinic archived');
  });

  it('should keep a code it does not know, and say nothing without detail', () => {
    expect(timelineDetailWords({ kind: 'sms_sent', detail: { kind: 'birthday' } }, fr)).toBe('birthday');
    expect(timelineDetailWords({ kind: 'clinic_login', detail: null }, fr)).toBeNull();
    expect(timelineDetailWords({ kind: 'queue_reset', detail: { anything: 1 } }, fr)).toBeNull();
  });
});

describe('kinds in words', () => {
  it('should name every kind of the timeline and every alert', () => {
    expect(activityKindWords('clinic_login', fr)).toBe('Connexion');
    expect(activityKindWords('admin_change', en)).toBe('Admin change');
    expect(alertKindWords('mrr_drop', fr)).toBe('Baisse du MRR');
    expect(alertKindWords('solar_flare', en)).toBe('solar_flare');
  });
});

describe('cohortWords', () => {
  it('should name the signup month, whatever the zone', () => {
    expect(cohortWords('2026-08', 'fr')).toBe('août 2026');
    expect(cohortWords('2026-01', 'en')).toBe('January 2026');
  });
});
