/**
 * The e-mail of a forgotten password: the one-time link to choose a new one, in the person's
 * language, and what to do if they never asked.
 */
import type { Locale } from '../domain/vocabulary.ts';
import { textsFor } from '../texts/catalogue.ts';
import { renderEmail, type RenderedEmail } from './email-layout.ts';

export interface PasswordResetEmailInput {
  locale: Locale;
  /** `/setup#<token>`: the token in the fragment, which no server log keeps. */
  setupUrl: string;
  /** When the link stops working (epoch milliseconds). */
  expiresAt: number;
}

export function passwordResetEmail(input: PasswordResetEmailInput): RenderedEmail {
  const { passwordReset: words } = textsFor(input.locale);
  return renderEmail({
    locale: input.locale, subject: words.subject, heading: words.heading, intro: words.intro(input.expiresAt),
    sections: [], links: [{ label: words.link, url: input.setupUrl }],
  });
}
