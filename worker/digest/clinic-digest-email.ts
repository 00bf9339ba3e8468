/**
 * The clinic owner's Monday digest as an e-mail: subject, a plain-text part and an HTML part
 * (inline styles, one column that reads on a phone, light and dark), in the owner's language.
 * Built from `clinicWeekDigest`; the words and formats come from the catalogue (worker/texts), the
 * figures are laid out here, nothing is computed.
 */
import type { ClinicWeekDigest } from '../domain/weekly-digest.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { renderEmail, type EmailLine, type RenderedEmail } from '../mail/email-layout.ts';
import { textsFor } from '../texts/catalogue.ts';

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

function linesOf(input: ClinicDigestInput): { subject: string; intro: string; lines: EmailLine[] } {
  const { clinicDigest: words, format } = textsFor(input.locale);
  const { digest } = input;
  const percent = (share: number | null) => (share === null ? words.none : format.percent(share));
  const minutes = (value: number | null) => (value === null ? words.none : words.minutes(value));
  const change = (value: number | null) => (value === null ? words.noBefore : words.vsBefore(value));
  const { figures } = digest;
  const lines: EmailLine[] = [
    { label: words.seen, value: format.number(figures.seen), note: change(digest.change.seen) },
    { label: words.patients, value: format.number(figures.patients), note: change(digest.change.patients) },
    { label: words.avgWait, value: minutes(figures.avgWaitMinutes), note: change(digest.change.avgWaitMinutes) },
    { label: words.maxWait, value: minutes(figures.maxWaitMinutes), note: null },
    { label: words.noShows, value: `${format.number(figures.noShows)} (${percent(figures.noShowRate)})`, note: change(digest.change.noShows) },
    { label: words.qrShare, value: percent(figures.qrShare), note: null },
    { label: words.sms, value: `${format.number(figures.smsSent)} · ${format.money(figures.smsCostMinor, input.currency)}`, note: change(digest.change.smsSent) },
    {
      label: words.busiestDay,
      value: digest.busiestDay === null ? words.none : `${format.dayWithWeekday(digest.busiestDay.day)} · ${words.patientsCount(digest.busiestDay.patients)}`,
      note: null,
    },
    { label: words.busiestHour, value: digest.busiestHour === null ? words.none : words.hour(digest.busiestHour.hour), note: null },
  ];
  const [from, to] = [format.day(digest.week.from), format.day(digest.week.to)];
  return { subject: words.subject(input.clinicName, from, to), intro: words.intro(from, to), lines };
}

export function renderClinicDigest(input: ClinicDigestInput): DigestEmail {
  const words = textsFor(input.locale).clinicDigest;
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
