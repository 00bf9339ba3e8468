import { describe, expect, it } from 'vitest';
import { alertStep, checkAlertRules, DEFAULT_ALERT_RULES, type AlertObservations, type AlertRule } from './alert-rules.ts';

const QUIET: AlertObservations = { waitingByClinic: new Map(), smsLastHour: { sent: 0, failed: 0 }, smsToday: 0, mrr: { now: 650_000, weekAgo: 650_000 }, churnShare: 0 };
const breached = (observed: Partial<AlertObservations>, rules: readonly AlertRule[] = DEFAULT_ALERT_RULES) =>
  checkAlertRules(rules, { ...QUIET, ...observed })
    .filter((check) => check.breached)
    .map((check) => `${check.kind}:${check.subjectKey}`);

describe('the alert rules of PRODUCT.md', () => {
  it('should stay quiet on a quiet day', () => {
    expect(breached({})).toEqual([]);
  });

  it('should call a queue too long above 30 waiting, per clinic, with a clinic’s own threshold first', () => {
    const waiting = new Map([['a', 30], ['b', 31], ['c', 12]]);
    expect(breached({ waitingByClinic: waiting })).toEqual(['queue_too_long:b']);
    const queueRule = DEFAULT_ALERT_RULES.find((rule) => rule.kind === 'queue_too_long');
    if (queueRule === undefined) throw new Error('no default queue-length rule');
    const stricter: AlertRule = { ...queueRule, id: 'c-own', clinicId: 'c', threshold: 10 };
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

describe('an alert over time', () => {
  const MINUTE = 60_000;
  it('should fire once, stay quiet, remind after the cooldown, resolve, and fire again later', () => {
    expect(alertStep({ breached: true }, undefined, 0, 60)).toBe('fire');
    const open = { firedAt: 0, lastNotifiedAt: 0 };
    expect(alertStep({ breached: true }, open, 59 * MINUTE, 60)).toBe('hold');
    expect(alertStep({ breached: true }, open, 60 * MINUTE, 60)).toBe('remind');
    expect(alertStep({ breached: true }, { firedAt: 0, lastNotifiedAt: 60 * MINUTE }, 61 * MINUTE, 60)).toBe('hold');
    expect(alertStep({ breached: false }, open, 70 * MINUTE, 60)).toBe('resolve');
    expect(alertStep({ breached: false }, undefined, 80 * MINUTE, 60)).toBe('none');
    expect(alertStep({ breached: true }, undefined, 90 * MINUTE, 60)).toBe('fire');
  });
});
