/**
 * The clinic owner's Monday digest as an e-mail: subject, a plain-text part and an HTML part
 * (inline styles, one column that reads on a phone, light and dark), in the owner's language.
 * Built from `clinicWeekDigest`; the figures are formatted here, nothing is computed.
 */
import { minorUnitDigits } from '../domain/money.ts';
import type { ClinicWeekDigest } from '../domain/weekly-digest.ts';
import type { Locale } from '../domain/vocabulary.ts';

export interface DigestEmail {
  subject: string;
  text: string;
  html: string;
}

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

const LANGUAGE_TAG: Record<Locale, string> = { fr: 'fr-TN', en: 'en-GB' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

interface Line {
  label: string;
  value: string;
  change: string | null;
}

function linesOf(input: ClinicDigestInput): { subject: string; intro: string; lines: Line[] } {
  const words = WORDS[input.locale];
  const tag = LANGUAGE_TAG[input.locale];
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
  const lines: Line[] = [
    { label: words.seen, value: number(figures.seen), change: change(digest.change.seen) },
    { label: words.patients, value: number(figures.patients), change: change(digest.change.patients) },
    { label: words.avgWait, value: minutes(figures.avgWaitMinutes), change: change(digest.change.avgWaitMinutes) },
    { label: words.maxWait, value: minutes(figures.maxWaitMinutes), change: null },
    { label: words.noShows, value: `${number(figures.noShows)} (${percent(figures.noShowRate)})`, change: change(digest.change.noShows) },
    { label: words.qrShare, value: percent(figures.qrShare), change: null },
    { label: words.sms, value: `${number(figures.smsSent)} · ${money(figures.smsCostMinor)}`, change: change(digest.change.smsSent) },
    {
      label: words.busiestDay,
      value: digest.busiestDay === null ? words.none : `${date(digest.busiestDay.day, true)} · ${words.patientsCount(digest.busiestDay.patients)}`,
      change: null,
    },
    { label: words.busiestHour, value: digest.busiestHour === null ? words.none : words.hour(digest.busiestHour.hour), change: null },
  ];
  const [from, to] = [date(digest.week.from), date(digest.week.to)];
  return { subject: words.subject(input.clinicName, from, to), intro: words.intro(from, to), lines };
}

export function renderClinicDigest(input: ClinicDigestInput): DigestEmail {
  const words = WORDS[input.locale];
  const { subject, intro, lines } = linesOf(input);
  const text = [
    input.clinicName,
    intro,
    '',
    ...lines.map((line) => `${line.label} : ${line.value}${line.change === null ? '' : ` (${line.change})`}`),
    '',
    `${words.open} : ${input.historyUrl}`,
    `${words.stop} : ${input.settingsUrl}`,
    '',
  ].join('\n');
  const rows = lines
    .map(
      (line) => `<tr><td style="padding:8px 0;border-bottom:1px solid #d0d7de;color:inherit">${escapeHtml(line.label)}</td>` +
        `<td style="padding:8px 0;border-bottom:1px solid #d0d7de;text-align:right;font-weight:600;color:inherit">${escapeHtml(line.value)}` +
        `${line.change === null ? '' : `<br><span style="font-weight:400;font-size:13px;opacity:.75">${escapeHtml(line.change)}</span>`}</td></tr>`,
    )
    .join('');
  const html = `<!doctype html><html lang="${input.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"><title>${escapeHtml(subject)}</title>` +
    `<style>@media (prefers-color-scheme: dark){body,.card{background:#0d1117!important;color:#e6edf3!important}a{color:#7cc4ff!important}}</style></head>` +
    `<body style="margin:0;padding:16px;background:#f6f8fa;color:#1f2328;font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.45">` +
    `<div class="card" style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:20px">` +
    `<h1 style="font-size:20px;margin:0 0 4px">${escapeHtml(input.clinicName)}</h1><p style="margin:0 0 16px">${escapeHtml(intro)}</p>` +
    `<table role="presentation" style="width:100%;border-collapse:collapse">${rows}</table>` +
    `<p style="margin:20px 0 8px"><a href="${escapeHtml(input.historyUrl)}" style="color:#0969da">${escapeHtml(words.open)}</a></p>` +
    `<p style="margin:0;font-size:13px;opacity:.75"><a href="${escapeHtml(input.settingsUrl)}" style="color:inherit">${escapeHtml(words.stop)}</a></p>` +
    `</div></body></html>`;
  return { subject, text, html };
}
