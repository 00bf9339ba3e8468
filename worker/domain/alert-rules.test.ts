import { describe, expect, it } from 'vitest';
import {
  alertStep,
  checkAlertRules,
  DEFAULT_ALERT_RULES,
  queueResolveThreshold,
  smsBudgetSubject,
  unreadableSubject,
  type AlertCheck,
  type AlertObservations,
  type AlertRule,
  type AlertStep,
  type SubjectState,
} from './alert-rules.ts';
import type { FigureComparison } from './hour-baselines.ts';

const QUIET: AlertObservations = {
  waitingByClinic: new Map(),
  smsLastHour: { sent: 0, failed: 0 },
  smsToday: 0,
  mrr: { now: 650_000, weekAgo: 650_000 },
  churnShare: 0,
  hourComparisons: new Map(),
  unreadableClinics: new Set(),
  smsBudgets: [],
};
const checksOf = (observed: Partial<AlertObservations>, rules: readonly AlertRule[] = DEFAULT_ALERT_RULES) => checkAlertRules(rules, { ...QUIET, ...observed });
const breached = (observed: Partial<AlertObservations>, rules: readonly AlertRule[] = DEFAULT_ALERT_RULES) =>
  checksOf(observed, rules)
    .filter((check) => check.breached)
    .map((check) => `${check.kind}:${check.subjectKey}`);
const ruleOf = (kind: AlertRule['kind']): AlertRule => {
  const rule = DEFAULT_ALERT_RULES.find((candidate) => candidate.kind === kind);
  if (rule === undefined) throw new Error(`no default ${kind} rule`);
  return rule;
};

describe('the alert rules of PRODUCT.md', () => {
  it('should stay quiet on a quiet day', () => {
    expect(breached({})).toEqual([]);
  });

  it('should call a queue too long above 30 waiting, per clinic, with a clinic’s own threshold first', () => {
    const waiting = new Map([['a', 30], ['b', 31], ['c', 12]]);
    expect(breached({ waitingByClinic: waiting })).toEqual(['queue_too_long:b']);
    const stricter: AlertRule = { ...ruleOf('queue_too_long'), id: 'c-own', clinicId: 'c', threshold: 10, resolveThreshold: queueResolveThreshold(10) };
    const checks = checkAlertRules([...DEFAULT_ALERT_RULES, stricter], { ...QUIET, waitingByClinic: waiting });
    expect(checks.filter((check) => check.breached).map((check) => [check.subjectKey, check.ruleId])).toEqual([['b', 'default-queue-too-long'], ['c', 'c-own']]);
  });

  it('should judge SMS failures over the last hour only from 20 SMS, above 10 %', () => {
    expect(breached({ smsLastHour: { sent: 19, failed: 19 } })).toEqual([]);
    expect(breached({ smsLastHour: { sent: 20, failed: 2 } })).toEqual([]);
    expect(breached({ smsLastHour: { sent: 20, failed: 3 } })).toEqual(['sms_failures:service']);
  });

  it('should flag more than 500 SMS today, an MRR more than 10 % below a week ago, and churn risk above 20 %', () => {
    expect(breached({ smsToday: 500 })).toEqual([]);
    expect(breached({ smsToday: 501 })).toEqual(['sms_cost:service']);
    expect(breached({ mrr: { now: 585_000, weekAgo: 650_000 } })).toEqual([]);
    expect(breached({ mrr: { now: 584_999, weekAgo: 650_000 } })).toEqual(['mrr_drop:service']);
    expect(breached({ mrr: { now: 0, weekAgo: null } })).toEqual([]);
    expect(breached({ churnShare: 0.2 })).toEqual([]);
    expect(breached({ churnShare: 0.2308 })).toEqual(['churn_risk:service']);
  });

  it('should leave disabled rules out', () => {
    const rules = DEFAULT_ALERT_RULES.map((rule) => (rule.kind === 'sms_cost' ? { ...rule, enabled: false } : rule));
    expect(breached({ smsToday: 900 }, rules)).toEqual([]);
  });
});

describe('fire and resolve thresholds (hysteresis)', () => {
  const standing = (observed: Partial<AlertObservations>) => checksOf(observed).map((check) => ({ subject: `${check.kind}:${check.subjectKey}`, breached: check.breached, cleared: check.cleared }));

  it('should document the defaults: queue 30 / 25 for 5 min, SMS failures and MRR 10 % / 8 %, churn 20 % / 18 %, SMS cost as is', () => {
    const defaults = DEFAULT_ALERT_RULES.map((rule) => [rule.kind, rule.threshold, rule.resolveThreshold, rule.minDurationMinutes]);
    expect(defaults).toEqual([
      ['queue_too_long', 30, 25, 5],
      ['sms_failures', 0.1, 0.08, 0],
      ['sms_cost', 500, null, 0],
      ['mrr_drop', 0.1, 0.08, 0],
      ['churn_risk', 0.2, 0.18, 0],
      ['unusual_hour', 2, 1.5, 10],
      ['sms_budget', 0.8, null, 0],
    ]);
  });

  it('should resolve a long queue only below 25, and hold it in between', () => {
    expect(standing({ waitingByClinic: new Map([['a', 31], ['b', 29], ['c', 25], ['d', 24]]) }).filter((check) => check.subject.startsWith('queue'))).toEqual([
      { subject: 'queue_too_long:a', breached: true, cleared: false },
      { subject: 'queue_too_long:b', breached: false, cleared: false },
      { subject: 'queue_too_long:c', breached: false, cleared: false },
      { subject: 'queue_too_long:d', breached: false, cleared: true },
    ]);
  });

  it('should resolve the service rules below their lower thresholds, and SMS cost as soon as it is not above 500', () => {
    expect(standing({ smsLastHour: { sent: 100, failed: 9 }, mrr: { now: 92, weekAgo: 100 }, churnShare: 0.19, smsToday: 500 })).toEqual([
      { subject: 'sms_failures:service', breached: false, cleared: false },
      { subject: 'sms_cost:service', breached: false, cleared: true },
      { subject: 'mrr_drop:service', breached: false, cleared: false },
      { subject: 'churn_risk:service', breached: false, cleared: false },
    ]);
    expect(standing({ smsLastHour: { sent: 100, failed: 7 }, mrr: { now: 93, weekAgo: 100 }, churnShare: 0.17 }).filter((check) => check.cleared).map((check) => check.subject)).toEqual([
      'sms_failures:service',
      'sms_cost:service',
      'mrr_drop:service',
      'churn_risk:service',
    ]);
  });

  it('should give a clinic’s own queue threshold T a resolve threshold of ⌈T × 5/6⌉', () => {
    expect([30, 12, 10, 6, 1].map(queueResolveThreshold)).toEqual([25, 10, 9, 5, 1]);
  });

  it('should never resolve an alert still past its fire threshold, whatever resolve threshold is stored', () => {
    const odd: AlertRule = { ...ruleOf('queue_too_long'), resolveThreshold: 40 };
    const [check] = checkAlertRules([odd], { ...QUIET, waitingByClinic: new Map([['a', 35]]) });
    expect(check).toMatchObject({ breached: true, cleared: false });
  });
});

describe('"unusual for this hour" as an alert', () => {
  const comparison = (figure: FigureComparison['figure'], value: number, usual: number): FigureComparison => ({ figure, value, usual, ratio: value / Math.max(usual, 1), weekday: 1, hour: 10 });
  const unusual = (comparisons: Record<string, FigureComparison[]>) =>
    checksOf({ hourComparisons: new Map(Object.entries(comparisons)) }).filter((check) => check.kind === 'unusual_hour');

  it('should take the larger of the waiting room’s and the wait’s ratios, never the arrivals’, and say which', () => {
    const [check] = unusual({ a: [comparison('arrivals', 30, 5), comparison('waiting', 18, 7.5), comparison('wait', 40, 25)] });
    expect(check).toMatchObject({ subjectKey: 'a', clinicId: 'a', value: 2.4, breached: true, cleared: false });
    expect(check?.detail).toEqual({ kind: 'unusual_hour', figure: 'waiting', value: 18, usual: 7.5, ratio: 2.4, weekday: 1, hour: 10 });
  });

  it('should fire at 2×, hold between 1.5× and 2×, and resolve below 1.5× or under the volume floor', () => {
    const at = (waiting: number) => unusual({ a: [comparison('waiting', waiting, 10)] }).map((check) => [check.value, check.breached, check.cleared]);
    expect(at(20)).toEqual([[2, true, false]]);
    expect(at(19)).toEqual([[1.9, false, false]]);
    expect(at(15)).toEqual([[1.5, false, false]]);
    expect(at(14)).toEqual([[1.4, false, true]]);
    // Under the floor the queue reports no figure at all: nothing unusual, and an open alert resolves.
    expect(unusual({ a: [] }).map((check) => [check.value, check.breached, check.cleared, check.detail])).toEqual([[0, false, true, null]]);
  });

  it('should know nothing of a clinic whose queue did not answer', () => {
    expect(unusual({})).toEqual([]);
    expect(unreadableSubject('unusual_hour', 'a', { unreadableClinics: new Set(['a']) })).toBe(true);
    expect(unreadableSubject('queue_too_long', 'a', { unreadableClinics: new Set(['a']) })).toBe(false);
  });
});

describe('SMS budget alerts', () => {
  const budget = { clinicId: 'a', month: '2030-03', currency: 'TND', budgetMinor: 50_000 };
  const budgetChecks = (costMinor: number, projectedMonthEndMinor: number | null) =>
    checksOf({ smsBudgets: [{ ...budget, costMinor, projectedMonthEndMinor }] }).filter((check) => check.kind === 'sms_budget');

  it('should check three levels a month: 80 %, 100 %, and the projection past the budget', () => {
    expect(budgetChecks(39_999, 50_000).map((check) => [check.subjectKey, check.value, check.breached])).toEqual([
      ['a@2030-03@80', 0.79998, false],
      ['a@2030-03@100', 0.79998, false],
      ['a@2030-03@projection', 1, false],
    ]);
    expect(budgetChecks(40_000, 50_001).map((check) => check.breached)).toEqual([true, false, true]);
    expect(budgetChecks(50_000, 50_000).map((check) => check.breached)).toEqual([true, true, false]);
    expect(smsBudgetSubject('a', '2030-03', 'projection')).toBe('a@2030-03@projection');
  });

  it('should fire each once per subject and never resolve on a dip (only when the month is over)', () => {
    for (const check of budgetChecks(10_000, null)) expect(check).toMatchObject({ cleared: false, oncePerSubject: true });
    expect(budgetChecks(10_000, null).map((check) => check.value)).toEqual([0.2, 0.2, 0]);
  });

  it('should keep what the words need: level, month and amounts', () => {
    expect(budgetChecks(41_000, 61_000).map((check) => check.detail)).toEqual([
      { kind: 'sms_budget', level: 'share', share: 0.8, month: '2030-03', currency: 'TND', budgetMinor: 50_000, costMinor: 41_000, projectedMonthEndMinor: 61_000 },
      { kind: 'sms_budget', level: 'share', share: 1, month: '2030-03', currency: 'TND', budgetMinor: 50_000, costMinor: 41_000, projectedMonthEndMinor: 61_000 },
      { kind: 'sms_budget', level: 'projection', share: 1, month: '2030-03', currency: 'TND', budgetMinor: 50_000, costMinor: 41_000, projectedMonthEndMinor: 61_000 },
    ]);
  });
});

describe('an alert over time', () => {
  const MINUTE = 60_000;
  const queueRule = ruleOf('queue_too_long');
  const noState: SubjectState = { open: undefined, pendingSince: undefined, firedBefore: false };
  const checkAt = (waiting: number): Pick<AlertCheck, 'breached' | 'cleared' | 'oncePerSubject'> => {
    const [check] = checkAlertRules([queueRule], { ...QUIET, waitingByClinic: new Map([['a', waiting]]) });
    if (check === undefined) throw new Error('no check');
    return check;
  };

  /** Plays evaluations every 5 minutes through alertStep, keeping the state the job would keep. */
  function play(waitings: readonly number[], rule: Pick<AlertRule, 'cooldownMinutes' | 'minDurationMinutes'> = queueRule): AlertStep[] {
    let state: SubjectState = noState;
    return waitings.map((waiting, index) => {
      const now = index * 5 * MINUTE;
      const step = alertStep(checkAt(waiting), state, now, rule);
      if (step === 'pend') state = { ...state, pendingSince: now };
      if (step === 'forget') state = { ...state, pendingSince: undefined };
      if (step === 'fire') state = { ...state, open: { firedAt: now, lastNotifiedAt: now }, pendingSince: undefined };
      if (step === 'remind' && state.open !== undefined) state = { ...state, open: { ...state.open, lastNotifiedAt: now } };
      if (step === 'resolve') state = { ...state, open: undefined };
      return step;
    });
  }

  it('should fire once and resolve once on a queue hovering at the threshold', () => {
    expect(play([31, 32, 29, 31, 31, 27, 26, 31, 24, 26])).toEqual(['pend', 'fire', 'hold', 'hold', 'hold', 'hold', 'hold', 'hold', 'resolve', 'none']);
  });

  it('should never fire a breach shorter than the minimum duration', () => {
    expect(play([31, 29, 31, 30, 35, 12])).toEqual(['pend', 'forget', 'pend', 'forget', 'pend', 'forget']);
  });

  it('should fire at once without a minimum duration', () => {
    expect(play([31, 20], { ...queueRule, minDurationMinutes: 0 })).toEqual(['fire', 'resolve']);
  });

  it('should remind after the cooldown only while still past the fire threshold', () => {
    const open = { firedAt: 0, lastNotifiedAt: 0 };
    const state = { ...noState, open };
    expect(alertStep(checkAt(31), state, 59 * MINUTE, queueRule)).toBe('hold');
    expect(alertStep(checkAt(31), state, 60 * MINUTE, queueRule)).toBe('remind');
    expect(alertStep(checkAt(27), state, 60 * MINUTE, queueRule)).toBe('hold');
    expect(alertStep(checkAt(31), { ...noState, open: { firedAt: 0, lastNotifiedAt: 60 * MINUTE } }, 61 * MINUTE, queueRule)).toBe('hold');
  });

  it('should keep waiting from the first sighting, even when the job runs twice at one instant', () => {
    const pending = { ...noState, pendingSince: 0 };
    expect(alertStep(checkAt(31), pending, 0, queueRule)).toBe('wait');
    expect(alertStep(checkAt(31), pending, 4 * MINUTE, queueRule)).toBe('wait');
    expect(alertStep(checkAt(31), pending, 5 * MINUTE, queueRule)).toBe('fire');
  });

  it('should fire a once-per-subject rule only if it never fired for that subject', () => {
    const once = { breached: true, cleared: false, oncePerSubject: true };
    expect(alertStep(once, noState, 0, { cooldownMinutes: 60, minDurationMinutes: 0 })).toBe('fire');
    expect(alertStep(once, { ...noState, firedBefore: true }, 0, { cooldownMinutes: 60, minDurationMinutes: 0 })).toBe('none');
    // Open for the month: held, never resolved by a dip.
    expect(alertStep({ ...once, breached: false }, { ...noState, open: { firedAt: 0, lastNotifiedAt: 0 } }, 5 * MINUTE, { cooldownMinutes: 60, minDurationMinutes: 0 })).toBe('hold');
  });
});
