/**
 * Everything the Worker writes in French, Pulse's first language: the English table must have
 * exactly these keys (catalogue.ts types it against this one). Numbers arrive raw and are written
 * with the language's own formats; names and dates arrive as text.
 */
import type { ClinicStatus } from '../domain/admin-wire.ts';
import type { AlertKind, ClinicRole } from '../domain/vocabulary.ts';
import { formatsFor } from './formats.ts';

/** What an alert says: a title (naming the clinic for a clinic's alert) and one sentence. */
export interface AlertText {
  title: (clinicName: string) => string;
  body: (value: number, threshold: number) => string;
}

/** Numbers, dates and money as written in Tunisia, where the first clinics are. */
const format = formatsFor('fr-TN');

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
};

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
