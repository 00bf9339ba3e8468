/**
 * PRODUCT.md's alert table as rules, and what one evaluation decides. Pure: the alert job reads
 * the figures (rollups, live queues, SMS, the hour's baselines, SMS budgets), the open instances
 * and the breaches still waiting out their minimum duration, and this says which alert starts
 * waiting, fires, stays, reminds or resolves.
 *
 * Low noise (docs/product.md "Alerts people keep on"): a rule fires above one threshold, only once
 * its condition has held for its minimum duration, seen at every evaluation in between; once
 * firing it stays (reminding once per cooldown while still above the fire threshold) until the
 * figure goes below a lower resolve threshold. A queue hovering at 30 fires once, not every five
 * minutes. SMS budget alerts are once per clinic, month and level: they never resolve on a dip,
 * only when the month is over.
 */
import type { AlertDetail } from './alert-detail.ts';
import type { FigureComparison } from './hour-baselines.ts';
import type { AlertKind, AlertPriority, AlertScope, NotificationChannel } from './vocabulary.ts';

export interface AlertRule {
  id: string;
  kind: AlertKind;
  scope: AlertScope;
  /** Set for a clinic's own override (the queue-length threshold); null for the default rule. */
  clinicId: string | null;
  /** Fires above this; at or above it for the ratio and share rules (`unusual_hour`, `sms_budget`). */
  threshold: number;
  /** Once firing, resolves only below this; null: as soon as the figure is no longer past `threshold`. */
  resolveThreshold: number | null;
  /** The condition must hold this long, seen at every evaluation, before the alert fires. */
  minDurationMinutes: number;
  channels: readonly NotificationChannel[];
  priority: AlertPriority;
  cooldownMinutes: number;
  enabled: boolean;
}

const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

/** A clinic's own queue threshold T resolves below ⌈T × 5/6⌉: 30 → 25 as the default, 12 → 10, 6 → 5. */
export function queueResolveThreshold(threshold: number): number {
  return Math.ceil((threshold * 5) / 6);
}

/**
 * The default of the one rule a clinic owner may tune (their own queue-length threshold): above
 * 30 for 5 minutes (two evaluations in a row), resolved below 25. One check over 30 is often a
 * burst at opening time that the doctor clears at once.
 */
export const DEFAULT_QUEUE_RULE: AlertRule = {
  id: 'default-queue-too-long', kind: 'queue_too_long', scope: 'clinic', clinicId: null,
  threshold: 30, resolveThreshold: queueResolveThreshold(30), minDurationMinutes: 5,
  channels: ['push', 'email'], priority: 'P2', cooldownMinutes: HOUR_MINUTES, enabled: true,
};

/**
 * PRODUCT.md "Alerts" and issue 18's documented defaults (ids are stable so the job can upsert
 * them). Minimum durations: 0 where the figure is already an average over a window or moves
 * once a day (SMS failures over the last hour, the MRR against a week ago, the nightly churn
 * share), where it only grows until midnight (SMS today) or until the month ends (SMS budget);
 * 10 minutes for "unusual for this hour", whose live figures swing with one arrival or call.
 */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  DEFAULT_QUEUE_RULE,
  { id: 'default-sms-failures', kind: 'sms_failures', scope: 'service', clinicId: null, threshold: 0.1, resolveThreshold: 0.08, minDurationMinutes: 0, channels: ['push', 'email'], priority: 'P1', cooldownMinutes: HOUR_MINUTES, enabled: true },
  // SMS today start again from 0 at each clinic's midnight: that is when it resolves.
  { id: 'default-sms-cost', kind: 'sms_cost', scope: 'service', clinicId: null, threshold: 500, resolveThreshold: null, minDurationMinutes: 0, channels: ['email'], priority: 'P1', cooldownMinutes: DAY_MINUTES, enabled: true },
  { id: 'default-mrr-drop', kind: 'mrr_drop', scope: 'service', clinicId: null, threshold: 0.1, resolveThreshold: 0.08, minDurationMinutes: 0, channels: ['push', 'email'], priority: 'P1', cooldownMinutes: DAY_MINUTES, enabled: true },
  { id: 'default-churn-risk', kind: 'churn_risk', scope: 'service', clinicId: null, threshold: 0.2, resolveThreshold: 0.18, minDurationMinutes: 0, channels: ['digest'], priority: 'P2', cooldownMinutes: 7 * DAY_MINUTES, enabled: true },
  // 2× the usual for 10 minutes fires; back under 1.5× (or under the volume floor) resolves.
  { id: 'default-unusual-hour', kind: 'unusual_hour', scope: 'clinic', clinicId: null, threshold: 2, resolveThreshold: 1.5, minDurationMinutes: 10, channels: ['push', 'email'], priority: 'P2', cooldownMinutes: 3 * HOUR_MINUTES, enabled: true },
  // `threshold` is the early-warning share (80 %); 100 % and the projection are fixed levels. Never
  // reminded (the cooldown outlasts a month), resolved when the month is over.
  { id: 'default-sms-budget', kind: 'sms_budget', scope: 'clinic', clinicId: null, threshold: 0.8, resolveThreshold: null, minDurationMinutes: 0, channels: ['push', 'email'], priority: 'P2', cooldownMinutes: 32 * DAY_MINUTES, enabled: true },
];

/** PRODUCT: the SMS failure rate means something from this many SMS in the hour. */
export const MIN_SMS_FOR_FAILURE_RATE = 20;

/** The budget fully spent: the level after the early warning. */
const WHOLE_BUDGET = 1;

/** One live clinic with an SMS budget and its month so far (db/queries/sms-budget.ts reads it). */
export interface SmsBudgetMonth {
  clinicId: string;
  /** `YYYY-MM`, the clinic's own month now. */
  month: string;
  currency: string;
  budgetMinor: number;
  costMinor: number;
  projectedMonthEndMinor: number | null;
}

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
  /**
   * Per open clinic whose ClinicQueue answered: its live figures next to their usual value for
   * the weekday and hour, above the volume floor (none: nothing to compare).
   */
  hourComparisons: ReadonlyMap<string, readonly FigureComparison[]>;
  /** Open clinics whose ClinicQueue did not answer: nothing is known of their hour this time. */
  unreadableClinics: ReadonlySet<string>;
  /** Live clinics with an SMS budget. */
  smsBudgets: readonly SmsBudgetMonth[];
}

/** One rule about one subject (a clinic, `service`, a clinic's month and budget level): its value now and where it stands. */
export interface AlertCheck {
  ruleId: string;
  kind: AlertKind;
  subjectKey: string;
  clinicId: string | null;
  value: number;
  /** Past the fire threshold. */
  breached: boolean;
  /** Below the resolve threshold: an open alert resolves. */
  cleared: boolean;
  /** Fires at most once per subject ever (an SMS budget level of one month), open or resolved. */
  oncePerSubject: boolean;
  /** What the alert's words need beyond the value, for the kinds that say more. */
  detail: AlertDetail | null;
}

/** Where a value stands against a rule: past its fire threshold, below its resolve threshold. */
function judge(rule: AlertRule, value: number, atOrAbove = false): Pick<AlertCheck, 'breached' | 'cleared'> {
  const breached = atOrAbove ? value >= rule.threshold : value > rule.threshold;
  // A resolve threshold stored above the fire one must not resolve a firing alert (it would flap).
  const cleared = !breached && (rule.resolveThreshold === null || value < rule.resolveThreshold);
  return { breached, cleared };
}

/** The subject of an SMS budget level in a clinic's month: `<clinicId>@<YYYY-MM>@80|100|projection`. */
export function smsBudgetSubject(clinicId: string, month: string, level: number | 'projection'): string {
  return `${clinicId}@${month}@${level === 'projection' ? level : Math.round(level * 100)}`;
}

/** The waiting room or the wait (arrivals are not alerted on), whichever is the further above its usual. */
function strongestComparison(comparisons: readonly FigureComparison[]): (FigureComparison & { figure: 'waiting' | 'wait' }) | null {
  let strongest: (FigureComparison & { figure: 'waiting' | 'wait' }) | null = null;
  for (const comparison of comparisons) {
    if (comparison.figure === 'arrivals') continue;
    const candidate = { ...comparison, figure: comparison.figure };
    if (strongest === null || candidate.ratio > strongest.ratio) strongest = candidate;
  }
  return strongest;
}

function unusualHourChecks(rule: AlertRule, observed: AlertObservations): AlertCheck[] {
  return [...observed.hourComparisons].map(([clinicId, comparisons]) => {
    const strongest = strongestComparison(comparisons);
    // Under the volume floor or without a usual value for the hour: nothing unusual, value 0.
    const value = strongest?.ratio ?? 0;
    const detail: AlertDetail | null = strongest === null ? null : { kind: 'unusual_hour', ...strongest };
    return { ruleId: rule.id, kind: rule.kind, subjectKey: clinicId, clinicId, value, ...judge(rule, value, true), oncePerSubject: false, detail };
  });
}

function smsBudgetChecks(rule: AlertRule, observed: AlertObservations): AlertCheck[] {
  const shares = [...new Set([rule.threshold, WHOLE_BUDGET])].sort((a, b) => a - b);
  return observed.smsBudgets.flatMap((budget) => {
    const base = { ruleId: rule.id, kind: rule.kind, clinicId: budget.clinicId, cleared: false, oncePerSubject: true };
    const figures = { month: budget.month, currency: budget.currency, budgetMinor: budget.budgetMinor, costMinor: budget.costMinor, projectedMonthEndMinor: budget.projectedMonthEndMinor };
    const spent = budget.costMinor / budget.budgetMinor;
    const levels: AlertCheck[] = shares.map((share) => ({
      ...base,
      subjectKey: smsBudgetSubject(budget.clinicId, budget.month, share),
      value: spent,
      breached: spent >= share,
      detail: { kind: 'sms_budget', level: 'share', share, ...figures },
    }));
    const projected = budget.projectedMonthEndMinor === null ? 0 : budget.projectedMonthEndMinor / budget.budgetMinor;
    levels.push({
      ...base,
      subjectKey: smsBudgetSubject(budget.clinicId, budget.month, 'projection'),
      value: projected,
      // Passing the budget: a projection landing exactly on it is on budget.
      breached: projected > WHOLE_BUDGET,
      detail: { kind: 'sms_budget', level: 'projection', share: WHOLE_BUDGET, ...figures },
    });
    return levels;
  });
}

/**
 * Every check of the enabled rules. A clinic's own queue-length rule replaces the default one for
 * that clinic; the default applies to every other clinic.
 */
export function checkAlertRules(rules: readonly AlertRule[], observed: AlertObservations): AlertCheck[] {
  const enabled = rules.filter((rule) => rule.enabled);
  const checks: AlertCheck[] = [];
  const service = (rule: AlertRule, value: number | null) => {
    if (value !== null) checks.push({ ruleId: rule.id, kind: rule.kind, subjectKey: 'service', clinicId: null, value, ...judge(rule, value), oncePerSubject: false, detail: null });
  };
  for (const rule of enabled) {
    switch (rule.kind) {
      case 'queue_too_long':
        if (rule.clinicId !== null) break;
        for (const [clinicId, waiting] of observed.waitingByClinic) {
          const own = enabled.find((candidate) => candidate.kind === 'queue_too_long' && candidate.clinicId === clinicId) ?? rule;
          checks.push({ ruleId: own.id, kind: own.kind, subjectKey: clinicId, clinicId, value: waiting, ...judge(own, waiting), oncePerSubject: false, detail: null });
        }
        break;
      case 'sms_failures': {
        const { sent, failed } = observed.smsLastHour;
        service(rule, sent >= MIN_SMS_FOR_FAILURE_RATE ? failed / sent : null);
        break;
      }
      case 'sms_cost':
        service(rule, observed.smsToday);
        break;
      case 'mrr_drop': {
        const { now, weekAgo } = observed.mrr;
        service(rule, weekAgo === null || weekAgo === 0 ? null : (weekAgo - now) / weekAgo);
        break;
      }
      case 'churn_risk':
        service(rule, observed.churnShare);
        break;
      case 'unusual_hour':
        if (rule.clinicId === null) checks.push(...unusualHourChecks(rule, observed));
        break;
      case 'sms_budget':
        if (rule.clinicId === null) checks.push(...smsBudgetChecks(rule, observed));
        break;
    }
  }
  return checks;
}

/**
 * A subject the job could not look at this time (its clinic's ClinicQueue did not answer): its
 * open alert neither resolves nor fires, its waiting breach neither lapses nor grows older.
 */
export function unreadableSubject(kind: AlertKind, subjectKey: string, observed: Pick<AlertObservations, 'unreadableClinics'>): boolean {
  return kind === 'unusual_hour' && observed.unreadableClinics.has(subjectKey);
}

/** An alert instance still open (not resolved) for a rule and subject. */
export interface OpenAlert {
  firedAt: number;
  lastNotifiedAt: number | null;
}

/** What the job knows of one rule and subject besides the check: its open alert, its waiting breach, its past. */
export interface SubjectState {
  open: OpenAlert | undefined;
  /** Since when the breach has held without a break (`alert_pending`), if it is waiting out the minimum duration. */
  pendingSince: number | undefined;
  /** An instance of this rule and subject exists or existed (for once-per-subject rules). */
  firedBefore: boolean;
}

/**
 * - `pend`: a breach seen for the first time, to wait out the minimum duration (remember since when);
 * - `wait`: still breached, not yet long enough;
 * - `forget`: the breach stopped before it lasted (the waiting one is dropped);
 * - `fire`, `hold`, `remind`, `resolve`: as before; `none`: nothing to do.
 */
export type AlertStep = 'pend' | 'wait' | 'forget' | 'fire' | 'hold' | 'remind' | 'resolve' | 'none';

/**
 * What to do with one check, given its subject's state: with an open alert, resolve it below the
 * resolve threshold, remind once the cooldown has passed since the last notice while still past the
 * fire threshold, else hold it; without one, fire once the breach has held for the minimum
 * duration (at once when it is 0), and never twice for a once-per-subject rule.
 */
export function alertStep(
  check: Pick<AlertCheck, 'breached' | 'cleared' | 'oncePerSubject'>,
  state: SubjectState,
  now: number,
  rule: Pick<AlertRule, 'cooldownMinutes' | 'minDurationMinutes'>,
): AlertStep {
  const { open, pendingSince } = state;
  if (open !== undefined) {
    if (check.cleared) return 'resolve';
    const lastNotice = open.lastNotifiedAt ?? open.firedAt;
    return check.breached && now - lastNotice >= rule.cooldownMinutes * 60_000 ? 'remind' : 'hold';
  }
  if (!check.breached || (check.oncePerSubject && state.firedBefore)) return pendingSince === undefined ? 'none' : 'forget';
  const since = pendingSince ?? now;
  if (now - since >= rule.minDurationMinutes * 60_000) return 'fire';
  return pendingSince === undefined ? 'pend' : 'wait';
}
