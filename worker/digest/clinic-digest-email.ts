/**
 * The clinic owner's Monday digest as an e-mail: subject, a plain-text part and an HTML part
 * (inline styles, one column that reads on a phone, light and dark), in the owner's language. It
 * leads with the week's one insight, then draws the week's patients as bars (HTML tables, figures
 * beside them), the figures, the week's notes and the clinic's alerts of the week. Built from
 * `readClinicWeekDigest`; the words and formats come from the catalogue (worker/texts), the
 * figures are laid out here, nothing is computed.
 */
import { alertWords } from '../domain/alert-words.ts';
import { mondayFirstWeekday } from '../domain/history-figures.ts';
import type { Locale } from '../domain/vocabulary.ts';
import type { ClinicWeekReport } from '../domain/weekly-digest.ts';
import { renderEmail, type EmailBar, type EmailLine, type EmailSection, type RenderedEmail } from '../mail/email-layout.ts';
import { textsFor } from '../texts/catalogue.ts';
import { insightSentence } from './insight-sentence.ts';

export type DigestEmail = RenderedEmail;

export interface ClinicDigestInput {
  clinicName: string;
  locale: Locale;
  currency: string;
  digest: ClinicWeekReport;
  /** Where the owner opens the clinic's history. */
  historyUrl: string;
  /** Where the owner turns the digest off. */
  settingsUrl: string;
}

function figureLines(input: ClinicDigestInput): EmailLine[] {
  const { clinicDigest: words, format } = textsFor(input.locale);
  const { digest } = input;
  const percent = (share: number | null) => (share === null ? words.none : format.percent(share));
  const minutes = (value: number | null) => (value === null ? words.none : words.minutes(value));
  const change = (value: number | null) => (value === null ? words.noBefore : words.vsBefore(value));
  const { figures, smsBudget } = digest;
  return [
    { label: words.seen, value: format.number(figures.seen), note: change(digest.change.seen) },
    { label: words.patients, value: format.number(figures.patients), note: change(digest.change.patients) },
    { label: words.avgWait, value: minutes(figures.avgWaitMinutes), note: change(digest.change.avgWaitMinutes) },
    { label: words.maxWait, value: minutes(figures.maxWaitMinutes), note: null },
    { label: words.noShows, value: `${format.number(figures.noShows)} (${percent(figures.noShowRate)})`, note: change(digest.change.noShows) },
    { label: words.qrShare, value: percent(figures.qrShare), note: null },
    { label: words.sms, value: `${format.number(figures.smsSent)} · ${format.money(figures.smsCostMinor, input.currency)}`, note: change(digest.change.smsSent) },
    ...(smsBudget === null
      ? []
      : [
          {
            label: words.smsBudget(format.day(smsBudget.upToDay)),
            value: words.smsBudgetValue(format.money(smsBudget.costMinor, input.currency), format.money(smsBudget.budgetMinor, input.currency), smsBudget.share),
          },
        ]),
    {
      label: words.busiestDay,
      value: digest.busiestDay === null ? words.none : `${format.dayWithWeekday(digest.busiestDay.day)} · ${words.patientsCount(digest.busiestDay.patients)}`,
      note: null,
    },
    { label: words.busiestHour, value: digest.busiestHour === null ? words.none : words.hour(digest.busiestHour.hour), note: null },
  ];
}

/** A bar per day, Monday to Sunday, labelled `lundi 16`, with its patients (and seen) beside it. */
function chartBars(input: ClinicDigestInput): EmailBar[] {
  const { clinicDigest: words, digestInsight } = textsFor(input.locale);
  return input.digest.chart.map((bar) => ({
    label: words.chartDay(digestInsight.weekdays[mondayFirstWeekday(bar.day)] ?? bar.day, Number(bar.day.slice(8, 10))),
    share: bar.share,
    value: words.chartValue(bar.patients, bar.seen),
  }));
}

function sectionsOf(input: ClinicDigestInput): EmailSection[] {
  const { clinicDigest: words, format } = textsFor(input.locale);
  const { notes, alerts } = input.digest;
  return [
    { title: words.chart, chart: chartBars(input), lines: [] },
    { lines: figureLines(input) },
    ...(notes.length === 0
      ? []
      : [{ title: words.notes, items: notes.map((note) => (note.serviceWide ? words.serviceNote : words.note)(format.dayWithWeekday(note.day), note.text)), lines: [] }]),
    {
      title: words.alerts,
      empty: words.noAlert,
      lines: alerts.map((alert) => {
        const said = alertWords({ ...alert, clinicName: input.clinicName, locale: input.locale, reminder: false });
        return { label: said.title, value: alert.resolvedAt === null ? words.firing : words.resolved, note: said.body };
      }),
    },
  ];
}

export function renderClinicDigest(input: ClinicDigestInput): DigestEmail {
  const { clinicDigest: words, format } = textsFor(input.locale);
  const { digest } = input;
  const [from, to] = [format.day(digest.week.from), format.day(digest.week.to)];
  return renderEmail({
    locale: input.locale,
    subject: words.subject(input.clinicName, from, to),
    heading: input.clinicName,
    lead: digest.insight === null ? null : insightSentence(digest.insight, input.locale),
    intro: words.intro(from, to),
    sections: sectionsOf(input),
    links: [
      { label: words.open, url: input.historyUrl },
      { label: words.stop, url: input.settingsUrl, quiet: true },
    ],
  });
}
