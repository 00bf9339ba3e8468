/**
 * Everything the Worker writes in French, Pulse's first language: the English table must have
 * exactly these keys (catalogue.ts types it against this one). Numbers arrive raw and are written
 * with the language's own formats; names and dates arrive as text.
 */
import type { ClinicStatus } from '../domain/admin-wire.ts';
import type { AlertDetail, SmsBudgetDetail, UnusualHourDetail } from '../domain/alert-detail.ts';
import type { AlertKind, ClinicRole } from '../domain/vocabulary.ts';
import { formatsFor } from './formats.ts';

/**
 * What an alert says: a title (naming the clinic for a clinic's alert) and one sentence. `detail`
 * is what the alert saw beyond its value (domain/alert-detail.ts); absent or null, a kind says its value.
 */
export interface AlertText {
  title: (clinicName: string, detail?: AlertDetail | null) => string;
  body: (value: number, threshold: number, detail?: AlertDetail | null) => string;
}

/** Numbers, dates and money as written in Tunisia, where the first clinics are. */
const format = formatsFor('fr-TN');

/** Weekdays as hour-baselines numbers them (0 = Monday) and months (`YYYY-MM`) in alert sentences. */
const alertWeekdays = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
const alertMonths = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const;
/** "de mars", "d’avril": the month's name after "de", elided before a vowel. */
const ofMonth = (month: string) => {
  const name = alertMonths[Number(month.slice(5, 7)) - 1] ?? month;
  return /^[aeiouéèâ]/.test(name) ? `d’${name}` : `de ${name}`;
};

/** "Salle d’attente : 18 patients, 2,6× l’habituel du mardi à 10 h." */
function unusualHourSentence(detail: UnusualHourDetail): string {
  const figure = detail.figure === 'waiting' ? `Salle d’attente : ${format.number(detail.value)} patient${detail.value >= 2 ? 's' : ''}` : `Attente moyenne : ${format.number(detail.value)} min`;
  return `${figure}, ${format.number(detail.ratio, 1)}× l’habituel du ${alertWeekdays[detail.weekday] ?? ''} à ${detail.hour} h.`;
}

function smsBudgetTitle(detail: SmsBudgetDetail): string {
  if (detail.level === 'projection') return 'Budget SMS : dépassement prévu';
  return detail.share >= 1 ? 'Budget SMS atteint' : `Budget SMS à ${format.percent(detail.share)}`;
}

function smsBudgetSentence(detail: SmsBudgetDetail): string {
  const money = (minor: number) => format.money(minor, detail.currency);
  if (detail.level === 'projection' && detail.projectedMonthEndMinor !== null) {
    return `À ce rythme, les SMS ${ofMonth(detail.month)} coûteront ${money(detail.projectedMonthEndMinor)} d’ici la fin du mois, pour un budget de ${money(detail.budgetMinor)} (${money(detail.costMinor)} à ce jour).`;
  }
  return `SMS ${ofMonth(detail.month)} : ${money(detail.costMinor)} sur un budget de ${money(detail.budgetMinor)} (${format.percent(detail.costMinor / detail.budgetMinor)}).`;
}

const alertKinds: Record<AlertKind, AlertText> = {
  queue_too_long: {
    title: (clinic) => `File d’attente trop longue — ${clinic}`,
    body: (value, threshold) => `${format.number(value)} patients attendent (seuil : ${format.number(threshold)}).`,
  },
  sms_failures: {
    title: () => 'Échecs d’envoi de SMS',
    body: (value, threshold) => `${format.percent(value)} des SMS de la dernière heure ont échoué (seuil : ${format.percent(threshold)}).`,
  },
  sms_cost: {
    title: () => 'Coût SMS élevé aujourd’hui',
    body: (value, threshold) => `${format.number(value)} SMS envoyés aujourd’hui (seuil : ${format.number(threshold)}).`,
  },
  mrr_drop: {
    title: () => 'Baisse du MRR',
    body: (value, threshold) => `Le MRR a baissé de ${format.percent(value)} en 7 jours (seuil : ${format.percent(threshold)}).`,
  },
  churn_risk: {
    title: () => 'Risque d’attrition',
    body: (value, threshold) => `${format.percent(value)} des cliniques ne se sont pas connectées depuis 7 jours (seuil : ${format.percent(threshold)}).`,
  },
  unusual_hour: {
    title: (clinic) => `Inhabituel pour l’heure — ${clinic}`,
    body: (value, threshold, detail) =>
      detail?.kind === 'unusual_hour' ? unusualHourSentence(detail) : `${format.number(value, 1)}× l’habituel pour ce jour et cette heure (seuil : ${format.number(threshold, 1)}×).`,
  },
  sms_budget: {
    title: (clinic, detail) => `${detail?.kind === 'sms_budget' ? smsBudgetTitle(detail) : 'Budget SMS'} — ${clinic}`,
    body: (value, _threshold, detail) => (detail?.kind === 'sms_budget' ? smsBudgetSentence(detail) : `${format.percent(value)} du budget SMS du mois.`),
  },
};

/** A sentence's first word with a capital (total: the catalogue test feeds every text numbers). */
const capitalised = (word: string) => `${String(word).charAt(0).toUpperCase()}${String(word).slice(1)}`;

/** A relative change (0.41) as whole signed percent: `+41 %`. */
const signedWholePercent = (change: number) => `${format.signedNumber(Math.round(change * 100))} %`;

const clinicStatus: Record<ClinicStatus, string> = { onboarding: 'en cours d’ouverture', active: 'active', at_risk: 'à risque', churned: 'perdue' };

const clinicRole: Record<ClinicRole, string> = { clinic_owner: 'responsable', staff: 'accueil' };

export const fr = {
  format,

  /** The one look of every e-mail (mail/email-layout.ts). */
  layout: {
    /** A label and its value (or a link and its address) on one line of the plain-text part. */
    labelled: (label: string, value: string) => `${label} : ${value}`,
  },

  /** Alerts, as a push notification and as an e-mail (domain/alert-words.ts, alert delivery). */
  alerts: {
    kinds: alertKinds,
    /** The alert is still firing after its cooldown. */
    stillFiring: (title: string) => `Toujours en cours : ${title}`,
    /** The e-mail's links: the screen the alert is about, and where to choose one's channels. */
    open: 'Ouvrir Pulse',
    settings: 'Choisir mes notifications',
  },

  /** Push notifications that are not alerts. */
  push: {
    test: { title: 'Pulse : notification de test', body: 'Les alertes arriveront sur cet appareil.' },
  },

  /** The clinic owner's Monday digest (digest/clinic-digest-email.ts). */
  clinicDigest: {
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
    /** A figure the week has no value for. */
    none: '—',
    minutes: (minutes: number) => `${format.number(minutes, 1)} min`,
    patientsCount: (count: number) => `${count} patient${count > 1 ? 's' : ''}`,
    hour: (hour: number) => `${hour} h – ${hour + 1} h`,
    /** `change` in percent against the week before. */
    vsBefore: (change: number) => `${format.signedNumber(change)} % par rapport à la semaine précédente`,
    noBefore: 'pas de semaine précédente à comparer',
    open: 'Ouvrir l’historique',
    stop: 'Ne plus recevoir ce résumé',
    /** The bar chart of the week: a day's bar is labelled `lundi 16`, its figures written beside it. */
    chart: 'Patients par jour',
    chartDay: (weekday: string, dayOfMonth: number) => `${weekday} ${dayOfMonth}`,
    chartValue: (patients: number, seen: number) => `${format.number(patients)} (${format.number(seen)} vus)`,
    /** The week's notes (annotations); a service-wide one says so. */
    notes: 'Notes de la semaine',
    note: (day: string, text: string) => `${day} — ${text}`,
    serviceNote: (day: string, text: string) => `${day} — ${text} (Pulse, toutes les cliniques)`,
    /** The month's SMS against the clinic's budget, up to the week's last day. */
    smsBudget: (upToDay: string) => `SMS du mois au ${upToDay}`,
    smsBudgetValue: (cost: string, budget: string, share: number) => `${cost} sur ${budget} (${format.percent(share)})`,
    /** The clinic's alerts of the week, where alerts chosen for the digest and pushes held by quiet hours end up. */
    alerts: 'Alertes de la semaine',
    noAlert: 'Aucune alerte cette semaine.',
    resolved: 'résolue',
    firing: 'en cours',
  },

  /**
   * The one sentence the digest leads with (domain/digest-insights.ts): the figure that triggered
   * it and what it is compared with. `change` is relative (0.41 = +41 %), shares between 0 and 1.
   */
  digestInsight: {
    /** Monday first, as the weeks of the digest. */
    weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
    dayPatients: (weekday: string, patients: number, change: number, usual: number) =>
      `${capitalised(weekday)}, ${format.number(patients)} patient${patients > 1 ? 's' : ''} : ${signedWholePercent(change)} par rapport à la moyenne des 4 derniers ${weekday}s (${format.number(usual, 1)}).`,
    dayWait: (weekday: string, minutes: number, change: number, usual: number) =>
      `${capitalised(weekday)}, attente moyenne de ${format.number(minutes, 1)} min : ${signedWholePercent(change)} par rapport à la moyenne des 4 derniers ${weekday}s (${format.number(usual, 1)} min).`,
    slowestHour: (hour: number, minutes: number, weekMinutes: number) =>
      `De ${hour} h à ${hour + 1} h, l’attente moyenne a été de ${format.number(minutes, 1)} min, contre ${format.number(weekMinutes, 1)} min sur toute la semaine.`,
    noShowSpike: (rate: number, noShows: number, usual: number) =>
      `${format.percent(rate)} de non-présentés cette semaine (${format.number(noShows)}), contre ${format.percent(usual)} sur les 4 semaines précédentes.`,
    qrDrop: (share: number, usual: number) => `Arrivées par QR : ${format.percent(share)} cette semaine, contre ${format.percent(usual)} sur les 4 semaines précédentes.`,
    estimatesOff: (held: number, aim: number, meanErrorMinutes: number) =>
      `Les estimations d’attente n’ont tenu que ${format.percent(held)} du temps (objectif : ${format.percent(aim)}), avec ${format.number(meanErrorMinutes, 1)} min d’écart moyen.`,
    steady: (patients: number, usual: number) =>
      `Semaine sans écart notable : ${format.number(patients)} patient${patients > 1 ? 's' : ''}, pour ${format.number(usual, 1)} en moyenne sur les 4 semaines précédentes.`,
    steadyWithoutHistory: (patients: number) => `${format.number(patients)} patient${patients > 1 ? 's' : ''} cette semaine ; pas encore 4 semaines d’historique pour comparer.`,
  },

  /** The super admin's Monday digest (digest/service-digest-email.ts). */
  serviceDigest: {
    subject: (from: string, to: string) => `Pulse — l’activité du ${from} au ${to}`,
    heading: 'Pulse, la semaine',
    intro: (from: string, to: string) => `L’activité du service du ${from} au ${to}.`,
    business: 'Activité',
    mrr: (currency: string) => `MRR (${currency})`,
    /** `change` between 0 and 1 against 7 days earlier. */
    vsWeekAgo: (change: number) => `${format.signedPercent(change)} sur 7 jours`,
    active: 'Cliniques actives',
    /** Never logged in, created under 30 days ago: not churn risk, shown apart. */
    onboarding: 'Cliniques en cours d’ouverture',
    of: (active: number, total: number) => `${active} sur ${total}`,
    atRisk: 'Risque d’attrition',
    noneAtRisk: 'Aucune clinique sans connexion depuis 7 jours.',
    status: clinicStatus,
    daysWithoutLogin: (days: number | null) => (days === null ? 'jamais connectée' : `${days} j sans connexion`),
    laggards: 'Adoption du QR sous 30 %',
    noLaggard: 'Aucune clinique sous 30 % cette semaine.',
    checkins: (count: number) => `${count} arrivées`,
    sms: 'SMS de la semaine',
    smsCount: (sent: number) => `${sent} SMS`,
    noSms: 'Aucun SMS cette semaine.',
    alerts: 'Alertes déclenchées',
    noAlert: 'Aucune alerte cette semaine.',
    resolved: 'résolue',
    firing: 'en cours',
    console: 'Ouvrir l’administration',
    stop: 'Ne plus recevoir ce résumé',
    /** The clinics opening, named, with the days since they were created. */
    daysSinceCreation: (days: number) => `créée il y a ${days} j`,
    /** Jobs of the week that failed every attempt (dead letters), per kind of job, with the latest one kept. */
    failedJobs: 'Tâches en échec',
    noFailedJob: 'Aucune tâche en échec cette semaine.',
    failedCount: (count: number) => `${count} en échec`,
    latestFailed: (at: number, job: string) => `dernière le ${format.instantUtc(at)} : ${job}`,
    /** The MRR's movements of the month to date (UTC), per currency: the net change, then each movement that happened. */
    movements: (currency: string) => `Mouvements du MRR ce mois-ci (${currency})`,
    movement: (kind: string, amount: string) => `${kind} ${amount}`,
    movementKinds: { newMinor: 'nouvelles', expansionMinor: 'hausses', reactivationMinor: 'retours', contractionMinor: 'baisses', churnedMinor: 'départs' },
    noMovement: 'aucun mouvement',
  },

  /** The e-mails of an invitation (mail/invitation-email.ts). */
  invitation: {
    role: clinicRole,
    /** To someone who must choose a password: the one-time link, valid until `expiresAt` (epoch ms). */
    setup: {
      subject: (clinic: string) => `Pulse : votre invitation à ${clinic}`,
      intro: (clinic: string, role: string, expiresAt: number) =>
        `Vous êtes invité(e) à suivre ${clinic} sur Pulse (${role}). Choisissez votre mot de passe avec ce lien, valable une fois, jusqu'au ${format.instantUtc(expiresAt)}.`,
      link: 'Choisir mon mot de passe',
    },
    /** To an existing account that now opens one more clinic. */
    access: {
      subject: (clinic: string) => `Pulse : vous avez accès à ${clinic}`,
      intro: (clinic: string, role: string) => `Votre compte Pulse ouvre maintenant ${clinic} (${role}). Connectez-vous comme d'habitude pour voir sa file.`,
      link: 'Ouvrir Pulse',
    },
  },

  /** The e-mail of a forgotten password: the one-time link, valid until `expiresAt` (mail/password-reset-email.ts). */
  passwordReset: {
    subject: 'Pulse : choisir un nouveau mot de passe',
    heading: 'Mot de passe oublié',
    intro: (expiresAt: number) =>
      `Un nouveau mot de passe a été demandé pour votre compte Pulse. Choisissez-le avec ce lien, valable une fois, jusqu'au ${format.instantUtc(expiresAt)} ; vos autres sessions seront alors fermées. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.`,
    link: 'Choisir un nouveau mot de passe',
  },

  /**
   * A patient's ticket page, `/t/<token>` (ticket-page/render.ts), read on a phone in a waiting
   * room: short sentences, the figure first, nothing personal. `secondsAgo` and `minutesAgo` are
   * also filled in by the page's script, every second, hence their text parameter.
   */
  ticketPage: {
    /** The tab's title: the ticket first, so a tab in the background still says which. */
    title: (ticket: number, clinic: string) => `Ticket ${ticket} — ${clinic}`,
    yourTicket: 'Votre ticket',
    waiting: 'En attente',
    position: (position: number) => `Position dans la file : ${position}`,
    next: 'Vous êtes le prochain patient.',
    range: (low: number, high: number) => `Attente estimée : ${low} à ${high} min`,
    soon: 'Attente estimée : quelques instants',
    noEstimate: 'Attente estimée : pas encore connue',
    called: 'C’est votre tour',
    calledDetail: 'Présentez-vous au cabinet.',
    inConsultation: 'En consultation',
    inConsultationDetail: 'Vous êtes avec le médecin.',
    completed: 'Consultation terminée',
    completedDetail: 'Merci de votre visite.',
    noShow: 'Absent à l’appel',
    noShowDetail: 'Vous avez été appelé(e) en votre absence : adressez-vous à l’accueil.',
    cancelled: 'Ticket annulé',
    cancelledDetail: 'S’il s’agit d’une erreur, adressez-vous à l’accueil.',
    unfinished: 'Journée terminée',
    unfinishedDetail: 'La clinique a clos sa journée avant votre consultation.',
    expired: 'Lien expiré',
    expiredDetail: 'Ce lien valait jusqu’à la fin de la journée de la clinique.',
    notFound: 'Lien non valide',
    notFoundDetail: 'Vérifiez que le lien est complet, ou demandez-en un nouveau à l’accueil.',
    rateLimited: 'Trop de demandes',
    rateLimitedDetail: 'Trop de demandes depuis ce réseau : la page réessaiera dans un instant.',
    unavailable: 'Momentanément indisponible',
    unavailableDetail: 'La page réessaiera dans quelques secondes.',
    secondsAgo: (seconds: string) => `Mis à jour il y a ${seconds} s`,
    minutesAgo: (minutes: string) => `Mis à jour il y a ${minutes} min`,
    offline: 'Connexion perdue : nouvel essai dans quelques secondes.',
    live: 'Cette page se met à jour toute seule.',
  },
};

/** The shape every language's table has: the French one's. */
export type Texts = typeof fr;
