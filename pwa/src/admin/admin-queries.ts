/**
 * The admin console's reads, each a named query (read through session/screen-read.ts): screens
 * reading the same answer share it, a change asks the API again for that one answer.
 */
import { query, revalidate } from '@solidjs/router';
import { fetchAdminClinic, fetchAdminMetrics, fetchAdminTrends, fetchClinicHealth, fetchSecurityFigures } from '../api/admin';
import { fetchActivationFunnel } from '../api/funnel';
import { fetchRevenue } from '../api/revenue';
import { fetchClinicInvitations } from '../api/invitations';
import type { ApiErrorCode } from '../api/contract';
import { startReads } from '../session/screen-read';
import { quickActionsQuery } from './back-office-queries';
import { healthQueryOf, tableStateOf } from './clinic-table-state';
import { funnelWindowOf } from './funnel-figures';
import { adminTimeframeOf, DEFAULT_ADMIN_TIMEFRAME } from './trend-series';

export const adminMetricsQuery = query(fetchAdminMetrics, 'adminMetrics');
export const adminTrendsQuery = query(fetchAdminTrends, 'adminTrends');
export const securityFiguresQuery = query(fetchSecurityFigures, 'adminSecurityFigures');
/** The security section's window: the last day, hour by hour. */
export const SECURITY_HOURS = 24;
export const clinicHealthQuery = query(fetchClinicHealth, 'adminClinicHealth');
export const adminClinicQuery = query(fetchAdminClinic, 'adminClinic');
export const clinicInvitationsQuery = query(fetchClinicInvitations, 'clinicInvitations');
export const adminFunnelQuery = query(fetchActivationFunnel, 'adminFunnel');
export const adminRevenueQuery = query(fetchRevenue, 'adminRevenue');
/** The Revenus screen's window: a year of months, the current one last. */
export const REVENUE_MONTHS = 12;

/** Every clinic answer, after a clinic was created, edited, archived or restored, or an owner invited. */
export function forgetClinicAnswers(): Promise<void> {
  return revalidate([adminMetricsQuery.key, clinicHealthQuery.key, adminClinicQuery.key, clinicInvitationsQuery.key]);
}

/**
 * UNAUTHORIZED or NOT_FOUND may mean the session ended or is no longer the super admin's (the API
 * answers 404 to anyone else): the session is asked again, and the layout follows it.
 */
export const ADMIN_ACCESS_LOST: ReadonlySet<ApiErrorCode> = new Set(['UNAUTHORIZED', 'NOT_FOUND']);

type SearchValue = string | readonly string[] | undefined;

/** The admin screens' reads, for the address they open at: preloaded by their routes (App.tsx). */
export const preloadAdmin = {
  home: (): void => startReads([adminMetricsQuery(), adminTrendsQuery(DEFAULT_ADMIN_TIMEFRAME), securityFiguresQuery(SECURITY_HOURS), quickActionsQuery()]),
  clinics: (search: Partial<Record<string, SearchValue>>): void => startReads([clinicHealthQuery(healthQueryOf(tableStateOf(search)))]),
  clinic: (clinicId: string): void => startReads([adminClinicQuery(clinicId), clinicInvitationsQuery(clinicId)]),
  trends: (timeframe: SearchValue): void => startReads([adminTrendsQuery(adminTimeframeOf(timeframe))]),
  activation: (search: Partial<Record<string, SearchValue>>): void => {
    const window = funnelWindowOf(search, Date.now());
    startReads([adminFunnelQuery(window.from, window.to)]);
  },
  revenue: (): void => startReads([adminRevenueQuery(REVENUE_MONTHS)]),
};
