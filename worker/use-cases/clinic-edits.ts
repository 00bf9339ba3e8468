import type { Database } from '../../db/client.ts';
import { clinicHasHistory, clinicNameTaken, saveClinicChange, type NewClinicRow } from '../../db/queries/admin-clinics.ts';
import { clinicRecord } from '../../db/queries/business.ts';
import { forgetApiKeys } from '../auth/authenticate.ts';
import type { AdminClinicDetail, ClinicChange } from '../domain/admin-wire.ts';
import { toMinorUnits } from '../domain/money.ts';
import { searchKey } from '../domain/search-key.ts';
import type { Clock } from '../runtime/clock.ts';
import type { AuditEntry } from '../http/audit.ts';
import { clinicDetail } from './clinic-console.ts';
import { failed, type Result } from './result.ts';
import type { SessionsToForget } from '../session-directory/session-directory.ts';

/** What a clinic edit needs: the database, the clock, the request's audit log and the clinic's live queue. */
export interface ClinicEditPorts {
  db: Database;
  clock: Clock;
  audit(entry: AuditEntry): Promise<void>;
  /** The live queue keeps its own copy of the settings it counts with (SMS cost, zone, archived). */
  refreshLiveQueue(clinicId: string): Promise<void>;
  /** The session directories keep each person's clinics: archiving or restoring one changes them. */
  forgetSessions(of: SessionsToForget): Promise<void>;
}

export type ClinicEditFailure = 'no_such_clinic' | 'name_taken' | 'zone_fixed_by_history' | 'already_archived' | 'not_archived';
type EditResult = Promise<Result<AdminClinicDetail, ClinicEditFailure>>;

/** The columns an input sets, money in minor units of the clinic's currency. */
function columnsOf(input: ClinicChange, currency: string): Partial<NewClinicRow> {
  return {
    ...(input.name === undefined ? {} : { name: input.name, nameKey: searchKey(input.name) }),
    ...(input.timezone === undefined ? {} : { timezone: input.timezone }),
    ...(input.planPrice === undefined ? {} : { planPriceMinor: toMinorUnits(input.planPrice, currency) }),
    ...(input.smsUnitCost === undefined ? {} : { smsUnitCostMinor: toMinorUnits(input.smsUnitCost, currency) }),
  };
}

/** Whether a live clinic other than `exceptId` already has `name` (none asked: no). */
async function nameTaken(db: Database, name: string | undefined, exceptId?: string): Promise<boolean> {
  return name !== undefined && (await clinicNameTaken(db, name, exceptId));
}

/** A new clinic, audited; its owner is invited next. */
export async function createClinic(ports: ClinicEditPorts, editorId: string, input: ClinicChange & { name: string; timezone: string; currency: string }): EditResult {
  if (await nameTaken(ports.db, input.name)) return failed('name_taken');
  const now = ports.clock.now();
  const clinicId = `clinic-${crypto.randomUUID()}`;
  const insert = { id: clinicId, name: input.name, timezone: input.timezone, currency: input.currency, planPriceMinor: 0, smsUnitCostMinor: 0, createdAt: now, ...columnsOf(input, input.currency) };
  await saveClinicChange(ports.db, { clinicId, set: {}, insert, userId: editorId, at: now, detail: { change: 'created' } });
  await ports.audit({ action: 'clinic_create', clinicId, targetType: 'clinic', targetId: clinicId, success: true });
  return clinicDetail(ports, clinicId);
}

/** A clinic's name, plan, SMS cost, and time zone while it has no history (its days would move); audited. */
export async function editClinic(ports: ClinicEditPorts, editorId: string, clinicId: string, input: ClinicChange): EditResult {
  const { db } = ports;
  const now = ports.clock.now();
  const record = await clinicRecord(db, clinicId, now);
  if (record === undefined) return failed('no_such_clinic');
  if (await nameTaken(db, input.name, clinicId)) return failed('name_taken');
  if (input.timezone !== undefined && input.timezone !== record.timezone && (await clinicHasHistory(db, clinicId))) return failed('zone_fixed_by_history');
  const set = columnsOf(input, record.currency);
  await saveClinicChange(db, { clinicId, set, userId: editorId, at: now, detail: { change: 'edited', fields: Object.keys(set) } });
  if (set.smsUnitCostMinor !== undefined || set.timezone !== undefined) await ports.refreshLiveQueue(clinicId);
  // A plan price change is a change of revenue: the audit row keeps both prices (the history keeps who and when).
  const price: Record<string, number | string> = set.planPriceMinor === undefined ? {} : { previousPriceMinor: record.planPriceMinor, priceMinor: set.planPriceMinor, currency: record.currency };
  await ports.audit({ action: 'clinic_update', clinicId, targetType: 'clinic', targetId: clinicId, success: true, detail: { fields: Object.keys(set).join(','), ...price } });
  return clinicDetail(ports, clinicId);
}

/** Archives a clinic (it leaves every figure, its history stays) or restores it; audited. */
export async function archiveOrRestoreClinic(ports: ClinicEditPorts, editorId: string, clinicId: string, action: 'archive' | 'restore'): EditResult {
  const { db } = ports;
  const now = ports.clock.now();
  const record = await clinicRecord(db, clinicId, now);
  if (record === undefined) return failed('no_such_clinic');
  const archiving = action === 'archive';
  if (archiving === (record.archivedAt !== null)) return failed(archiving ? 'already_archived' : 'not_archived');
  // Restored, it is live again: its name must not be taken by a live clinic meanwhile.
  if (!archiving && (await nameTaken(db, record.name, clinicId))) return failed('name_taken');
  await saveClinicChange(db, { clinicId, set: { archivedAt: archiving ? now : null }, userId: editorId, at: now, detail: { change: archiving ? 'archived' : 'restored' } });
  // Its keys stop here at once (other isolates: the live queue refuses their events), and the
  // live queue closes to events and to its members' sockets, or opens again on restore.
  forgetApiKeys({ clinicId });
  // Its members' sessions, wherever they are kept, lose (or regain) it from the next request on.
  await ports.forgetSessions({ all: true });
  await ports.refreshLiveQueue(clinicId);
  await ports.audit({ action: archiving ? 'clinic_archive' : 'clinic_restore', clinicId, targetType: 'clinic', targetId: clinicId, success: true });
  return clinicDetail(ports, clinicId);
}
