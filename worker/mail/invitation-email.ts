/**
 * The e-mails of an invitation: the one-time link to choose a password (someone new to Pulse, or
 * who never chose one), or the notice that an existing account now opens one more clinic.
 */
import type { ClinicRole, Locale } from '../domain/vocabulary.ts';
import { textsFor } from '../texts/catalogue.ts';
import { renderEmail, type RenderedEmail } from './email-layout.ts';

export interface InvitationEmailInput {
  locale: Locale;
  clinicName: string;
  role: ClinicRole;
  /** The setup link when the person must choose a password; null when they already have one. */
  setupUrl: string | null;
  /** Where Pulse opens (PUBLIC_URL). */
  appUrl: string;
  /** When the setup link stops working (epoch milliseconds). */
  expiresAt: number;
}

export function invitationEmail(input: InvitationEmailInput): RenderedEmail {
  const { invitation: words } = textsFor(input.locale);
  const { clinicName: clinic, locale } = input;
  const role = words.role[input.role];
  return input.setupUrl === null
    ? renderEmail({
        locale, subject: words.access.subject(clinic), heading: clinic, intro: words.access.intro(clinic, role),
        sections: [], links: [{ label: words.access.link, url: input.appUrl }],
      })
    : renderEmail({
        locale, subject: words.setup.subject(clinic), heading: clinic, intro: words.setup.intro(clinic, role, input.expiresAt),
        sections: [], links: [{ label: words.setup.link, url: input.setupUrl }],
      });
}
