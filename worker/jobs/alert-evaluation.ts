import type { Database } from '../../db/client.ts';
import { clinicZones, mrrAt, serviceTotals, waitingByOpenClinic } from '../../db/queries/admin-figures.ts';
import { alertFiredBefore, ensureAlertRules, loadAlertRules, openAlertInstance, openAlertInstances, remindAlertInstance, resolveAlertInstance } from '../../db/queries/alert-instances.ts';
import { forgetPendingAlert, pendingAlerts, startPendingAlert } from '../../db/queries/alert-pending.ts';
import { settleClinicQueueRules } from '../../db/queries/alert-settings.ts';
import { smsSince } from '../../db/queries/business.ts';
import { readSmsBudgetObservations } from '../../db/queries/sms-budget.ts';
import { alertStep, checkAlertRules, DEFAULT_ALERT_RULES, unreadableSubject, type AlertObservations } from '../domain/alert-rules.ts';
import { DAY_MS, shareOf } from '../domain/business-figures.ts';
import type { FigureComparison } from '../domain/hour-baselines.ts';
import { ALERT_KINDS, type AlertKind } from '../domain/vocabulary.ts';
import type { DurableObjects } from '../runtime/durable-objects.ts';

/** The service's own currency: MRR alerts compare amounts in it. */
const SERVICE_CURRENCY = 'TND';

/** How the alert job asks one clinic's live queue how its hour compares with the usual. */
export type HourComparisonReader = (clinicId: string, now: number) => Promise<readonly FigureComparison[]>;

/** The ClinicQueue RPC, each clinic's own object. */
export function clinicQueueHourReader(durableObjects: Pick<DurableObjects, 'clinicQueue'>): HourComparisonReader {
  return (clinicId, now) => durableObjects.clinicQueue(clinicId).hourComparisons(clinicId, now);
}

/** Clinic queues asked at once: a Worker keeps only a few subrequests open at a time, and one slow object must not hold up the rest for long. */
const HOUR_READS_AT_ONCE = 6;
/** A ClinicQueue that has not answered by then counts as unreadable for this run; the next run asks again. */
const HOUR_READ_TIMEOUT_MS = 10_000;

function withinTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Each open clinic's hour against its usual, `HOUR_READS_AT_ONCE` clinics at a time. A clinic
 * whose queue fails to answer is unreadable, not "back to usual": the job leaves its alert as it is.
 */
async function readHourComparisons(
  clinicIds: readonly string[],
  now: number,
  read: HourComparisonReader | null,
): Promise<Pick<AlertObservations, 'hourComparisons' | 'unreadableClinics'>> {
  const hourComparisons = new Map<string, readonly FigureComparison[]>();
  const unreadableClinics = new Set<string>(read === null ? clinicIds : []);
  if (read === null) return { hourComparisons, unreadableClinics };
  let next = 0;
  const worker = async () => {
    while (next < clinicIds.length) {
      const clinicId = clinicIds[next++];
      if (clinicId === undefined) return;
      try {
        hourComparisons.set(clinicId, await withinTimeout(read(clinicId, now), HOUR_READ_TIMEOUT_MS));
      } catch {
        unreadableClinics.add(clinicId);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(HOUR_READS_AT_ONCE, clinicIds.length) }, worker));
  return { hourComparisons, unreadableClinics };
}

/**
 * What the rules of `kinds` look at, read at `now`: libSQL for the figures the admin console shows
 * too, each open clinic's ClinicQueue (through `readHour`) for its hour against the usual; without
 * a reader every open clinic's hour is unreadable, so no "unusual for this hour" alert changes.
 */
export async function readAlertObservations(db: Database, now: number, kinds: readonly AlertKind[] = ALERT_KINDS, readHour: HourComparisonReader | null = null): Promise<AlertObservations> {
  const zones = await clinicZones(db);
  const [service, weekAgo, sms, waiting, smsBudgets] = await Promise.all([
    serviceTotals(db, zones, now),
    mrrAt(db, now - 7 * DAY_MS),
    smsSince(db, now - 3_600_000),
    waitingByOpenClinic(db, zones, now),
    kinds.includes('sms_budget') ? readSmsBudgetObservations(db, now) : [],
  ]);
  const hours = kinds.includes('unusual_hour') ? await readHourComparisons([...waiting.keys()], now, readHour) : { hourComparisons: new Map<string, readonly FigureComparison[]>(), unreadableClinics: new Set<string>() };
  const mrrNow = service.perCurrency.find((row) => row.currency === SERVICE_CURRENCY)?.mrrMinor ?? 0;
  return {
    waitingByClinic: waiting,
    smsLastHour: sms,
    smsToday: service.totals.smsToday,
    mrr: { now: mrrNow, weekAgo: weekAgo.clinicsThen > 0 ? (weekAgo.mrr.get(SERVICE_CURRENCY) ?? 0) : null },
    // At risk and churned over all clinics: a clinic still onboarding (never logged in, created under
    // 30 days ago) is in the whole, never in the risk, so a wave of sign-ups raises no churn alert.
    churnShare: shareOf(service.totals.atRisk + service.totals.churned, service.totals.totalClinics),
    ...hours,
    smsBudgets,
  };
}

export interface AlertNotice {
  instanceId: string;
  ruleId: string;
  step: 'fire' | 'remind';
  /** The instant of this notice (the run's `now`): deliveries of one notice are recorded once. */
  noticeAt: number;
}

/**
 * One run of the alert job over the rules of `kinds`: each rule checked; a new breach waits out
 * its rule's minimum duration (`alert_pending`), then fires; each open instance held, reminded or
 * resolved below its resolve threshold. Answers what must be notified (delivery is a job of its
 * own). Safe to run twice, at once or again: a waiting breach keeps its first sighting, an
 * instance opens once (unique while open), reminding and resolving are guarded updates, and a
 * second run at the same `now` announces again what the first one opened or reminded, so a run
 * that failed before its notices were queued loses none (delivery skips whoever was already told).
 */
export async function evaluateAlerts(db: Database, now: number, kinds: readonly AlertKind[] = ALERT_KINDS, readHour: HourComparisonReader | null = null): Promise<AlertNotice[]> {
  await ensureAlertRules(db, DEFAULT_ALERT_RULES, now);
  const [storedRules, allOpen, observed] = await Promise.all([loadAlertRules(db), openAlertInstances(db), readAlertObservations(db, now, kinds, readHour)]);
  const rules = await settleClinicQueueRules(db, storedRules.filter((rule) => kinds.includes(rule.kind)));
  const ruleOf = new Map(rules.map((rule) => [rule.id, rule]));
  const pending = await pendingAlerts(db, [...ruleOf.keys()]);
  const open = allOpen.filter((instance) => ruleOf.has(instance.ruleId));
  const keyOf = (ruleId: string, subjectKey: string) => `${ruleId}@${subjectKey}`;
  const openOf = new Map(open.map((instance) => [keyOf(instance.ruleId, instance.subjectKey), instance]));
  const pendingOf = new Map(pending.map((row) => [keyOf(row.ruleId, row.subjectKey), row.since]));
  const notices: AlertNotice[] = [];
  const checked = new Set<string>();
  for (const check of checkAlertRules(rules, observed)) {
    const rule = ruleOf.get(check.ruleId);
    if (rule === undefined) continue;
    const key = keyOf(check.ruleId, check.subjectKey);
    checked.add(key);
    const instance = openOf.get(key);
    const pendingSince = pendingOf.get(key);
    // Asked only where it decides anything: a once-per-subject breach without an open alert.
    const firedBefore = check.oncePerSubject && check.breached && instance === undefined ? await alertFiredBefore(db, check) : false;
    const step = alertStep(check, { open: instance, pendingSince, firedBefore }, now, rule);
    if (step === 'pend') {
      await startPendingAlert(db, check, now);
    } else if (step === 'forget') {
      await forgetPendingAlert(db, check.ruleId, check.subjectKey);
    } else if (step === 'fire') {
      const id = await openAlertInstance(db, check, now);
      if (pendingSince !== undefined) await forgetPendingAlert(db, check.ruleId, check.subjectKey);
      if (id !== null) notices.push({ instanceId: id, ruleId: check.ruleId, step, noticeAt: now });
    } else if (step === 'remind' && instance !== undefined) {
      await remindAlertInstance(db, instance.id, check.value, now);
      notices.push({ instanceId: instance.id, ruleId: check.ruleId, step, noticeAt: now });
    } else if (step === 'resolve' && instance !== undefined) {
      await resolveAlertInstance(db, instance.id, now);
      // A breach remembered from before the alert fired (a concurrent run) must not shorten the next wait.
      if (pendingSince !== undefined) await forgetPendingAlert(db, check.ruleId, check.subjectKey);
    } else if (step === 'hold' && instance !== undefined && instance.lastNotifiedAt === now) {
      notices.push({ instanceId: instance.id, ruleId: check.ruleId, step: instance.firedAt === now ? 'fire' : 'remind', noticeAt: now });
    }
  }
  // A subject no longer observed (its queue closed, its month over, a rule switched off) has
  // nothing to alert about and no breach to wait out; one that could not be read this time keeps both.
  const unobserved = (ruleId: string, subjectKey: string) => {
    const rule = ruleOf.get(ruleId);
    return rule !== undefined && !checked.has(keyOf(ruleId, subjectKey)) && !unreadableSubject(rule.kind, subjectKey, observed);
  };
  for (const instance of open) if (unobserved(instance.ruleId, instance.subjectKey)) await resolveAlertInstance(db, instance.id, now);
  for (const row of pending) if (unobserved(row.ruleId, row.subjectKey)) await forgetPendingAlert(db, row.ruleId, row.subjectKey);
  return notices;
}
