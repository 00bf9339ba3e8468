/**
 * Who is signed in and which clinics they may open, as the PWA reads `GET /api/v1/me` and the
 * session answers of login, setup and password change: typed by the API's routes (contract.ts),
 * checked field by field.
 */
import type { Account, ClinicAccess, User } from './contract';
import { UnexpectedAnswerError } from './errors';
import { isRecord, requireString } from './json';

export type { Account, ClinicAccess, User };
export type UserRole = User['role'];
/** A member's role in one clinic; the super admin sees every clinic as `super_admin`. */
export type ClinicRole = ClinicAccess['role'];

const fail = (what: string) => (reason: string) => new UnexpectedAnswerError(`${what}: ${reason}`);

export function parseUser(value: unknown): User {
  if (!isRecord(value)) throw new UnexpectedAnswerError('user is not an object');
  const { role, locale } = value;
  if (role !== 'super_admin' && role !== 'member') throw new UnexpectedAnswerError('user: role must be super_admin or member');
  if (locale !== 'fr' && locale !== 'en') throw new UnexpectedAnswerError('user: locale must be fr or en');
  return { id: requireString(value, 'id', fail('user')), email: requireString(value, 'email', fail('user')), role, locale };
}

function parseClinicAccess(value: unknown): ClinicAccess {
  if (!isRecord(value)) throw new UnexpectedAnswerError('clinic is not an object');
  const { role } = value;
  if (role !== 'clinic_owner' && role !== 'staff' && role !== 'super_admin') {
    throw new UnexpectedAnswerError('clinic: role must be clinic_owner, staff or super_admin');
  }
  return {
    id: requireString(value, 'id', fail('clinic')),
    name: requireString(value, 'name', fail('clinic')),
    timezone: requireString(value, 'timezone', fail('clinic')),
    role,
  };
}

/** `GET /api/v1/me`; unknown extra fields are ignored so the API can grow. */
export function parseAccount(value: unknown): Account {
  if (!isRecord(value)) throw new UnexpectedAnswerError('me is not an object');
  const { user, clinics } = value;
  if (!Array.isArray(clinics)) throw new UnexpectedAnswerError('me: clinics must be a list');
  return { user: parseUser(user), clinics: clinics.map(parseClinicAccess) };
}

/**
 * A session answer `{user}`: the token travels only in the HttpOnly cookie, which is what the PWA
 * relies on (the API answers it in JSON only to clients asking for a bearer token).
 */
export function parseSessionUser(value: unknown): User {
  if (!isRecord(value)) throw new UnexpectedAnswerError('session is not an object');
  return parseUser(value['user']);
}

/** What a setup link opens: whom it is for, and whether they asked for it to reset a forgotten password (else an invitation). */
export interface SetupLink {
  email: string;
  reset: boolean;
}

/** `POST /api/v1/auth/setup/read`; an API older than password resets only made invitations' links. */
export function parseSetupLink(value: unknown): SetupLink {
  if (!isRecord(value)) throw new UnexpectedAnswerError('setup link is not an object');
  const { reset = false } = value;
  if (typeof reset !== 'boolean') throw new UnexpectedAnswerError('setup link: reset must be a boolean');
  return { email: requireString(value, 'email', fail('setup link')), reset };
}
