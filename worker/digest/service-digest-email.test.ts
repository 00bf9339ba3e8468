import { describe, expect, it } from 'vitest';
import { renderServiceDigest, type ServiceWeekDigest } from './service-digest-email.ts';

const digest: ServiceWeekDigest = {
  week: { from: '2026-11-16', to: '2026-11-22' },
  mrr: [{ currency: 'TND', nowMinor: 450_000, weekAgoMinor: 500_000 }],
  activeClinics: 9,
  totalClinics: 12,
  onboardingClinics: 2,
  notActive: [
    { name: 'Cabinet <Nour>', status: 'at_risk', daysSinceLogin: 9 },
    { name: 'Clinique Fermée', status: 'churned', daysSinceLogin: null },
  ],
  laggards: [{ name: 'Cabinet Sfax', checkins: 40, qrShare: 0.1 }],
  sms: [{ currency: 'TND', sent: 1_200, costMinor: 48_000 }],
  alerts: [{ kind: 'sms_cost', clinicName: null, value: 612, threshold: 500, resolved: true }],
  opening: [
    { name: 'Cabinet <Neuf>', daysSinceCreation: 3 },
    { name: 'Cabinet Gabès', daysSinceCreation: 12 },
  ],
  failedJobs: [{ jobType: 'digest.clinic', count: 3, latestAt: Date.parse('2026-11-18T08:00:00Z'), latestBody: `{"type":"digest.clinic","clinicId":"${'c'.repeat(200)}"}` }],
  // November to date: a new clinic and a price rise, one clinic gone.
  mrrMovements: [
    {
      currency: 'TND', month: '2026-11', mrrStartMinor: 470_000, newMinor: 40_000, expansionMinor: 20_000, contractionMinor: 0, churnedMinor: 80_000, reactivationMinor: 0,
      mrrEndMinor: 450_000, activeClinics: 9, arpuMinor: 50_000, logoChurnRate: 0.1, revenueChurnRate: 0.1702,
    },
    {
      currency: 'EUR', month: '2026-11', mrrStartMinor: 3_900, newMinor: 0, expansionMinor: 0, contractionMinor: 0, churnedMinor: 0, reactivationMinor: 0,
      mrrEndMinor: 3_900, activeClinics: 1, arpuMinor: 3_900, logoChurnRate: 0, revenueChurnRate: 0,
    },
  ],
};

describe("the super admin's Monday digest", () => {
  it('should give the business of the week: MRR and its change, active clinics, those opening, who is at risk, QR laggards, SMS, alerts', () => {
    const mail = renderServiceDigest({ locale: 'fr', digest, adminUrl: 'https://pulse.example/admin', settingsUrl: 'https://pulse.example/settings' });
    expect(mail.subject).toBe('Pulse — l’activité du 16 novembre au 22 novembre');
    expect(mail.text).toMatch(/MRR \(TND\) : 450,000\sDT \(-10\s%\ssur 7 jours\)/);
    // The month's MRR movements, after the MRR: the net change, then what moved it.
    expect(mail.text).toMatch(/Mouvements du MRR ce mois-ci \(TND\) : -20,000\sDT \(nouvelles \+40,000\sDT · hausses \+20,000\sDT · départs −80,000\sDT\)/);
    expect(mail.text).toMatch(/Mouvements du MRR ce mois-ci \(EUR\) : 0,00\s€ \(aucun mouvement\)/);
    expect(mail.text).toContain('Cliniques actives : 9 sur 12');
    // Two clinics signed up this month and never logged in: counted apart, not in the churn-risk list.
    expect(mail.text).toContain('Cliniques en cours d’ouverture : 2');
    expect(mail.text).toContain('Cabinet <Nour> : à risque (9 j sans connexion)');
    expect(mail.text).toContain('Clinique Fermée : perdue (jamais connectée)');
    expect(mail.text).toMatch(/Cabinet Sfax : 10\s% \(40 arrivées\)/);
    expect(mail.text).toMatch(/1200 SMS : 48,000\sDT/);
    expect(mail.text).toContain('Coût SMS élevé aujourd’hui : résolue (612 SMS envoyés aujourd’hui (seuil : 500).)');
    // The clinics opening, named, the newest first.
    expect(mail.text).toContain(['CLINIQUES EN COURS D’OUVERTURE', 'Cabinet <Neuf> : créée il y a 3 j', 'Cabinet Gabès : créée il y a 12 j'].join('\n'));
    // Failed jobs: how many of each kind, and the latest one's job, cut short.
    expect(mail.text).toMatch(/TÂCHES EN ÉCHEC\ndigest\.clinic : 3 en échec \(dernière le 18 novembre 2026 à 0?8:00[^:]*UTC : \{"type":"digest\.clinic","clinicId":"c{80,}…\)/);
    expect(mail.html).toContain('Cabinet &#60;Neuf&#62;');
    expect(mail.html).toContain('Cabinet &#60;Nour&#62;');
    expect(mail.html).not.toContain('<Nour>');
    expect(mail.html).toContain('prefers-color-scheme: dark');
  });

  it('should say so when a list is empty, in English too', () => {
    const quiet = renderServiceDigest({ locale: 'en', digest: { ...digest, onboardingClinics: 0, notActive: [], laggards: [], alerts: [], sms: [], opening: [], failedJobs: [] }, adminUrl: 'a', settingsUrl: 's' });
    expect(quiet.subject).toBe('Pulse — the week from 16 November to 22 November');
    expect(quiet.text).toContain('No clinic without a login for 7 days.');
    expect(quiet.text).not.toContain('Clinics opening');
    expect(quiet.text).toContain('No clinic under 30 % this week.');
    expect(quiet.text).toContain('No alert this week.');
    expect(quiet.html).toContain('No SMS this week.');
    expect(quiet.text).toContain('No failed job this week.');
    expect(quiet.text).toMatch(/MRR movements this month \(TND\) : -TND\s20\.000 \(new \+TND\s40\.000 · expansion \+TND\s20\.000 · churned −TND\s80\.000\)/);
  });
});
