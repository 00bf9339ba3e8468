import type { SessionUser } from '../../db/queries/sessions.ts';

/** Who is asking: a signed-in person, or the queue app of one clinic through its API key. */
export type Principal =
  | {
      kind: 'user';
      user: SessionUser;
      /** Digest of the session token, to end this very session on logout. */
      sessionTokenHash: string;
      /** How the token came: a cookie must pass the CSRF check on writes, a bearer token need not. */
      via: 'cookie' | 'bearer';
    }
  | { kind: 'api_key'; keyId: string; clinicId: string };

/** A role name for the audit log: the global role, or the role in the clinic concerned. */
export function roleIn(principal: Principal, clinicId: string | null): string {
  if (principal.kind === 'api_key') return 'api_key';
  if (principal.user.role === 'super_admin') return 'super_admin';
  return (clinicId === null ? undefined : principal.user.clinics.get(clinicId)) ?? 'member';
}
