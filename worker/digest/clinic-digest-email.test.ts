import { describe, expect, it } from 'vitest';
import { emptyRollupCounters } from '../domain/rollup.ts';
import { clinicWeekDigest } from '../domain/weekly-digest.ts';
import { renderClinicDigest } from './clinic-digest-email.ts';

const MINUTE = 60_000;
const week = { from: '2026-11-16', to: '2026-11-22' };
const digest = clinicWeekDigest(
  week,
  [
    { ...emptyRollupCounters(), day: '2026-11-10', checkinsQr: 4, checkinsManual: 6, seen: 8 },
    { ...emptyRollupCounters(), day: '2026-11-19', checkinsQr: 9, checkinsManual: 3, seen: 10, noShows: 2, waitSumMs: 150 * MINUTE, waitCount: 10, waitMaxMs: 45 * MINUTE, smsSent: 10, smsCostMinor: 400 },
  ],
  [{ hour: 9, arrivals: 7 }],
);
const input = { clinicName: 'Cabinet <Dr> Ben Salah & fils', currency: 'TND', digest, historyUrl: 'https://pulse.example/history', settingsUrl: 'https://pulse.example/account' };

describe("the clinic owner's digest e-mail", () => {
  it('should say the week and its figures in French, in both parts', () => {
    const mail = renderClinicDigest({ ...input, locale: 'fr' });
    expect(mail.subject).toBe('Cabinet <Dr> Ben Salah & fils — votre semaine du 16 novembre au 22 novembre');
    expect(mail.text).toContain('Patients vus : 10 (+25 % par rapport à la semaine précédente)');
    expect(mail.text).toContain('Attente moyenne : 15 min');
    expect(mail.text).toContain('Jour le plus chargé : jeudi 19 novembre · 12 patients');
    expect(mail.text).toContain('Heure la plus chargée : 9 h – 10 h');
    expect(mail.text).toMatch(/SMS envoyés : 10 · 0,400\s?DT/);
    expect(mail.html).toContain('Patients vus');
    expect(mail.html).toContain('prefers-color-scheme: dark');
    // The clinic's name is text, never markup.
    expect(mail.html).toContain('Cabinet &#60;Dr&#62; Ben Salah &#38; fils');
    expect(mail.html).not.toContain('<Dr>');
  });

  it('should speak English to an English-speaking owner', () => {
    const mail = renderClinicDigest({ ...input, locale: 'en' });
    expect(mail.subject).toBe('Cabinet <Dr> Ben Salah & fils — your week from 16 November to 22 November');
    expect(mail.text).toContain('Patients seen : 10 (+25 % on the week before)');
    expect(mail.text).toContain('SMS sent : 10 · TND');
    expect(mail.text).toContain('No-shows : 2 (17%) (no week before to compare with)');
  });
});
