/**
 * The business gauges of /metrics (PRODUCT.md "Business figures"), from the rows read at scrape
 * time. The definitions are the admin console's own (business-figures.ts), so Grafana and the
 * SaaS owner's screen never disagree.
 */
import type { ServiceGaugeRows } from '../../db/queries/service-gauges.ts';
import { businessStandingAt } from '../domain/business-figures.ts';
import { clinicDayOf } from '../domain/clinic-time.ts';
import { minorUnitDigits } from '../domain/money.ts';
import type { GaugeValues } from './exposition.ts';

const inMajorUnits = (minor: number, currency: string) => minor / 10 ** minorUnitDigits(currency);

/** Every currency some clinic uses, at zero: a currency with no revenue shows 0, not nothing. */
function perCurrency(currencies: Iterable<string>, amounts: Record<string, number>) {
  const all = new Set([...currencies, ...Object.keys(amounts)]);
  return [...all].map((currency) => ({ labels: { currency }, value: inMajorUnits(amounts[currency] ?? 0, currency) }));
}

export function serviceGauges(rows: ServiceGaugeRows, now: number): GaugeValues {
  const business = businessStandingAt(rows.clinics, now);
  const todayOf = new Map(rows.clinics.map((clinic) => [clinic.clinicId, clinicDayOf(now, clinic.timezone)]));
  // A clinic's waiting entries of its own today; yesterday's leftovers and archived clinics do not count.
  const queues = rows.waiting.filter((row) => todayOf.get(row.clinicId) === row.clinicDay).map((row) => row.waiting);
  const currencies = rows.clinics.map((clinic) => clinic.currency);
  const churnRisk = business.atRisk + business.churned;
  return {
    pulse_database_up: [{ value: 1 }],
    pulse_clinics: [{ value: business.totalClinics }],
    pulse_active_clinics: [{ value: business.activeClinics }],
    pulse_onboarding_clinics: [{ value: business.onboarding }],
    pulse_mrr: perCurrency(currencies, business.mrr),
    pulse_churn_risk_ratio: business.totalClinics === 0 ? [] : [{ value: churnRisk / business.totalClinics }],
    pulse_patients_waiting: [{ value: queues.reduce((sum, waiting) => sum + waiting, 0) }],
    pulse_queues_open: [{ value: queues.filter((waiting) => waiting > 0).length }],
    pulse_queue_length_max: [{ value: Math.max(0, ...queues) }],
    pulse_sms_cost_last_hour: perCurrency(currencies, Object.fromEntries(rows.smsCostLastHour.map((row) => [row.currency, row.costMinor]))),
  };
}
