/**
 * The super admin's Monday digest (PRODUCT.md "Digest"): MRR and its change over 7 days, active
 * clinics, the clinics at risk of churning, the QR laggards of the week, the week's SMS cost and
 * the alerts fired. Formatting only; the figures come from `readServiceWeekDigest`.
 */
import { alertWords } from '../domain/alert-words.ts';
import { minorUnitDigits } from '../domain/money.ts';
import type { ClinicStatus } from '../domain/admin-wire.ts';
import { LANGUAGE_TAGS, type AlertKind, type Locale } from '../domain/vocabulary.ts';
import { renderEmail, type EmailLine, type RenderedEmail } from '../mail/email-layout.ts';

export interface ServiceWeekDigest {
  week: { from: string; to: string };
  mrr: Array<{ currency: string; nowMinor: number; weekAgoMinor: number | null }>;
  activeClinics: number;
  totalClinics: number;
  /** At risk first, then churned; `daysSinceLogin` null for a clinic that never signed in. */
  notActive: Array<{ name: string; status: ClinicStatus; daysSinceLogin: number | null }>;
  laggards: Array<{ name: string; checkins: number; qrShare: number }>;
  sms: Array<{ currency: string; sent: number; costMinor: number }>;
  alerts: Array<{ kind: AlertKind; clinicName: string | null; value: number; threshold: number; resolved: boolean }>;
}

export interface ServiceDigestInput {
  locale: Locale;
  digest: ServiceWeekDigest;
  adminUrl: string;
  settingsUrl: string;
}

const WORDS = {
  fr: {
    subject: (from: string, to: string) => `Pulse — l’activité du ${from} au ${to}`,
    heading: 'Pulse, la semaine',
    intro: (from: string, to: string) => `L’activité du service du ${from} au ${to}.`,
    business: 'Activité',
    mrr: (currency: string) => `MRR (${currency})`,
    vsWeekAgo: (change: string) => `${change} sur 7 jours`,
    active: 'Cliniques actives',
    of: (active: number, total: number) => `${active} sur ${total}`,
    atRisk: 'Risque d’attrition',
    noneAtRisk: 'Aucune clinique sans connexion depuis 7 jours.',
    status: { active: 'active', at_risk: 'à risque', churned: 'perdue' } as Record<ClinicStatus, string>,
    days: (days: number | null) => (days === null ? 'jamais connectée' : `${days} j sans connexion`),
    laggards: 'Adoption du QR sous 30 %',
    noLaggard: 'Aucune clinique sous 30 % cette semaine.',
    checkins: (count: number) => `${count} arrivées`,
    sms: 'SMS de la semaine',
    noSms: 'Aucun SMS cette semaine.',
    alerts: 'Alertes déclenchées',
    noAlert: 'Aucune alerte cette semaine.',
    resolved: 'résolue',
    open: 'en cours',
    console: 'Ouvrir l’administration',
    stop: 'Ne plus recevoir ce résumé',
  },
  en: {
    subject: (from: string, to: string) => `Pulse — the week from ${from} to ${to}`,
    heading: 'Pulse, the week',
    intro: (from: string, to: string) => `The service from ${from} to ${to}.`,
    business: 'Business',
    mrr: (currency: string) => `MRR (${currency})`,
    vsWeekAgo: (change: string) => `${change} over 7 days`,
    active: 'Active clinics',
    of: (active: number, total: number) => `${active} of ${total}`,
    atRisk: 'Churn risk',
    noneAtRisk: 'No clinic without a login for 7 days.',
    status: { active: 'active', at_risk: 'at risk', churned: 'churned' } as Record<ClinicStatus, string>,
    days: (days: number | null) => (days === null ? 'never signed in' : `${days} d without login`),
    laggards: 'QR adoption under 30 %',
    noLaggard: 'No clinic under 30 % this week.',
    checkins: (count: number) => `${count} check-ins`,
    sms: 'SMS this week',
    noSms: 'No SMS this week.',
    alerts: 'Alerts fired',
    noAlert: 'No alert this week.',
    resolved: 'resolved',
    open: 'still firing',
    console: 'Open the administration',
    stop: 'Stop this summary',
  },
} as const;

export function renderServiceDigest(input: ServiceDigestInput): RenderedEmail {
  const words = WORDS[input.locale];
  const tag = LANGUAGE_TAGS[input.locale];
  const { digest } = input;
  const percent = (share: number) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(share);
  const money = (minor: number, currency: string) => new Intl.NumberFormat(tag, { style: 'currency', currency }).format(minor / 10 ** minorUnitDigits(currency));
  const date = (day: string) => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(new Date(`${day}T12:00:00Z`));
  const change = (now: number, before: number | null) => {
    if (before === null || before === 0) return null;
    return words.vsWeekAgo(new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format((now - before) / before));
  };
  const business: EmailLine[] = [
    ...digest.mrr.map((row) => ({ label: words.mrr(row.currency), value: money(row.nowMinor, row.currency), note: change(row.nowMinor, row.weekAgoMinor) })),
    { label: words.active, value: words.of(digest.activeClinics, digest.totalClinics) },
  ];
  const [from, to] = [date(digest.week.from), date(digest.week.to)];
  return renderEmail({
    locale: input.locale,
    subject: words.subject(from, to),
    heading: words.heading,
    intro: words.intro(from, to),
    sections: [
      { title: words.business, lines: business },
      {
        title: words.atRisk,
        empty: words.noneAtRisk,
        lines: digest.notActive.map((clinic) => ({ label: clinic.name, value: words.status[clinic.status], note: words.days(clinic.daysSinceLogin) })),
      },
      {
        title: words.laggards,
        empty: words.noLaggard,
        lines: digest.laggards.map((clinic) => ({ label: clinic.name, value: percent(clinic.qrShare), note: words.checkins(clinic.checkins) })),
      },
      { title: words.sms, empty: words.noSms, lines: digest.sms.map((row) => ({ label: `${row.sent} SMS`, value: money(row.costMinor, row.currency) })) },
      {
        title: words.alerts,
        empty: words.noAlert,
        lines: digest.alerts.map((alert) => {
          const said = alertWords({ ...alert, locale: input.locale, reminder: false });
          return { label: said.title, value: alert.resolved ? words.resolved : words.open, note: said.body };
        }),
      },
    ],
    links: [
      { label: words.console, url: input.adminUrl },
      { label: words.stop, url: input.settingsUrl, quiet: true },
    ],
  });
}
