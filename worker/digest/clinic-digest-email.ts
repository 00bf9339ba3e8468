/**
 * The clinic owner's Monday digest as an e-mail: subject, a plain-text part and an HTML part
 * (inline styles, one column that reads on a phone, light and dark), in the owner's language.
 * Built from `clinicWeekDigest`; the figures are formatted here, nothing is computed.
 */
import { minorUnitDigits } from '../domain/money.ts';
import type { ClinicWeekDigest } from '../domain/weekly-digest.ts';
import { LANGUAGE_TAGS, type Locale } from '../domain/vocabulary.ts';
import { renderEmail, type EmailLine, type RenderedEmail } from '../mail/email-layout.ts';

export type DigestEmail = RenderedEmail;

export interface ClinicDigestInput {
  clinicName: string;
  locale: Locale;
  currency: string;
  digest: ClinicWeekDigest;
  /** Where the owner opens the clinic's history. */
  historyUrl: string;
  /** Where the owner turns the digest off. */
  settingsUrl: string;
}

const WORDS = {
  fr: {
    subject: (clinic: string, from: string, to: string) => `${clinic} — votre semaine du ${from} au ${to}`,
    intro: (from: string, to: string) => `Votre semaine du ${from} au ${to}, comparée à la précédente.`,
    seen: 'Patients vus',
    patients: 'Patients arrivés',
    avgWait: 'Attente moyenne',
    maxWait: 'Attente la plus longue',
    noShows: 'Non-présentés',
    qrShare: 'Arrivées par QR',
    sms: 'SMS envoyés',
    busiestDay: 'Jour le plus chargé',
    busiestHour: 'Heure la plus chargée',
    none: '—',
    minutes: (value: string) => `${value} min`,
    patientsCount: (count: number) => `${count} patient${count > 1 ? 's' : ''}`,
    hour: (hour: number) => `${hour} h – ${hour + 1} h`,
    vsBefore: (change: string) => `${change} par rapport à la semaine précédente`,
    noBefore: 'pas de semaine précédente à comparer',
    open: 'Ouvrir l’historique',
    stop: 'Ne plus recevoir ce résumé',
  },
  en: {
    subject: (clinic: string, from: string, to: string) => `${clinic} — your week from ${from} to ${to}`,
    intro: (from: string, to: string) => `Your week from ${from} to ${to}, compared with the week before.`,
    seen: 'Patients seen',
    patients: 'Patients arrived',
    avgWait: 'Average wait',
    maxWait: 'Longest wait',
    noShows: 'No-shows',
    qrShare: 'QR check-ins',
    sms: 'SMS sent',
    busiestDay: 'Busiest day',
    busiestHour: 'Busiest hour',
    none: '—',
    minutes: (value: string) => `${value} min`,
    patientsCount: (count: number) => `${count} patient${count === 1 ? '' : 's'}`,
    hour: (hour: number) => `${hour}:00 – ${hour + 1}:00`,
    vsBefore: (change: string) => `${change} on the week before`,
    noBefore: 'no week before to compare with',
    open: 'Open the history',
    stop: 'Stop this summary',
  },
} as const;

function linesOf(input: ClinicDigestInput): { subject: string; intro: string; lines: EmailLine[] } {
  const words = WORDS[input.locale];
  const tag = LANGUAGE_TAGS[input.locale];
  const { digest } = input;
  const number = (value: number, digits = 0) => new Intl.NumberFormat(tag, { maximumFractionDigits: digits }).format(value);
  const percent = (share: number | null) => (share === null ? words.none : new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(share));
  const minutes = (value: number | null) => (value === null ? words.none : words.minutes(number(value, 1)));
  const date = (day: string, withWeekday = false) =>
    new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: 'numeric', month: 'long', ...(withWeekday ? { weekday: 'long' } : {}) }).format(new Date(`${day}T12:00:00Z`));
  const change = (value: number | null) => {
    if (value === null) return words.noBefore;
    const signed = new Intl.NumberFormat(tag, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
    return words.vsBefore(`${signed} %`);
  };
  const money = (minor: number) => {
    return new Intl.NumberFormat(tag, { style: 'currency', currency: input.currency }).format(minor / 10 ** minorUnitDigits(input.currency));
  };
  const { figures } = digest;
  const lines: EmailLine[] = [
    { label: words.seen, value: number(figures.seen), note: change(digest.change.seen) },
    { label: words.patients, value: number(figures.patients), note: change(digest.change.patients) },
    { label: words.avgWait, value: minutes(figures.avgWaitMinutes), note: change(digest.change.avgWaitMinutes) },
    { label: words.maxWait, value: minutes(figures.maxWaitMinutes), note: null },
    { label: words.noShows, value: `${number(figures.noShows)} (${percent(figures.noShowRate)})`, note: change(digest.change.noShows) },
    { label: words.qrShare, value: percent(figures.qrShare), note: null },
    { label: words.sms, value: `${number(figures.smsSent)} · ${money(figures.smsCostMinor)}`, note: change(digest.change.smsSent) },
    {
      label: words.busiestDay,
      value: digest.busiestDay === null ? words.none : `${date(digest.busiestDay.day, true)} · ${words.patientsCount(digest.busiestDay.patients)}`,
      note: null,
    },
    { label: words.busiestHour, value: digest.busiestHour === null ? words.none : words.hour(digest.busiestHour.hour), note: null },
  ];
  const [from, to] = [date(digest.week.from), date(digest.week.to)];
  return { subject: words.subject(input.clinicName, from, to), intro: words.intro(from, to), lines };
}

export function renderClinicDigest(input: ClinicDigestInput): DigestEmail {
  const words = WORDS[input.locale];
  const { subject, intro, lines } = linesOf(input);
  return renderEmail({
    locale: input.locale,
    subject,
    heading: input.clinicName,
    intro,
    sections: [{ lines }],
    links: [
      { label: words.open, url: input.historyUrl },
      { label: words.stop, url: input.settingsUrl, quiet: true },
    ],
  });
}
