/**
 * The e-mails of an invitation: the one-time link to choose a password (someone new to Pulse, or
 * who never chose one), or the notice that an existing account now opens one more clinic.
 */
import type { ClinicRole, Locale } from '../domain/vocabulary.ts';
import { renderEmail, type RenderedEmail } from './email-layout.ts';

const ROLE_WORDS: Record<Locale, Record<ClinicRole, string>> = {
  fr: { clinic_owner: 'responsable', staff: 'accueil' },
  en: { clinic_owner: 'owner', staff: 'reception' },
};

export interface InvitationEmailInput {
  locale: Locale;
  clinicName: string;
  role: ClinicRole;
  /** The setup link when the person must choose a password; null when they already have one. */
  setupUrl: string | null;
  /** Where Pulse opens (PUBLIC_URL). */
  appUrl: string;
  /** When the setup link stops working, already formatted for the reader. */
  expiresOn: string;
}

export function invitationEmail(input: InvitationEmailInput): RenderedEmail {
  const role = ROLE_WORDS[input.locale][input.role];
  if (input.locale === 'en') {
    return input.setupUrl === null
      ? renderEmail({
          locale: 'en', subject: `Pulse: you now have access to ${input.clinicName}`, heading: input.clinicName,
          intro: `Your Pulse account now opens ${input.clinicName} (${role}). Sign in as usual to see its queue.`,
          sections: [], links: [{ label: 'Open Pulse', url: input.appUrl }],
        })
      : renderEmail({
          locale: 'en', subject: `Pulse: your invitation to ${input.clinicName}`, heading: input.clinicName,
          intro: `You are invited to follow ${input.clinicName} on Pulse (${role}). Choose your password with this link, valid once, until ${input.expiresOn}.`,
          sections: [], links: [{ label: 'Choose my password', url: input.setupUrl }],
        });
  }
  return input.setupUrl === null
    ? renderEmail({
        locale: 'fr', subject: `Pulse : vous avez accès à ${input.clinicName}`, heading: input.clinicName,
        intro: `Votre compte Pulse ouvre maintenant ${input.clinicName} (${role}). Connectez-vous comme d'habitude pour voir sa file.`,
        sections: [], links: [{ label: 'Ouvrir Pulse', url: input.appUrl }],
      })
    : renderEmail({
        locale: 'fr', subject: `Pulse : votre invitation à ${input.clinicName}`, heading: input.clinicName,
        intro: `Vous êtes invité(e) à suivre ${input.clinicName} sur Pulse (${role}). Choisissez votre mot de passe avec ce lien, valable une fois, jusqu'au ${input.expiresOn}.`,
        sections: [], links: [{ label: 'Choisir mon mot de passe', url: input.setupUrl }],
      });
}
