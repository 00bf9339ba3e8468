import type { ClinicRole, Locale } from '../domain/vocabulary.ts';
import { invitationEmail } from '../mail/invitation-email.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { randomToken, sha256Hex } from './secrets.ts';

/** A fresh one-time setup link; only the hash of its token is ever stored. */
export interface SetupLink {
  /** `<PUBLIC_URL>/setup#<token>` (never the request's Host, which the asker chooses): the token travels in the fragment so it never reaches a server log. */
  url: string;
  tokenHash: string;
}

export async function newSetupLink(origin: string): Promise<SetupLink> {
  const token = randomToken();
  return { url: `${origin}/setup#${token}`, tokenHash: await sha256Hex(token) };
}

/**
 * E-mails an invitation in `locale`: the setup link when there is one, else the notice that an
 * existing account now opens the clinic. A failed e-mail is logged, not thrown: the invitation
 * stands, and sending it again makes a new link and a new e-mail. Resolves whether it went.
 */
export async function mailInvitation(
  services: Runtime,
  mail: { to: string; locale: Locale; clinicName: string; role: ClinicRole; setupUrl: string | null; expiresAt: number },
): Promise<boolean> {
  const { config } = services;
  const rendered = invitationEmail({ locale: mail.locale, clinicName: mail.clinicName, role: mail.role, setupUrl: mail.setupUrl, appUrl: config.publicUrl, expiresAt: mail.expiresAt });
  try {
    await services.mailer.send({ from: config.mail.from, to: mail.to, ...rendered, tags: { kind: 'invitation' } });
    return true;
  } catch (error) {
    services.logger.warn('invitation e-mail failed', { error: String(error) });
    return false;
  }
}
