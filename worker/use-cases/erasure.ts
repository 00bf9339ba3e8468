/**
 * Erasure on request (PRODUCT: erasure): a clinic's data, or a person's account, deleted for good;
 * the audit log keeps that it happened and who did it, never the person's e-mail or the clinic's
 * name. What goes table by table is listed in db/queries/erasure.ts.
 */
import { findUserById } from '../../db/queries/users.ts';
import {
  auditDetailsAbout,
  deleteUserRows,
  eraseClinicRows,
  planClinicErasure,
  superAdminCount,
  type ErasedCounts,
  type ScrubbedAuditDetail,
} from '../../db/queries/erasure.ts';
import type { Database } from '../../db/client.ts';
import { forgetApiKeys } from '../auth/authenticate.ts';
import { closeLiveSocketsIn, liveSocketClinicsOf, SOCKET_CLOSE_REASONS } from '../auth/live-socket-closing.ts';
import { accountThrottleKey } from '../auth/login-throttle.ts';
import { sha256Hex } from '../auth/secrets.ts';
import { confirmsClinicName, erasedClinicName, scrubAuditDetail, userDeletionRefusal, type UserDeletionRefusal } from '../domain/erasure.ts';
import { searchKey } from '../domain/search-key.ts';
import { forgetAnswers } from '../http/answer-cache.ts';
import { historyAnswerKeys } from '../http/clinic-cache-keys.ts';
import { forgetClinicName } from '../http/clinic-name-cache.ts';
import type { AuditEntry } from '../http/audit.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { failed, succeeded, type Result } from './result.ts';
import { forgetSessions } from '../auth/forget-sessions.ts';

/** What an erasure needs: the request's services and its audit log. */
export interface ErasurePorts {
  services: Runtime;
  audit(entry: AuditEntry): Promise<void>;
}

export type ClinicErasureFailure = 'no_such_clinic' | 'confirm_mismatch';

/** What erasing a clinic did. */
export interface ClinicErased {
  keptRollups: boolean;
  /** Rows changed per table (deleted; for `clinics` with kept rollups and `sessions`, updated). */
  counts: ErasedCounts;
  /** Live sockets its queue closed. */
  liveSockets: number;
}

/** The audit rows `about` names whose detail had to change, with what names someone taken out (db/queries/erasure.ts writes them). */
async function scrubbedDetails(db: Database, about: Parameters<typeof auditDetailsAbout>[1]): Promise<ScrubbedAuditDetail[]> {
  const rows = await auditDetailsAbout(db, about);
  return rows.flatMap(({ id, detail }) => {
    const scrubbed = scrubAuditDetail(detail, about.texts);
    return scrubbed === detail ? [] : [{ id, detail: scrubbed }];
  });
}

/**
 * Erases a clinic once `confirm` is its exact name. Its live queue goes first, outbox included,
 * so nothing it still held can be written back to libSQL afterwards; then its rows, in one
 * transaction; then what this data center's caches kept of it. Audited as `clinic_erase` with the
 * rows gone per table.
 */
export async function eraseClinic(
  ports: ErasurePorts,
  clinicId: string,
  input: { confirm: string; keepRollups: boolean },
): Promise<Result<ClinicErased, ClinicErasureFailure>> {
  const { db, clock, durableObjects, logger } = ports.services;
  const plan = await planClinicErasure(db, clinicId);
  if (plan === undefined) return failed('no_such_clinic');
  if (!confirmsClinicName(input.confirm, plan.name)) return failed('confirm_mismatch');
  const now = clock.now();
  const liveSockets = await durableObjects.clinicQueue(clinicId).erase();
  const neutral = erasedClinicName(await sha256Hex(clinicId));
  const scrubbed = await scrubbedDetails(db, { clinicId, userIds: [], texts: [plan.name, ...plan.memberEmails] });
  const counts = await eraseClinicRows(db, plan, { keep: input.keepRollups ? { name: neutral, nameKey: searchKey(neutral) } : null, now, scrubbed });
  forgetApiKeys({ clinicId });
  // Memberships and sessions went in libSQL: every directory forgets what it kept of them.
  await forgetSessions(ports.services, { all: true });
  try {
    await Promise.all([
      forgetAnswers(historyAnswerKeys(clinicId)),
      forgetClinicName(clinicId),
      durableObjects.metrics().forgetQueue(clinicId),
    ]);
  } catch (error) {
    // The data is already gone: caches are per data center and expire on their own (the clinic's
    // routes answer 404 before reading them), and the metrics keep only its last queue figures.
    logger.warn('erased clinic caches not forgotten', { clinicId, error: String(error) });
  }
  await ports.audit({ action: 'clinic_erase', clinicId, targetType: 'clinic', targetId: clinicId, success: true, detail: { keepRollups: input.keepRollups, liveSockets, ...counts } });
  return succeeded({ keptRollups: input.keepRollups, counts, liveSockets });
}

export type UserDeletionFailure = 'no_such_user' | UserDeletionRefusal;

/**
 * Deletes a person's account with everything that is theirs alone (db/queries/erasure.ts), then
 * closes the live sockets their sessions had open, as a disabled account's are. Audited as
 * `user_delete` with the actor and the target's id alone; their e-mail leaves every audit detail.
 */
export async function deleteUser(ports: ErasurePorts, actorId: string, userId: string): Promise<Result<{ counts: ErasedCounts }, UserDeletionFailure>> {
  const { db, config } = ports.services;
  const user = await findUserById(db, userId);
  if (user === undefined) return failed('no_such_user');
  const refusal = userDeletionRefusal(actorId, user, user.role === 'super_admin' ? await superAdminCount(db) : 0);
  if (refusal !== null) return failed(refusal);
  // Read before the rows that say where their sockets are go with them.
  const socketClinics = await liveSocketClinicsOf(ports.services, { userId });
  const scrubbed = await scrubbedDetails(db, { userIds: [userId], texts: [user.email] });
  const counts = await deleteUserRows(db, { id: userId, email: user.email, throttleKeyHash: await accountThrottleKey(config.ipHashKey, user.email) }, scrubbed);
  await forgetSessions(ports.services, { userId });
  await closeLiveSocketsIn(ports.services, socketClinics, { userId }, SOCKET_CLOSE_REASONS.deleted);
  await ports.audit({ action: 'user_delete', targetType: 'user', targetId: userId, success: true });
  return succeeded({ counts });
}
