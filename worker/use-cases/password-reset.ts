/**
 * A forgotten password (issue 3/8): asking for a one-time link by e-mail, and choosing a password
 * with a setup link, an invitation's or a reset's alike.
 */
import { openSetupLinkOf } from '../../db/queries/password-resets.ts';
import { revokeUserSessions } from '../../db/queries/sessions.ts';
import { findUserByEmail, useSetupToken, type UserRow } from '../../db/queries/users.ts';
import { closeLiveSockets, SOCKET_CLOSE_REASONS } from '../auth/live-socket-closing.ts';
import { openSession } from '../auth/open-session.ts';
import { hashPassword } from '../auth/password.ts';
import { mailResetLink } from '../auth/reset-link.ts';
import { sha256Hex } from '../auth/secrets.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { failed, succeeded, type Result } from './result.ts';
import { forgetSessions } from '../auth/forget-sessions.ts';

/** What a reset request did: for the audit log alone, never for the one who asked. */
export interface ResetRequestOutcome {
  /** The account the address belongs to, if any. */
  userId: string | null;
  outcome: 'mailed' | 'no_account' | 'disabled' | 'mail_failed';
}

/**
 * Mails a one-time link to choose a new password to the account of `email`, when there is one and
 * it is enabled (with a password or still without one); does nothing for any other address. The
 * route runs this after answering (`waitUntil`), so that the answer and its timing are the same
 * for every address.
 */
export async function requestPasswordReset(services: Runtime, email: string): Promise<ResetRequestOutcome> {
  const user = await findUserByEmail(services.db, email);
  if (user === undefined) return { userId: null, outcome: 'no_account' };
  if (user.disabledAt !== null) return { userId: user.id, outcome: 'disabled' };
  try {
    await mailResetLink(services, user);
  } catch (error) {
    // Asking again makes a new link and a new e-mail.
    services.logger.warn('password reset e-mail failed', { error: String(error) });
    return { userId: user.id, outcome: 'mail_failed' };
  }
  return { userId: user.id, outcome: 'mailed' };
}

export interface PasswordChosen {
  user: UserRow;
  /** The session the link opens, the only one of the user left. */
  sessionToken: string;
  /** A reset the person asked for, rather than an invitation's first password. */
  reset: boolean;
}

/**
 * Spends a setup link (once, even when two requests race), sets its user's password, ends every
 * other session of theirs and closes those sessions' live sockets (whoever held the old password,
 * or a session opened with it, is out), then opens a session.
 */
export async function choosePasswordWithLink(services: Runtime, choice: { token: string; password: string; ip: string }): Promise<Result<PasswordChosen, 'LINK_INVALID'>> {
  const { db, clock } = services;
  const tokenHash = await sha256Hex(choice.token);
  const link = await openSetupLinkOf(db, tokenHash, clock.now());
  if (link === undefined || !(await useSetupToken(db, tokenHash, link.user.id, await hashPassword(choice.password), clock.now()))) return failed('LINK_INVALID');
  const { user } = link;
  await revokeUserSessions(db, user.id, clock.now());
  await forgetSessions(services, { userId: user.id });
  // Sessions are opened with a password: someone who never had one has no socket to close.
  if (user.passwordHash !== null) await closeLiveSockets(services, { userId: user.id }, link.reset ? SOCKET_CLOSE_REASONS.passwordReset : SOCKET_CLOSE_REASONS.passwordChange);
  const sessionToken = await openSession(services, { userId: user.id, ip: choice.ip });
  return succeeded({ user, sessionToken, reset: link.reset });
}
