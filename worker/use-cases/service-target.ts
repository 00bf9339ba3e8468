import type { Database } from '../../db/client.ts';
import { readServiceTarget, saveServiceTarget } from '../../db/queries/service-target.ts';
import type { ServiceTarget } from '../domain/history-wire.ts';
import { DEFAULT_SERVICE_TARGET_MINUTES } from '../domain/quote-accuracy.ts';
import type { AuditEntry } from '../http/audit.ts';
import { failed, succeeded, type Result } from './result.ts';

/** What setting the target needs: the database, the request's audit log and the clinic's live queue. */
export interface ServiceTargetPorts {
  db: Database;
  audit(entry: AuditEntry): Promise<void>;
  /** The live queue judges today's calls with its own copy of the target (`stats/today`, today's rollup). */
  refreshLiveQueue(clinicId: string): Promise<void>;
}

type TargetResult = Promise<Result<ServiceTarget, 'no_such_clinic'>>;

const answerOf = (minutes: number): ServiceTarget => ({ minutes, defaultMinutes: DEFAULT_SERVICE_TARGET_MINUTES });

/** The clinic's service target now. */
export async function serviceTargetOf(db: Database, clinicId: string): TargetResult {
  const minutes = await readServiceTarget(db, clinicId);
  return minutes === undefined ? failed('no_such_clinic') : succeeded(answerOf(minutes));
}

/**
 * Sets the clinic's service target, audited (from → to), then has its live queue read it again, so
 * today's service level and today's rollup count with it at once. Days already past keep the
 * target they were judged against.
 */
export async function changeServiceTarget(ports: ServiceTargetPorts, clinicId: string, minutes: number): TargetResult {
  const saved = await saveServiceTarget(ports.db, clinicId, minutes);
  if (saved === undefined) return failed('no_such_clinic');
  await ports.audit({ action: 'service_target_change', clinicId, targetType: 'clinic', targetId: clinicId, success: true, detail: { from: saved.previous, to: minutes } });
  await ports.refreshLiveQueue(clinicId);
  return succeeded(answerOf(minutes));
}
