import { recordClinicLogins } from '../../db/queries/activity.ts';
import { clinicRolesOf } from '../../db/queries/sessions.ts';
import { findUserByEmail, storedPasswordOf, type UserRow } from '../../db/queries/users.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { knownDeviceOf } from './known-device.ts';
import { admitPasswordAttempt } from './login-throttle.ts';
import { hashPassword, verifyPassword, type StoredPassword } from './password.ts';
import { openSession } from './open-session.ts';
import { randomToken } from './secrets.ts';

export type PasswordCheck<Success> =
  | ({ ok: true } & Success)
  | { ok: false; code: 'UNAUTHORIZED'; userId: string | null }
  | { ok: false; code: 'RATE_LIMITED'; retryAfterSeconds: number };

export type LoginResult = PasswordCheck<{ user: UserRow; token: string }>;

/** Where a password attempt comes from: the client address and the device cookie, if any. */
export interface AttemptOrigin {
  ip: string;
  deviceCookie: string | undefined;
}

/**
 * A password hash no account has, verified when the e-mail is unknown so that the answer takes
 * as long as for a real account: timing must not reveal whether an e-mail exists.
 */
let decoy: Promise<StoredPassword> | undefined;

/**
 * Checks `password` for the account of `email` under the attempt throttle (sign-in and password
 * change alike): refused unheard while a delay is owed, else verified and counted.
 */
export async function checkPassword(
  services: Runtime,
  attempt: { email: string; password: string } & AttemptOrigin,
): Promise<PasswordCheck<{ user: UserRow }>> {
  const { db, clock, config } = services;
  const email = attempt.email.trim().toLowerCase();
  const deviceId = await knownDeviceOf(config.ipHashKey, email, attempt.deviceCookie);
  const verdict = await admitPasswordAttempt(db, { email, ip: attempt.ip, deviceId, now: clock.now(), hashKey: config.ipHashKey });
  if (!verdict.allowed) return { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: verdict.retryAfterSeconds };

  const user = await findUserByEmail(db, email);
  const matches = await verifyPassword(attempt.password, user?.passwordHash ? storedPasswordOf(user) : await (decoy ??= hashPassword(randomToken())));
  const success = user !== undefined && user.disabledAt === null && matches;
  await verdict.settle(success);
  if (!success) return { ok: false, code: 'UNAUTHORIZED', userId: user?.id ?? null };
  return { ok: true, user };
}

/**
 * Checks a sign-in under the throttle; on success opens a session and records the clinics' login.
 * Every sign-in is counted by outcome (`pulse_logins_total`): a burst of failures is an alert
 * (ops/prometheus/alerts.yml, PulseFailedLoginBurst). Password changes go through the same
 * throttle but are not sign-ins, so they are not counted.
 */
export async function logIn(services: Runtime, attempt: { email: string; password: string } & AttemptOrigin): Promise<LoginResult> {
  const checked = await checkPassword(services, attempt);
  services.metrics.count('pulse_logins_total', { outcome: checked.ok ? 'ok' : checked.code === 'RATE_LIMITED' ? 'throttled' : 'failed' });
  if (!checked.ok) return checked;
  const { user } = checked;
  const token = await openSession(services, { userId: user.id, ip: attempt.ip });
  await recordClinicLogins(services.db, { userId: user.id, clinicIds: [...(await clinicRolesOf(services.db, user.id)).keys()], at: services.clock.now(), platform: 'web' });
  return { ok: true, user, token };
}
