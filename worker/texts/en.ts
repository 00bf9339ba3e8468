/** Everything the Worker writes in English, key for key the French table's (fr.ts). */
import type { ClinicStatus } from '../domain/admin-wire.ts';
import type { SmsBudgetDetail, UnusualHourDetail } from '../domain/alert-detail.ts';
import type { AlertKind, ClinicRole } from '../domain/vocabulary.ts';
import { formatsFor } from './formats.ts';
import type { AlertText, Texts } from './fr.ts';

/** Numbers, dates and money in British English (day before month, 24-hour clock). */
const format = formatsFor('en-GB');

/** Weekdays as hour-baselines numbers them (0 = Monday) and months (`YYYY-MM`) in alert sentences. */
const alertWeekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const alertMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const monthName = (month: string) => alertMonths[Number(month.slice(5, 7)) - 1] ?? month;

/** "Waiting room: 18 patients, 2.6× the usual for a Tuesday at 10:00." */
function unusualHourSentence(detail: UnusualHourDetail): string {
  const figure = detail.figure === 'waiting' ? `Waiting room: ${format.number(detail.value)} patient${detail.value === 1 ? '' : 's'}` : `Average wait: ${format.number(detail.value)} min`;
  return `${figure}, ${format.number(detail.ratio, 1)}× the usual for a ${alertWeekdays[detail.weekday] ?? ''} at ${String(detail.hour).padStart(2, '0')}:00.`;
}

function smsBudgetTitle(detail: SmsBudgetDetail): string {
  if (detail.level === 'projection') return 'SMS budget: overrun expected';
  return detail.share >= 1 ? 'SMS budget spent' : `SMS budget at ${format.percent(detail.share)}`;
}

function smsBudgetSentence(detail: SmsBudgetDetail): string {
  const money = (minor: number) => format.money(minor, detail.currency);
  if (detail.level === 'projection' && detail.projectedMonthEndMinor !== null) {
    return `At this pace, SMS in ${monthName(detail.month)} will cost ${money(detail.projectedMonthEndMinor)} by the end of the month, against a budget of ${money(detail.budgetMinor)} (${money(detail.costMinor)} so far).`;
  }
  return `SMS in ${monthName(detail.month)}: ${money(detail.costMinor)} of a ${money(detail.budgetMinor)} budget (${format.percent(detail.costMinor / detail.budgetMinor)}).`;
}

const alertKinds: Record<AlertKind, AlertText> = {
  queue_too_long: {
    title: (clinic) => `Queue too long — ${clinic}`,
    body: (value, threshold) => `${format.number(value)} patients are waiting (threshold: ${format.number(threshold)}).`,
  },
  sms_failures: {
    title: () => 'SMS failures',
    body: (value, threshold) => `${format.percent(value)} of the last hour’s SMS failed (threshold: ${format.percent(threshold)}).`,
  },
  sms_cost: {
    title: () => 'High SMS cost today',
    body: (value, threshold) => `${format.number(value)} SMS sent today (threshold: ${format.number(threshold)}).`,
  },
  mrr_drop: {
    title: () => 'MRR drop',
    body: (value, threshold) => `MRR fell ${format.percent(value)} in 7 days (threshold: ${format.percent(threshold)}).`,
  },
  churn_risk: {
    title: () => 'Churn risk',
    body: (value, threshold) => `${format.percent(value)} of clinics have not signed in for 7 days (threshold: ${format.percent(threshold)}).`,
  },
  unusual_hour: {
    title: (clinic) => `Unusual for the hour — ${clinic}`,
    body: (value, threshold, detail) =>
      detail?.kind === 'unusual_hour' ? unusualHourSentence(detail) : `${format.number(value, 1)}× the usual for this day and hour (threshold: ${format.number(threshold, 1)}×).`,
  },
  sms_budget: {
    title: (clinic, detail) => `${detail?.kind === 'sms_budget' ? smsBudgetTitle(detail) : 'SMS budget'} — ${clinic}`,
    body: (value, _threshold, detail) => (detail?.kind === 'sms_budget' ? smsBudgetSentence(detail) : `${format.percent(value)} of the month’s SMS budget.`),
  },
};

/** A relative change (0.41) as whole signed percent: `+41 %`. */
const signedWholePercent = (change: number) => `${format.signedNumber(Math.round(change * 100))} %`;

const clinicStatus: Record<ClinicStatus, string> = { onboarding: 'opening', active: 'active', at_risk: 'at risk', churned: 'churned' };

const clinicRole: Record<ClinicRole, string> = { clinic_owner: 'owner', staff: 'reception' };

export const en: Texts = {
  format,

  layout: {
    // The French spacing, kept in English so both plain-text parts line up the same way.
    labelled: (label, value) => `${label} : ${value}`,
  },

  alerts: {
    kinds: alertKinds,
    stillFiring: (title) => `Still firing: ${title}`,
    open: 'Open Pulse',
    settings: 'Choose my notifications',
  },

  push: {
    test: { title: 'Pulse: test notification', body: 'Alerts will reach this device.' },
  },

  clinicDigest: {
    subject: (clinic, from, to) => `${clinic} — your week from ${from} to ${to}`,
    intro: (from, to) => `Your week from ${from} to ${to}, compared with the week before.`,
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
    minutes: (minutes) => `${format.number(minutes, 1)} min`,
    patientsCount: (count) => `${count} patient${count === 1 ? '' : 's'}`,
    hour: (hour) => `${hour}:00 – ${hour + 1}:00`,
    vsBefore: (change) => `${format.signedNumber(change)} % on the week before`,
    noBefore: 'no week before to compare with',
    open: 'Open the history',
    stop: 'Stop this summary',
    chart: 'Patients per day',
    chartDay: (weekday, dayOfMonth) => `${weekday} ${dayOfMonth}`,
    chartValue: (patients, seen) => `${format.number(patients)} (${format.number(seen)} seen)`,
    notes: 'Notes of the week',
    note: (day, text) => `${day} — ${text}`,
    serviceNote: (day, text) => `${day} — ${text} (Pulse, every clinic)`,
    smsBudget: (upToDay) => `SMS of the month to ${upToDay}`,
    smsBudgetValue: (cost, budget, share) => `${cost} of ${budget} (${format.percent(share)})`,
    alerts: 'Alerts of the week',
    noAlert: 'No alert this week.',
    resolved: 'resolved',
    firing: 'firing',
  },

  digestInsight: {
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    dayPatients: (weekday, patients, change, usual) =>
      `${weekday}, ${format.number(patients)} patient${patients === 1 ? '' : 's'}: ${signedWholePercent(change)} on the average of the last 4 ${weekday}s (${format.number(usual, 1)}).`,
    dayWait: (weekday, minutes, change, usual) =>
      `${weekday}, average wait ${format.number(minutes, 1)} min: ${signedWholePercent(change)} on the average of the last 4 ${weekday}s (${format.number(usual, 1)} min).`,
    slowestHour: (hour, minutes, weekMinutes) =>
      `From ${hour}:00 to ${hour + 1}:00 the average wait was ${format.number(minutes, 1)} min, against ${format.number(weekMinutes, 1)} min over the whole week.`,
    noShowSpike: (rate, noShows, usual) => `${format.percent(rate)} no-shows this week (${format.number(noShows)}), against ${format.percent(usual)} over the 4 weeks before.`,
    qrDrop: (share, usual) => `QR check-ins: ${format.percent(share)} this week, against ${format.percent(usual)} over the 4 weeks before.`,
    estimatesOff: (held, aim, meanErrorMinutes) =>
      `Wait estimates held only ${format.percent(held)} of the time (aim: ${format.percent(aim)}), ${format.number(meanErrorMinutes, 1)} min off on average.`,
    steady: (patients, usual) =>
      `A week like the others: ${format.number(patients)} patient${patients === 1 ? '' : 's'}, against ${format.number(usual, 1)} on average over the 4 weeks before.`,
    steadyWithoutHistory: (patients) => `${format.number(patients)} patient${patients === 1 ? '' : 's'} this week; not yet 4 weeks of history to compare with.`,
  },

  serviceDigest: {
    subject: (from, to) => `Pulse — the week from ${from} to ${to}`,
    heading: 'Pulse, the week',
    intro: (from, to) => `The service from ${from} to ${to}.`,
    business: 'Business',
    mrr: (currency) => `MRR (${currency})`,
    vsWeekAgo: (change) => `${format.signedPercent(change)} over 7 days`,
    active: 'Active clinics',
    onboarding: 'Clinics opening',
    of: (active, total) => `${active} of ${total}`,
    atRisk: 'Churn risk',
    noneAtRisk: 'No clinic without a login for 7 days.',
    status: clinicStatus,
    daysWithoutLogin: (days) => (days === null ? 'never signed in' : `${days} d without login`),
    laggards: 'QR adoption under 30 %',
    noLaggard: 'No clinic under 30 % this week.',
    checkins: (count) => `${count} check-ins`,
    sms: 'SMS this week',
    smsCount: (sent) => `${sent} SMS`,
    noSms: 'No SMS this week.',
    alerts: 'Alerts fired',
    noAlert: 'No alert this week.',
    resolved: 'resolved',
    firing: 'still firing',
    console: 'Open the administration',
    stop: 'Stop this summary',
    daysSinceCreation: (days) => `created ${days} d ago`,
    failedJobs: 'Failed jobs',
    noFailedJob: 'No failed job this week.',
    failedCount: (count) => `${count} failed`,
    latestFailed: (at, job) => `latest on ${format.instantUtc(at)}: ${job}`,
    movements: (currency) => `MRR movements this month (${currency})`,
    movement: (kind, amount) => `${kind} ${amount}`,
    movementKinds: { newMinor: 'new', expansionMinor: 'expansion', reactivationMinor: 'reactivation', contractionMinor: 'contraction', churnedMinor: 'churned' },
    noMovement: 'no movement',
  },

  invitation: {
    role: clinicRole,
    setup: {
      subject: (clinic) => `Pulse: your invitation to ${clinic}`,
      intro: (clinic, role, expiresAt) =>
        `You are invited to follow ${clinic} on Pulse (${role}). Choose your password with this link, valid once, until ${format.instantUtc(expiresAt)}.`,
      link: 'Choose my password',
    },
    access: {
      subject: (clinic) => `Pulse: you now have access to ${clinic}`,
      intro: (clinic, role) => `Your Pulse account now opens ${clinic} (${role}). Sign in as usual to see its queue.`,
      link: 'Open Pulse',
    },
  },

  passwordReset: {
    subject: 'Pulse: choose a new password',
    heading: 'Forgotten password',
    intro: (expiresAt) =>
      `A new password was asked for your Pulse account. Choose it with this link, valid once, until ${format.instantUtc(expiresAt)}; your other sessions will then end. If you did not ask, ignore this message: your password stays as it is.`,
    link: 'Choose a new password',
  },

  ticketPage: {
    title: (ticket, clinic) => `Ticket ${ticket} — ${clinic}`,
    yourTicket: 'Your ticket',
    waiting: 'Waiting',
    position: (position) => `Place in the queue: ${position}`,
    next: 'You are the next patient.',
    range: (low, high) => `Estimated wait: ${low} to ${high} min`,
    soon: 'Estimated wait: a few moments',
    noEstimate: 'Estimated wait: not known yet',
    called: 'It’s your turn',
    calledDetail: 'Please go to the consulting room.',
    inConsultation: 'In consultation',
    inConsultationDetail: 'You are with the doctor.',
    completed: 'Consultation over',
    completedDetail: 'Thank you for your visit.',
    noShow: 'Missed your call',
    noShowDetail: 'You were called while away: please ask at the front desk.',
    cancelled: 'Ticket cancelled',
    cancelledDetail: 'If this is a mistake, please ask at the front desk.',
    unfinished: 'Day over',
    unfinishedDetail: 'The clinic closed its day before your consultation.',
    expired: 'Link expired',
    expiredDetail: 'This link was valid until the end of the clinic’s day.',
    notFound: 'Invalid link',
    notFoundDetail: 'Check that the link is complete, or ask the front desk for a new one.',
    rateLimited: 'Too many requests',
    rateLimitedDetail: 'Too many requests from this network: the page will try again shortly.',
    unavailable: 'Unavailable for a moment',
    unavailableDetail: 'The page will try again in a few seconds.',
    secondsAgo: (seconds) => `Updated ${seconds} s ago`,
    minutesAgo: (minutes) => `Updated ${minutes} min ago`,
    offline: 'Connection lost: trying again in a few seconds.',
    live: 'This page updates by itself.',
  },
};
