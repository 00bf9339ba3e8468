import { clinicNameOf } from '../../db/queries/clinics.ts';
import { addMembership, createInvitedMember, findUserByEmail, replaceSetupToken } from '../../db/queries/users.ts';
import type { ClinicRole, Locale } from '../domain/vocabulary.ts';
import { AppError } from '../errors.ts';
import { invitationEmail } from '../mail/invitation-email.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { randomToken, sha256Hex } from './secrets.ts';

/** PRODUCT: a setup link is valid for 72 hours, once. */
export const SETUP_LINK_TTL_MS = 72 * 3_600_000;

/**
 * What an invitation made. The inviter's answer is built from it so that it reads the same
 * whether the e-mail already had an account or not (no probing for accounts).
 */
export interface Invitation {
  /** For the audit log only: never in the inviter's answer. */
  userId: string;
  email: string;
  role: ClinicRole;
  /**
   * The one-time link to choose a password, when one was made (someone new, or who never chose a
   * password); the token travels in the fragment so it never reaches a server log. It goes to the
   * person by e-mail; only the super admin, who sees every account anyway, is also shown it.
   */
  setupUrl: string | null;
  expiresAt: number;
}

/**
 * Invites `email` to the clinic with `role`: someone new gets an account and a setup link, an
 * existing person gets the membership (kept as it is if they already have one there) and a notice,
 * someone who never chose a password gets a fresh link. Each is told by e-mail.
 */
export async function invite(
  services: Runtime,
  invitation: { clinicId: string; role: ClinicRole; email: string; locale: Locale; invitedBy: string; origin: string },
  retried = false,
): Promise<Invitation> {
  const { db, clock, config } = services;
  const clinicName = await clinicNameOf(db, invitation.clinicId);
  if (clinicName === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
  const now = clock.now();
  const expiresAt = now + SETUP_LINK_TTL_MS;
  const token = randomToken();
  const tokenHash = await sha256Hex(token);
  const setupUrl = `${invitation.origin}/setup#${token}`;
  const existing = await findUserByEmail(db, invitation.email);
  let linkMade = true;
  let locale = invitation.locale;
  const userId = existing?.id ?? crypto.randomUUID();
  if (existing === undefined) {
    try {
      await createInvitedMember(db, {
        userId, email: invitation.email, locale, clinicId: invitation.clinicId, role: invitation.role,
        tokenHash, createdBy: invitation.invitedBy, now, expiresAt,
      });
    } catch (error) {
      // Two invitations of the same new e-mail at once: the other one made the account first.
      if (retried || (await findUserByEmail(db, invitation.email)) === undefined) throw error;
      return invite(services, invitation, true);
    }
  } else {
    locale = existing.locale;
    // Even the super admin's address gets the membership: refusing it would tell which one it is.
    const added = await addMembership(db, { userId: existing.id, clinicId: invitation.clinicId, role: invitation.role, now });
    linkMade = existing.passwordHash === null && existing.disabledAt === null;
    if (linkMade) await replaceSetupToken(db, { userId: existing.id, tokenHash, createdBy: invitation.invitedBy, now, expiresAt });
    // Nothing new to tell someone who already had this clinic and a password.
    if (!added && !linkMade) return { userId, email: invitation.email, role: invitation.role, setupUrl: null, expiresAt };
  }
  const mail = invitationEmail({
    locale, clinicName, role: invitation.role, setupUrl: linkMade ? setupUrl : null, appUrl: config.publicUrl,
    expiresAt,
  });
  try {
    await services.mailer.send({ from: config.mail.from, to: invitation.email, ...mail, tags: { kind: 'invitation' } });
  } catch (error) {
    // The invitation stands; inviting again sends a new e-mail (and a new link).
    services.logger.warn('invitation e-mail failed', { error: String(error) });
  }
  return { userId, email: invitation.email, role: invitation.role, setupUrl: linkMade ? setupUrl : null, expiresAt };
}
