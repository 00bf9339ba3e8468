import type { Database } from '../../db/client.ts';
import { clinicZones, mrrAt, serviceTotals, waitingByOpenClinic } from '../../db/queries/admin-figures.ts';
import { ensureAlertRules, loadAlertRules, openAlertInstance, openAlertInstances, remindAlertInstance, resolveAlertInstance } from '../../db/queries/alert-instances.ts';
import { smsSince } from '../../db/queries/business.ts';
import { alertStep, checkAlertRules, DEFAULT_ALERT_RULES, type AlertObservations } from '../domain/alert-rules.ts';
import { DAY_MS, shareOf } from '../domain/business-figures.ts';
import { ALERT_KINDS, type AlertKind } from '../domain/vocabulary.ts';

/** The service's own currency: MRR alerts compare amounts in it. */
const SERVICE_CURRENCY = 'TND';

/** What the rules look at, read from libSQL at `now` (the same figures as the admin console). */
export async function readAlertObservations(db: Database, now: number): Promise<AlertObservations> {
  const zones = await clinicZones(db);
  const [service, weekAgo, sms, waiting] = await Promise.all([serviceTotals(db, zones, now), mrrAt(db, now - 7 * DAY_MS), smsSince(db, now - 3_600_000), waitingByOpenClinic(db, zones, now)]);
  const mrrNow = service.perCurrency.find((row) => row.currency === SERVICE_CURRENCY)?.mrrMinor ?? 0;
  return {
    waitingByClinic: waiting,
    smsLastHour: sms,
    smsToday: service.totals.smsToday,
    mrr: { now: mrrNow, weekAgo: weekAgo.clinicsThen > 0 ? (weekAgo.mrr.get(SERVICE_CURRENCY) ?? 0) : null },
    // At risk and churned over all clinics: a clinic still onboarding (never logged in, created under
    // 30 days ago) is in the whole, never in the risk, so a wave of sign-ups raises no churn alert.
    churnShare: shareOf(service.totals.atRisk + service.totals.churned, service.totals.totalClinics),
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
 * One run of the alert job over the rules of `kinds`: each rule checked, each open instance held,
 * reminded or resolved, new ones opened. Answers what must be notified (delivery is a job of its
 * own). Safe to run twice, at once or again: an instance opens once (unique while open), reminding
 * and resolving are guarded updates, and a second run at the same `now` announces again what the
 * first one opened or reminded, so a run that failed before its notices were queued loses none
 * (delivery skips whoever was already told).
 */
export async function evaluateAlerts(db: Database, now: number, kinds: readonly AlertKind[] = ALERT_KINDS): Promise<AlertNotice[]> {
  await ensureAlertRules(db, DEFAULT_ALERT_RULES, now);
  const [allRules, allOpen, observed] = await Promise.all([loadAlertRules(db), openAlertInstances(db), readAlertObservations(db, now)]);
  const rules = allRules.filter((rule) => kinds.includes(rule.kind));
  const ruleIds = new Set(rules.map((rule) => rule.id));
  const open = allOpen.filter((instance) => ruleIds.has(instance.ruleId));
  const checks = checkAlertRules(rules, observed);
  const cooldownOf = new Map(rules.map((rule) => [rule.id, rule.cooldownMinutes]));
  const openOf = new Map(open.map((instance) => [`${instance.ruleId}@${instance.subjectKey}`, instance]));
  const notices: AlertNotice[] = [];
  const checked = new Set<string>();
  for (const check of checks) {
    const key = `${check.ruleId}@${check.subjectKey}`;
    checked.add(key);
    const instance = openOf.get(key);
    const step = alertStep(check, instance, now, cooldownOf.get(check.ruleId) ?? 60);
    if (step === 'fire') {
      const id = await openAlertInstance(db, check, now);
      if (id !== null) notices.push({ instanceId: id, ruleId: check.ruleId, step, noticeAt: now });
    } else if (step === 'remind' && instance !== undefined) {
      await remindAlertInstance(db, instance.id, check.value, now);
      notices.push({ instanceId: instance.id, ruleId: check.ruleId, step, noticeAt: now });
    } else if (step === 'resolve' && instance !== undefined) {
      await resolveAlertInstance(db, instance.id, now);
    } else if (step === 'hold' && instance !== undefined && instance.lastNotifiedAt === now) {
      notices.push({ instanceId: instance.id, ruleId: check.ruleId, step: instance.firedAt === now ? 'fire' : 'remind', noticeAt: now });
    }
  }
  // A subject no longer observed (its queue closed, a rule switched off) has nothing to alert about.
  for (const [key, instance] of openOf) if (!checked.has(key)) await resolveAlertInstance(db, instance.id, now);
  return notices;
}
