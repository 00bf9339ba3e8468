import { clinicRolesOf, socketClinicsOf } from '../../db/queries/sessions.ts';
import type { Runtime } from '../runtime/runtime.ts';

/** Whose live sockets to close: one session's, or every session's of a user. */
export type SocketOwnerMatch = { sessionTokenHash: string } | { userId: string };

/**
 * Closes the live sockets of a session (or of a user) that just lost its access, with 4401 and
 * `reason` in words. The clinics to tell are those where it opened sockets (`session_sockets`),
 * with a user's own clinics besides, or `onlyClinicId` when one membership went. Each clinic's queue is one object wherever the
 * request runs, so this reaches the sockets from any isolate. A clinic that cannot be told is
 * logged, not fatal: the access itself is already revoked in libSQL.
 */
export async function closeLiveSockets(services: Runtime, of: SocketOwnerMatch, reason: string, onlyClinicId?: string): Promise<void> {
  const clinicIds = onlyClinicId !== undefined ? [onlyClinicId] : await liveSocketClinicsOf(services, of);
  await closeLiveSocketsIn(services, clinicIds, of, reason);
}

/**
 * The clinics whose objects may hold sockets of a session or a user. Read before the rows that
 * say so are deleted (a deleted user), then handed to `closeLiveSocketsIn`.
 */
export async function liveSocketClinicsOf(services: Runtime, of: SocketOwnerMatch): Promise<string[]> {
  if ('sessionTokenHash' in of) return socketClinicsOf(services.db, { tokenHash: of.sessionTokenHash });
  // A user's clinics too: a socket whose record was pruned (its session expired long ago) is still found.
  const [opened, roles] = await Promise.all([socketClinicsOf(services.db, of), clinicRolesOf(services.db, of.userId)]);
  return [...new Set([...opened, ...roles.keys()])];
}

/** Closes the sockets of `of` in each of `clinicIds`' objects; one that cannot be told is logged. */
export async function closeLiveSocketsIn(services: Runtime, clinicIds: readonly string[], of: SocketOwnerMatch, reason: string): Promise<void> {
  const results = await Promise.allSettled(clinicIds.map((clinicId) => services.durableObjects.clinicQueue(clinicId).closeSockets(of, reason)));
  results.forEach((result, index) => {
    if (result.status === 'rejected') services.logger.warn('live sockets not closed', { clinicId: clinicIds[index], error: String(result.reason) });
  });
}

/** The words a phone shows when its live socket is closed, per event. */
export const SOCKET_CLOSE_REASONS = {
  logout: 'Session ended: signed out',
  passwordChange: 'Session ended: the password was changed',
  passwordReset: 'Session ended: the password was reset with an e-mailed link',
  disabled: 'Session ended: this account was disabled',
  membershipRemoved: 'Access removed: you are no longer a member of this clinic',
  deleted: 'Session ended: this account was deleted',
} as const;
