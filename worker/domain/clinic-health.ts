/**
 * A row of the admin's clinic health table from what libSQL says of the clinic (its plan, creation,
 * last login, today's and the last 30 days' rollups): statuses and figures as the product defines them.
 */
import type { ClinicHealthRow } from './admin-wire.ts';
import { daysSince, shareOf, statusAt } from './business-figures.ts';

export interface ClinicFacts {
  clinicId: string;
  name: string;
  timezone: string;
  currency: string;
  planPriceMinor: number;
  createdAt: number;
  archivedAt: number | null;
  lastLoginAt: number | null;
  patientsToday: number;
  waitSumToday: number;
  waitCountToday: number;
  qr30d: number;
  patients30d: number;
}

export function healthRowOf(clinic: ClinicFacts, now: number): ClinicHealthRow {
  return {
    clinicId: clinic.clinicId,
    name: clinic.name,
    timezone: clinic.timezone,
    status: statusAt(clinic, now),
    daysSinceLastLogin: daysSince(clinic.lastLoginAt, now),
    lastLoginAt: clinic.lastLoginAt === null ? null : new Date(clinic.lastLoginAt).toISOString(),
    patientsToday: clinic.patientsToday,
    avgWaitToday: clinic.waitCountToday > 0 ? Math.round(clinic.waitSumToday / clinic.waitCountToday / 6_000) / 10 : null,
    planPrice: { currency: clinic.currency, amountMinor: clinic.planPriceMinor },
    qrShare30d: shareOf(clinic.qr30d, clinic.patients30d),
    archived: clinic.archivedAt !== null,
  };
}
