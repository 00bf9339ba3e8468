import { describe, expect, it } from 'vitest';
import { emptyRollupCounters } from '../domain/rollup.ts';
import { clinicWeekDigest, weekChart, type ClinicWeekReport } from '../domain/weekly-digest.ts';
import { renderClinicDigest } from './clinic-digest-email.ts';

const MINUTE = 60_000;
const week = { from: '2026-11-16', to: '2026-11-22' };
const days = [
    { ...emptyRollupCounters(), day: '2026-11-10', checkinsQr: 4, checkinsManual: 6, seen: 8 },
    { ...emptyRollupCounters(), day: '2026-11-17', checkinsQr: 3, checkinsManual: 3, seen: 5 },
    { ...emptyRollupCounters(), day: '2026-11-19', checkinsQr: 9, checkinsManual: 3, seen: 10, noShows: 2, waitSumMs: 150 * MINUTE, waitCount: 10, waitMaxMs: 45 * MINUTE, smsSent: 10, smsCostMinor: 400 },
];
const digest: ClinicWeekReport = {
  ...clinicWeekDigest(week, days, [{ hour: 9, arrivals: 7 }]),
  insight: { kind: 'day_change', day: '2026-11-19', measure: 'patients', figure: 12, against: 8.5, change: 0.4118, score: 0.4118 },
  sameWeekday: [],
  chart: weekChart(week, days),
  notes: [
    { day: '2026-11-17', text: 'Médecin <remplaçant>', author: 'doc@pulse.test', serviceWide: false },
    { day: '2026-11-19', text: 'Panne du fournisseur SMS', author: 'admin@pulse.test', serviceWide: true },
  ],
  smsBudget: { month: '2026-11', upToDay: '2026-11-22', count: 1240, costMinor: 49_600, budgetMinor: 80_000, share: 0.62 },
  alerts: [{ kind: 'queue_too_long', value: 34, threshold: 30, firedAt: Date.parse('2026-11-19T09:00:00Z'), resolvedAt: Date.parse('2026-11-19T10:00:00Z'), detail: null }],
};
const input = { clinicName: 'Cabinet <Dr> Ben Salah & fils', currency: 'TND', digest, historyUrl: 'https://pulse.example/history', settingsUrl: 'https://pulse.example/account' };

describe("the clinic owner's digest e-mail", () => {
  it('should say the week and its figures in French, in both parts', () => {
    const mail = renderClinicDigest({ ...input, locale: 'fr' });
    expect(mail.subject).toBe('Cabinet <Dr> Ben Salah & fils — votre semaine du 16 novembre au 22 novembre');
    expect(mail.text.split('\n').slice(0, 3)).toEqual([
      'Cabinet <Dr> Ben Salah & fils',
      'Jeudi, 12 patients : +41 % par rapport à la moyenne des 4 derniers jeudis (8,5).',
      'Votre semaine du 16 novembre au 22 novembre, comparée à la précédente.',
    ]);
    expect(mail.text).toContain('Patients vus : 15 (+87,5 % par rapport à la semaine précédente)');
    expect(mail.text).toContain('Attente moyenne : 15 min');
    expect(mail.text).toContain('Jour le plus chargé : jeudi 19 novembre · 12 patients');
    expect(mail.text).toContain('Heure la plus chargée : 9 h – 10 h');
    expect(mail.text).toMatch(/SMS envoyés : 10 · 0,400\s?DT/);
    expect(mail.text).toMatch(/SMS du mois au 22 novembre : 49,600\sDT sur 80,000\sDT \(62\s%\)/);
    // The week's bars in the plain-text part, each day's figures beside its bar.
    expect(mail.text).toContain(['PATIENTS PAR JOUR', 'lundi 16    0 (0 vus)', 'mardi 17    ██████████ 6 (5 vus)', 'mercredi 18 0 (0 vus)', 'jeudi 19    ████████████████████ 12 (10 vus)'].join('\n'));
    expect(mail.text).toContain(['NOTES DE LA SEMAINE', 'mardi 17 novembre — Médecin <remplaçant>', 'jeudi 19 novembre — Panne du fournisseur SMS (Pulse, toutes les cliniques)'].join('\n'));
    expect(mail.text).toContain('File d’attente trop longue — Cabinet <Dr> Ben Salah & fils : résolue (34 patients attendent (seuil : 30).)');
    // In HTML the bars are tables: Tuesday half as wide as Thursday, numbers beside them, notes escaped.
    expect(mail.html).toContain('<table role="presentation" width="50%"');
    expect(mail.html).toContain('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;border-collapse:collapse"><tr><td bgcolor="#2f81f7"');
    expect(mail.html).toContain('>12 (10 vus)</td>');
    expect(mail.html).toContain('Médecin &#60;remplaçant&#62;');
    expect(mail.html).not.toMatch(/<img|<svg/);
    expect(mail.html.indexOf('Jeudi, 12 patients')).toBeLessThan(mail.html.indexOf('Votre semaine du'));
    expect(mail.html).toContain('Patients vus');
    expect(mail.html).toContain('prefers-color-scheme: dark');
    // The clinic's name is text, never markup.
    expect(mail.html).toContain('Cabinet &#60;Dr&#62; Ben Salah &#38; fils');
    expect(mail.html).not.toContain('<Dr>');
  });

  it('should speak English to an English-speaking owner', () => {
    const mail = renderClinicDigest({ ...input, locale: 'en' });
    expect(mail.subject).toBe('Cabinet <Dr> Ben Salah & fils — your week from 16 November to 22 November');
    expect(mail.text).toContain('Thursday, 12 patients: +41 % on the average of the last 4 Thursdays (8.5).');
    expect(mail.text).toContain('Patients seen : 15 (+87.5 % on the week before)');
    expect(mail.text).toContain('Tuesday 17   ██████████ 6 (5 seen)');
    expect(mail.text).toMatch(/SMS of the month to 22 November : TND\s?49\.600 of TND\s?80\.000 \(62%\)/);
    expect(mail.text).toContain('SMS sent : 10 · TND');
    expect(mail.text).toContain('No-shows : 2 (11%) (no week before to compare with)');
  });
});
