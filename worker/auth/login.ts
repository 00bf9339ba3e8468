import { recordClinicLogins } from '../../db/queries/activity.ts';
import { clinicRolesOf } from '../../db/queries/sessions.ts';
import { findUserByEmail, storedPasswordOf, type UserRow } from '../../db/queries/users.ts';
import type { Services } from '../services/services.ts';
import { admitLoginAttempt } from './login-throttle.ts';
import { hashPassword, verifyPassword, type StoredPassword } from './password.ts';
import { openSession } from './open-session.ts';
import { randomToken } from './secrets.ts';

export type LoginResult =
  | { ok: true; user: UserRow; token: string }
  | { ok: false; code: 'UNAUTHORIZED'; userId: string | null }
  | { ok: false; code: 'RATE_LIMITED'; retryAfterSeconds: number };

/**
 * A password hash no account has, verified when the e-mail is unknown so that the answer takes
 * as long as for a real account: timing must not reveal whether an e-mail exists.
 */
let decoy: Promise<StoredPassword> | undefined;

/** Checks a login, throttled per e-mail and per address; on success opens a session. */
export async function logIn(
  services: Services,
  attempt: { email: string; password: string; ip: string },
): Promise<LoginResult> {
  const { db, clock, config } = services;
  const now = clock.now();
  const email = attempt.email.trim().toLowerCase();
  const verdict = await admitLoginAttempt(db, { email, ip: attempt.ip, now, hashKey: config.ipHashKey });
  if (!verdict.allowed) return { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: verdict.retryAfterSeconds };

  const user = await findUserByEmail(db, email);
  const matches = await verifyPassword(attempt.password, user?.passwordHash ? storedPasswordOf(user) : await (decoy ??= hashPassword(randomToken())));
  const success = user !== undefined && user.disabledAt === null && matches;
  await verdict.settle(success);
  if (!success) return { ok: false, code: 'UNAUTHORIZED', userId: user?.id ?? null };

  const token = await openSession(services, { userId: user.id, ip: attempt.ip });
  await recordClinicLogins(db, { userId: user.id, clinicIds: [...(await clinicRolesOf(db, user.id)).keys()], at: now, platform: 'web' });
  return { ok: true, user, token };
}
