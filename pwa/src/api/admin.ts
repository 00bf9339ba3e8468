/**
 * The admin console as the super admin's screens read and change it (`/api/v1/admin/…`): the
 * business figures, their trends, the clinic health table, a clinic's detail and timeline, and
 * the management of clinics and their owners. Each resolves with an answer checked against the
 * schemas the Worker answers with (worker/domain/admin-wire.ts), or rejects with the errors of
 * client.ts. Parsed without zod's compiled parsers: wire.ts, in the first bundle, turned them off.
 */
import {
  AdminClinicDetailSchema,
  AdminMetricsSchema,
  AdminTrendsSchema,
  ClinicHealthPageSchema,
  TimelinePageSchema,
  type AdminClinicDetail,
  type AdminMetrics,
  type AdminTimeframe,
  type AdminTrends,
  type ClinicHealthPage,
  type ClinicSort,
  type ClinicStatus,
  type TimelinePage,
} from '../../../worker/domain/admin-wire.ts';
import { SecurityFiguresSchema, type SecurityFiguresAnswer } from '../../../worker/domain/security-wire.ts';
import type { ActivityKind, Locale } from '../../../worker/domain/vocabulary.ts';
import { parseAnswer } from './answer';
import { api, callApi, clinicParams, segment } from './client';
import { parseInvitation, type Invitation } from './invitations';

export {
  ADMIN_TIMEFRAMES,
  CLINIC_SORTS,
  CLINIC_STATUSES,
  type AdminMetrics,
  type AdminTimeframe,
  type AdminTrends,
  type ClinicHealthPage,
  type ClinicHealthRow,
  type ClinicSort,
  type ClinicStatus,
  type TimelinePage,
} from '../../../worker/domain/admin-wire.ts';
export { ACTIVITY_KINDS, type ActivityKind } from '../../../worker/domain/vocabulary.ts';

/** A clinic with its settings and owners, as its detail page shows it. */
export type AdminClinic = AdminClinicDetail['clinic'];
export type TimelineItem = TimelinePage['items'][number];
export type TrendPoint = AdminTrends['points'][number];

/** One page of the clinic health table, as the API is asked for it. */
export interface ClinicHealthQuery {
  status: ClinicStatus | null;
  /** A part of the name; case and accents do not matter. */
  q: string;
  sort: ClinicSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  /** The archived clinics instead of the others. */
  archived: boolean;
}

/** What creating a clinic sends; money in major units as typed (50 = 50 TND). */
export interface ClinicFields {
  name: string;
  timezone: string;
  planPrice: number;
  smsUnitCost: number;
}

/**
 * An owner invited: their address, the invitation's state and until when its link opens. The link
 * itself (`setupUrl`) is there only for a deployment that sends no mail (the outbox): then the
 * super admin hands it over.
 */
export type OwnerInvitation = Invitation;

const clinic = api.admin.clinics[':clinicId'];

export const parseAdminMetrics = (value: unknown): AdminMetrics => parseAnswer(AdminMetricsSchema, 'admin metrics', value);
export const parseAdminTrends = (value: unknown): AdminTrends => parseAnswer(AdminTrendsSchema, 'admin trends', value);
export const parseClinicHealthPage = (value: unknown): ClinicHealthPage => parseAnswer(ClinicHealthPageSchema, 'clinic health', value);
export const parseTimelinePage = (value: unknown): TimelinePage => parseAnswer(TimelinePageSchema, 'clinic timeline', value);
export const parseAdminClinic = (value: unknown): AdminClinic => parseAnswer(AdminClinicDetailSchema, 'clinic', value).clinic;

/** `POST …/owners`: the invitation as the list shows it, checked against the Worker's schema. */
export const parseOwnerInvitation = (value: unknown): OwnerInvitation => parseInvitation(value);

/** The filters and order of the health table (its pages' and its export's); what equals the API's default is left out. */
function clinicFilterParams(query: Omit<ClinicHealthQuery, 'page' | 'pageSize'>) {
  const search = query.q.trim();
  return {
    sort: query.sort,
    order: query.order,
    ...(query.status === null ? {} : { status: query.status }),
    ...(search === '' ? {} : { q: search }),
    ...(query.archived ? { archived: 'true' as const } : {}),
  };
}

/** The query of a health table page. */
function clinicHealthParams(query: ClinicHealthQuery) {
  const { sort, order, ...narrowing } = clinicFilterParams(query);
  return { sort, order, page: String(query.page), pageSize: String(query.pageSize), ...narrowing };
}

/** The address of the health table's CSV export (`GET /admin/clinics.csv`): every page under the same filters and order, for a plain download link. */
export function clinicsCsvUrl(query: Omit<ClinicHealthQuery, 'page' | 'pageSize'>): string {
  return api.admin['clinics.csv'].$path({ query: clinicFilterParams(query) });
}

/** The query string of a health table page, as the API is asked for it. */
export function clinicHealthSearch(query: ClinicHealthQuery): string {
  return new URLSearchParams(clinicHealthParams(query)).toString();
}

/** `GET /admin/metrics`: every business figure now, each with its window. */
export async function fetchAdminMetrics(): Promise<AdminMetrics> {
  return parseAdminMetrics(await callApi(api.admin.metrics.$get()));
}

/** `GET /admin/security`: failed and throttled sign-ins, exports and admin actions per UTC hour, oldest first. */
export async function fetchSecurityFigures(hours: number): Promise<SecurityFiguresAnswer> {
  return parseAnswer(SecurityFiguresSchema, 'security figures', await callApi(api.admin.security.$get({ query: { hours: String(hours) } })));
}

/** `GET /admin/trends`: daily series, logins and retention; cached by the API, maybe stale. */
export async function fetchAdminTrends(timeframe: AdminTimeframe): Promise<AdminTrends> {
  return parseAdminTrends(await callApi(api.admin.trends.$get({ query: { timeframe } })));
}

/** `GET /admin/clinics`: one page of the health table. */
export async function fetchClinicHealth(query: ClinicHealthQuery): Promise<ClinicHealthPage> {
  return parseClinicHealthPage(await callApi(api.admin.clinics.$get({ query: clinicHealthParams(query) })));
}

/** `GET /admin/clinics/{id}`: the clinic's figures, settings and owners. */
export async function fetchAdminClinic(clinicId: string): Promise<AdminClinic> {
  return parseAdminClinic(await callApi(clinic.$get({ param: clinicParams(clinicId) })));
}

/** `GET /admin/clinics/{id}/activity`: a page of its timeline, newest first; `cursor` from the page before. */
export async function fetchClinicActivity(clinicId: string, page: { kind: ActivityKind | null; cursor: string | null; limit: number }): Promise<TimelinePage> {
  const query = {
    limit: String(page.limit),
    ...(page.kind === null ? {} : { kind: page.kind }),
    ...(page.cursor === null ? {} : { cursor: page.cursor }),
  };
  return parseTimelinePage(await callApi(clinic.activity.$get({ param: clinicParams(clinicId), query })));
}

/** Creates a clinic (audited); resolves with it as its detail page shows it. */
export async function createClinic(fields: ClinicFields): Promise<AdminClinic> {
  return parseAdminClinic(await callApi(api.admin.clinics.$post({ json: fields })));
}

/** Changes only the fields given (audited). */
export async function updateClinic(clinicId: string, changes: Partial<ClinicFields>): Promise<AdminClinic> {
  return parseAdminClinic(await callApi(clinic.$patch({ param: clinicParams(clinicId), json: changes })));
}

/** Archives a clinic (it leaves every figure, its history stays) or restores it (audited). */
export async function setClinicArchived(clinicId: string, archived: boolean): Promise<AdminClinic> {
  const action = archived ? 'archive' : 'restore';
  return parseAdminClinic(await callApi(clinic[':action'].$post({ param: { ...clinicParams(clinicId), action } })));
}

/** Invites the clinic's owner; the e-mail they get is in `locale`. */
export async function inviteClinicOwner(clinicId: string, email: string, locale: Locale): Promise<OwnerInvitation> {
  return parseOwnerInvitation(await callApi(clinic.owners.$post({ param: clinicParams(clinicId), json: { email, locale } })));
}

/**
 * Erases a clinic's data for good (audited): `confirm` must be its exact current name. With
 * `keepRollups` its daily figures stay, the clinic archived under a neutral name.
 */
export async function eraseClinic(clinicId: string, confirm: string, keepRollups: boolean): Promise<void> {
  await callApi(clinic.erase.$post({ param: clinicParams(clinicId), json: { confirm, keepRollups } }));
}

/** Deletes a person's account with their sessions, devices and settings (audited; not oneself). */
export async function deleteUser(userId: string): Promise<void> {
  await callApi(api.admin.users[':userId'].$delete({ param: { userId: segment(userId) } }));
}
