/**
 * The super admin's Monday digest (PRODUCT.md "Digest"): MRR and its change over 7 days, active
 * clinics, the clinics opening (counted apart, then named with their days since creation), the
 * clinics at risk of churning, the QR laggards of the week, the week's SMS cost, the alerts fired
 * and the jobs that failed for good. Formatting only; the figures come from `readServiceWeekDigest`.
 *
 * The MRR's movements of the month to date (new, expansion, contraction, churned, reactivation:
 * docs/product.md "The SaaS owner's back office") follow the MRR in the business section.
 */
import { alertWords } from '../domain/alert-words.ts';
import type { ClinicStatus } from '../domain/admin-wire.ts';
import type { RevenueMonth } from '../domain/revenue-movements.ts';
import type { AlertKind, Locale } from '../domain/vocabulary.ts';
import { renderEmail, type EmailLine, type RenderedEmail } from '../mail/email-layout.ts';
import { textsFor } from '../texts/catalogue.ts';

export interface ServiceWeekDigest {
  week: { from: string; to: string };
  mrr: Array<{ currency: string; nowMinor: number; weekAgoMinor: number | null }>;
  activeClinics: number;
  totalClinics: number;
  /** Never logged in, created under 30 days ago: shown apart, in no churn-risk list. */
  onboardingClinics: number;
  /** At risk first, then churned; `daysSinceLogin` null for a clinic that never signed in. */
  notActive: Array<{ name: string; status: ClinicStatus; daysSinceLogin: number | null }>;
  laggards: Array<{ name: string; checkins: number; qrShare: number }>;
  sms: Array<{ currency: string; sent: number; costMinor: number }>;
  alerts: Array<{ kind: AlertKind; clinicName: string | null; value: number; threshold: number; resolved: boolean }>;
  /** The clinics opening, newest first, with whole days since they were created. */
  opening: Array<{ name: string; daysSinceCreation: number }>;
  /** Jobs that reached the dead letters this week, per job type; the latest letter's job as kept. */
  failedJobs: Array<{ jobType: string; count: number; latestAt: number; latestBody: string }>;
  /** The MRR movements of the month to date (UTC), per currency with an active clinic in it. */
  mrrMovements: Array<RevenueMonth & { currency: string }>;
}

/** How much of a dead letter's job a line shows: its type and first fields, not a whole payload. */
const JOB_EXCERPT_LENGTH = 120;

function excerpt(text: string): string {
  return text.length <= JOB_EXCERPT_LENGTH ? text : `${text.slice(0, JOB_EXCERPT_LENGTH - 1)}…`;
}

export interface ServiceDigestInput {
  locale: Locale;
  digest: ServiceWeekDigest;
  adminUrl: string;
  settingsUrl: string;
}

/** Movements that raise the MRR, then those that lower it, in the order the identity adds them. */
const RISES = ['newMinor', 'expansionMinor', 'reactivationMinor'] as const;
const FALLS = ['contractionMinor', 'churnedMinor'] as const;

/** A currency's month to date: the net change as the value, each movement that happened in the note. */
function movementLine(input: ServiceDigestInput, month: ServiceWeekDigest['mrrMovements'][number]): EmailLine {
  const { serviceDigest: words, format } = textsFor(input.locale);
  const money = (minor: number) => format.money(minor, month.currency);
  const net = month.mrrEndMinor - month.mrrStartMinor;
  const parts = [
    ...RISES.filter((kind) => month[kind] > 0).map((kind) => words.movement(words.movementKinds[kind], `+${money(month[kind])}`)),
    ...FALLS.filter((kind) => month[kind] > 0).map((kind) => words.movement(words.movementKinds[kind], `−${money(month[kind])}`)),
  ];
  return { label: words.movements(month.currency), value: net > 0 ? `+${money(net)}` : money(net), note: parts.length > 0 ? parts.join(' · ') : words.noMovement };
}

/** MRR per currency and its change over 7 days, the month's MRR movements, active clinics, how many are opening. */
function businessLines(input: ServiceDigestInput): EmailLine[] {
  const { serviceDigest: words, format } = textsFor(input.locale);
  const { digest } = input;
  const change = (now: number, before: number | null) => (before === null || before === 0 ? null : words.vsWeekAgo((now - before) / before));
  return [
    ...digest.mrr.map((row) => ({ label: words.mrr(row.currency), value: format.money(row.nowMinor, row.currency), note: change(row.nowMinor, row.weekAgoMinor) })),
    ...digest.mrrMovements.map((month) => movementLine(input, month)),
    { label: words.active, value: words.of(digest.activeClinics, digest.totalClinics) },
    ...(digest.onboardingClinics > 0 ? [{ label: words.onboarding, value: format.number(digest.onboardingClinics) }] : []),
  ];
}

export function renderServiceDigest(input: ServiceDigestInput): RenderedEmail {
  const { serviceDigest: words, format } = textsFor(input.locale);
  const { digest } = input;
  const [from, to] = [format.day(digest.week.from), format.day(digest.week.to)];
  return renderEmail({
    locale: input.locale,
    subject: words.subject(from, to),
    heading: words.heading,
    intro: words.intro(from, to),
    sections: [
      { title: words.business, lines: businessLines(input) },
      ...(digest.opening.length === 0
        ? []
        : [{ title: words.onboarding, lines: digest.opening.map((clinic) => ({ label: clinic.name, value: words.daysSinceCreation(clinic.daysSinceCreation) })) }]),
      {
        title: words.atRisk,
        empty: words.noneAtRisk,
        lines: digest.notActive.map((clinic) => ({ label: clinic.name, value: words.status[clinic.status], note: words.daysWithoutLogin(clinic.daysSinceLogin) })),
      },
      {
        title: words.laggards,
        empty: words.noLaggard,
        lines: digest.laggards.map((clinic) => ({ label: clinic.name, value: format.percent(clinic.qrShare), note: words.checkins(clinic.checkins) })),
      },
      { title: words.sms, empty: words.noSms, lines: digest.sms.map((row) => ({ label: words.smsCount(row.sent), value: format.money(row.costMinor, row.currency) })) },
      {
        title: words.alerts,
        empty: words.noAlert,
        lines: digest.alerts.map((alert) => {
          const said = alertWords({ ...alert, locale: input.locale, reminder: false });
          return { label: said.title, value: alert.resolved ? words.resolved : words.firing, note: said.body };
        }),
      },
      {
        title: words.failedJobs,
        empty: words.noFailedJob,
        lines: digest.failedJobs.map((job) => ({ label: job.jobType, value: words.failedCount(job.count), note: words.latestFailed(job.latestAt, excerpt(job.latestBody)) })),
      },
    ],
    links: [
      { label: words.console, url: input.adminUrl },
      { label: words.stop, url: input.settingsUrl, quiet: true },
    ],
  });
}
