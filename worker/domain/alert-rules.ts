/**
 * PRODUCT.md's alert table as rules, and what one evaluation decides. Pure: the alert job reads
 * the figures (rollups, live queues, SMS) and the open instances, and this says which alert fires,
 * stays, reminds or resolves. An alert fires once, stays firing without repeating itself until it
 * resolves or its cooldown passes (then it reminds once per cooldown), and resolves when its
 * condition no longer holds.
 */
import type { AlertKind, AlertPriority, AlertScope, NotificationChannel } from './vocabulary.ts';

export interface AlertRule {
  id: string;
  kind: AlertKind;
  scope: AlertScope;
  /** Set for a clinic's own override (the queue-length threshold); null for the default rule. */
  clinicId: string | null;
  threshold: number;
  channels: readonly NotificationChannel[];
  priority: AlertPriority;
  cooldownMinutes: number;
  enabled: boolean;
}

const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

/** The default of the one rule a clinic owner may tune (their own queue-length threshold). */
export const DEFAULT_QUEUE_RULE: AlertRule = { id: 'default-queue-too-long', kind: 'queue_too_long', scope: 'clinic', clinicId: null, threshold: 30, channels: ['push', 'email'], priority: 'P2', cooldownMinutes: HOUR_MINUTES, enabled: true };

/** PRODUCT.md "Alerts", as stored defaults (ids are stable so the job can upsert them). */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  DEFAULT_QUEUE_RULE,
  { id: 'default-sms-failures', kind: 'sms_failures', scope: 'service', clinicId: null, threshold: 0.1, channels: ['push', 'email'], priority: 'P1', cooldownMinutes: HOUR_MINUTES, enabled: true },
  { id: 'default-sms-cost', kind: 'sms_cost', scope: 'service', clinicId: null, threshold: 500, channels: ['email'], priority: 'P1', cooldownMinutes: DAY_MINUTES, enabled: true },
  { id: 'default-mrr-drop', kind: 'mrr_drop', scope: 'service', clinicId: null, threshold: 0.1, channels: ['push', 'email'], priority: 'P1', cooldownMinutes: DAY_MINUTES, enabled: true },
  { id: 'default-churn-risk', kind: 'churn_risk', scope: 'service', clinicId: null, threshold: 0.2, channels: ['digest'], priority: 'P2', cooldownMinutes: 7 * DAY_MINUTES, enabled: true },
];

/** PRODUCT: the SMS failure rate means something from this many SMS in the hour. */
export const MIN_SMS_FOR_FAILURE_RATE = 20;

/** The figures the rules look at, as the alert job reads them at one instant. */
export interface AlertObservations {
  /** Patients waiting now, per clinic whose queue is open. */
  waitingByClinic: ReadonlyMap<string, number>;
  smsLastHour: { sent: number; failed: number };
  /** SMS sent today over all clinics, each on its own clinic day. */
  smsToday: number;
  /** MRR now and 7 days earlier, in the service's currency (minor units); null before there was any. */
  mrr: { now: number; weekAgo: number | null };
  /** Share of clinics without a login for 7 days or more. */
  churnShare: number | null;
}

/** One rule about one subject (a clinic, or `service`): its value now and whether it is past the threshold. */
export interface AlertCheck {
  ruleId: string;
  kind: AlertKind;
  subjectKey: string;
  clinicId: string | null;
  value: number;
  breached: boolean;
}

/**
 * Every check of the enabled rules. A clinic's own queue-length rule replaces the default one for
 * that clinic; the default applies to every other clinic.
 */
export function checkAlertRules(rules: readonly AlertRule[], observed: AlertObservations): AlertCheck[] {
  const enabled = rules.filter((rule) => rule.enabled);
  const checks: AlertCheck[] = [];
  const service = (rule: AlertRule, value: number | null, breached: (value: number) => boolean) => {
    if (value !== null) checks.push({ ruleId: rule.id, kind: rule.kind, subjectKey: 'service', clinicId: null, value, breached: breached(value) });
  };
  for (const rule of enabled) {
    switch (rule.kind) {
      case 'queue_too_long':
        if (rule.clinicId !== null) break;
        for (const [clinicId, waiting] of observed.waitingByClinic) {
          const own = enabled.find((candidate) => candidate.kind === 'queue_too_long' && candidate.clinicId === clinicId) ?? rule;
          checks.push({ ruleId: own.id, kind: own.kind, subjectKey: clinicId, clinicId, value: waiting, breached: waiting > own.threshold });
        }
        break;
      case 'sms_failures': {
        const { sent, failed } = observed.smsLastHour;
        service(rule, sent >= MIN_SMS_FOR_FAILURE_RATE ? failed / sent : null, (rate) => rate > rule.threshold);
        break;
      }
      case 'sms_cost':
        service(rule, observed.smsToday, (count) => count > rule.threshold);
        break;
      case 'mrr_drop': {
        const { now, weekAgo } = observed.mrr;
        service(rule, weekAgo === null || weekAgo === 0 ? null : (weekAgo - now) / weekAgo, (drop) => drop > rule.threshold);
        break;
      }
      case 'churn_risk':
        service(rule, observed.churnShare, (share) => share > rule.threshold);
        break;
    }
  }
  return checks;
}

/** An alert instance still open (not resolved) for a rule and subject. */
export interface OpenAlert {
  firedAt: number;
  lastNotifiedAt: number | null;
}

export type AlertStep = 'fire' | 'hold' | 'remind' | 'resolve' | 'none';

/**
 * What to do with one check, given the open instance of its rule and subject (if any): fire a new
 * one, keep it quiet, remind once the cooldown has passed since the last notice, or resolve it.
 */
export function alertStep(check: Pick<AlertCheck, 'breached'>, open: OpenAlert | undefined, now: number, cooldownMinutes: number): AlertStep {
  if (!check.breached) return open === undefined ? 'none' : 'resolve';
  if (open === undefined) return 'fire';
  const lastNotice = open.lastNotifiedAt ?? open.firedAt;
  return now - lastNotice >= cooldownMinutes * 60_000 ? 'remind' : 'hold';
}
