import { replaceSetupToken, type UserRow } from '../../db/queries/users.ts';
import { passwordResetEmail } from '../mail/password-reset-email.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { randomToken, sha256Hex } from './secrets.ts';

/** PRODUCT (issue 3/8): a password-reset link is valid for 30 minutes, once. */
export const RESET_LINK_TTL_MS = 30 * 60_000;

/**
 * Makes a one-time link for `user` to choose a new password and e-mails it in their language. It
 * is a setup link like an invitation's (`/setup#<token>`, hashed at rest), made by the person
 * themselves (`created_by`), which is how the setup route tells a reset; it supersedes their
 * earlier unused links. The link is built on PUBLIC_URL, never on the request's Host, which the
 * stranger asking could have chosen. A failed e-mail rejects: the caller logs it.
 */
export async function mailResetLink(services: Runtime, user: UserRow): Promise<void> {
  const { db, clock, config, mailer } = services;
  const now = clock.now();
  const token = randomToken();
  const expiresAt = now + RESET_LINK_TTL_MS;
  await replaceSetupToken(db, { userId: user.id, tokenHash: await sha256Hex(token), createdBy: user.id, now, expiresAt });
  const mail = passwordResetEmail({ locale: user.locale, setupUrl: `${config.publicUrl}/setup#${token}`, expiresAt });
  await mailer.send({ from: config.mail.from, to: user.email, ...mail, tags: { kind: 'password_reset' } });
}
