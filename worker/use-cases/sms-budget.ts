import type { Database } from '../../db/client.ts';
import { readSmsBudget, saveSmsBudget, type SmsBudgetSetting } from '../../db/queries/sms-budget.ts';
import type { SmsBudget } from '../domain/sms-budget-wire.ts';
import type { AuditEntry } from '../http/audit.ts';
import { failed, succeeded, type Result } from './result.ts';

/** What setting the budget needs: the database, the request's audit log and the clinic's live queue. */
export interface SmsBudgetPorts {
  db: Database;
  audit(entry: AuditEntry): Promise<void>;
  /** The live queue keeps the SMS month for a minute (`stats/today`): it must read the new budget at once. */
  refreshLiveQueue(clinicId: string): Promise<void>;
}

type BudgetResult = Promise<Result<SmsBudget, 'no_such_clinic'>>;

const answerOf = (setting: SmsBudgetSetting): SmsBudget => ({ monthlyAmountMinor: setting.budgetMinor, currency: setting.currency });

/** The clinic's monthly SMS budget now (null: none). */
export async function smsBudgetOf(db: Database, clinicId: string): BudgetResult {
  const setting = await readSmsBudget(db, clinicId);
  return setting === undefined ? failed('no_such_clinic') : succeeded(answerOf(setting));
}

/**
 * Sets (or removes, with null) the clinic's monthly SMS budget, audited (from → to). The live
 * queue's copy of the month is dropped and the budget alerts read libSQL each time, so
 * `stats/today.sms`'s share and projection judge against the new amount at once.
 */
export async function changeSmsBudget(ports: SmsBudgetPorts, clinicId: string, monthlyAmountMinor: number | null): BudgetResult {
  const saved = await saveSmsBudget(ports.db, clinicId, monthlyAmountMinor);
  if (saved === undefined) return failed('no_such_clinic');
  await ports.audit({ action: 'sms_budget_change', clinicId, targetType: 'clinic', targetId: clinicId, success: true, detail: { from: saved.previous.budgetMinor, to: monthlyAmountMinor } });
  await ports.refreshLiveQueue(clinicId);
  return succeeded(answerOf({ budgetMinor: monthlyAmountMinor, currency: saved.previous.currency }));
}
