/**
 * The SaaS owner's figures (PRODUCT.md "Business figures") from each clinic's last login and plan:
 * statuses, active clinics, MRR, churn risk, logins. Pure: the same function gives the figures of
 * now (admin metrics) and of the end of a past day (business snapshots, MRR 7 days ago).
 */
import type { ClinicStatus } from './admin-wire.ts';

export const DAY_MS = 86_400_000;
const AT_RISK_AFTER_MS = 7 * DAY_MS;
const CHURNED_AFTER_MS = 30 * DAY_MS;
/** A clinic that never logged in is given this long from its creation before it counts as churned. */
const ONBOARDING_MS = 30 * DAY_MS;

/** A clinic as it stood at some instant: its plan, its creation and its last login up to then. */
export interface ClinicStanding {
  clinicId: string;
  name: string;
  currency: string;
  planPriceMinor: number;
  createdAt: number;
  lastLoginAt: number | null;
}

/**
 * A clinic's status at `at` (PRODUCT.md "Clinic status"). Never logged in: onboarding while created
 * under 30 days before `at` (30 days − 1 ms still onboarding), churned from 30 days exactly. Else,
 * from the last login: active under 7 days; at risk from 7 to 30 days inclusive; churned beyond.
 * A first login ends onboarding at once: the clinic is then active.
 */
export function statusAt(clinic: { createdAt: number; lastLoginAt: number | null }, at: number): ClinicStatus {
  const { createdAt, lastLoginAt } = clinic;
  if (lastLoginAt === null) return at - createdAt < ONBOARDING_MS ? 'onboarding' : 'churned';
  const since = at - lastLoginAt;
  if (since < AT_RISK_AFTER_MS) return 'active';
  return since <= CHURNED_AFTER_MS ? 'at_risk' : 'churned';
}

/** Whole days since the last login, null for never. */
export function daysSince(lastLoginAt: number | null, at: number): number | null {
  return lastLoginAt === null ? null : Math.floor((at - lastLoginAt) / DAY_MS);
}

export interface BusinessStanding {
  totalClinics: number;
  activeClinics: number;
  /** Never logged in, created under 30 days ago: neither active nor churn risk. */
  onboarding: number;
  atRisk: number;
  churned: number;
  /** Currency → plan prices of active clinics, minor units. */
  mrr: Record<string, number>;
  dau: number;
  wau: number;
  mau: number;
}

/** The business at instant `at` from the clinics that existed and were not archived then. */
export function businessStandingAt(clinics: readonly ClinicStanding[], at: number): BusinessStanding {
  const standing: BusinessStanding = { totalClinics: clinics.length, activeClinics: 0, onboarding: 0, atRisk: 0, churned: 0, mrr: {}, dau: 0, wau: 0, mau: 0 };
  const within = (clinic: ClinicStanding, ms: number) => clinic.lastLoginAt !== null && at - clinic.lastLoginAt < ms;
  for (const clinic of clinics) {
    const status = statusAt(clinic, at);
    if (status === 'onboarding') standing.onboarding += 1;
    if (status === 'at_risk') standing.atRisk += 1;
    if (status === 'churned') standing.churned += 1;
    // "A login in the past 30 days": active and at-risk clinics, 30 days included.
    if (status === 'active' || status === 'at_risk') {
      standing.activeClinics += 1;
      standing.mrr[clinic.currency] = (standing.mrr[clinic.currency] ?? 0) + clinic.planPriceMinor;
    }
    if (within(clinic, DAY_MS)) standing.dau += 1;
    if (within(clinic, 7 * DAY_MS)) standing.wau += 1;
  }
  standing.mau = standing.activeClinics;
  return standing;
}

/** (now − before) ÷ before × 100 to 0.1; null without a base. */
export function changePercent(now: number, before: number | null): number | null {
  return before === null || before === 0 ? null : Math.round(((now - before) / before) * 1_000) / 10;
}

/** A share to 0.0001, null over nothing. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}
