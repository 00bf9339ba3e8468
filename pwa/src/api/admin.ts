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
import type { ActivityKind } from '../../../worker/domain/vocabulary.ts';
import { parseAnswer } from './answer';
import { callApi } from './client';
import { UnexpectedAnswerError } from './errors';
import { isRecord, requireString } from './json';

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

/** An owner invited: the one-time link to hand over, and until when it works. */
export interface OwnerInvitation {
  email: string;
  setupUrl: string;
  /** ISO 8601. */
  expiresAt: string;
}

const ADMIN = '/api/v1/admin';
const clinicPath = (clinicId: string) => `${ADMIN}/clinics/${encodeURIComponent(clinicId)}`;

export const parseAdminMetrics = (value: unknown): AdminMetrics => parseAnswer(AdminMetricsSchema, 'admin metrics', value);
export const parseAdminTrends = (value: unknown): AdminTrends => parseAnswer(AdminTrendsSchema, 'admin trends', value);
export const parseClinicHealthPage = (value: unknown): ClinicHealthPage => parseAnswer(ClinicHealthPageSchema, 'clinic health', value);
export const parseTimelinePage = (value: unknown): TimelinePage => parseAnswer(TimelinePageSchema, 'clinic timeline', value);
export const parseAdminClinic = (value: unknown): AdminClinic => parseAnswer(AdminClinicDetailSchema, 'clinic', value).clinic;

/** `POST …/owners`: only what the screen shows, checked field by field. */
export function parseOwnerInvitation(value: unknown): OwnerInvitation {
  const fail = (reason: string) => new UnexpectedAnswerError(`invitation: ${reason}`);
  if (!isRecord(value)) throw fail('not an object');
  const expiresAt = requireString(value, 'expiresAt', fail);
  if (Number.isNaN(Date.parse(expiresAt))) throw fail('expiresAt must be an ISO date');
  return { email: requireString(value, 'email', fail), setupUrl: requireString(value, 'setupUrl', fail), expiresAt };
}

/** The query string of a health table page; what equals the API's default is left out. */
export function clinicHealthSearch(query: ClinicHealthQuery): string {
  const search = new URLSearchParams({ sort: query.sort, order: query.order, page: String(query.page), pageSize: String(query.pageSize) });
  if (query.status !== null) search.set('status', query.status);
  if (query.q.trim() !== '') search.set('q', query.q.trim());
  if (query.archived) search.set('archived', 'true');
  return search.toString();
}

/** `GET /admin/metrics`: every business figure now, each with its window. */
export async function fetchAdminMetrics(): Promise<AdminMetrics> {
  return parseAdminMetrics(await callApi(`${ADMIN}/metrics`));
}

/** `GET /admin/trends`: daily series, logins and retention; cached by the API, maybe stale. */
export async function fetchAdminTrends(timeframe: AdminTimeframe): Promise<AdminTrends> {
  return parseAdminTrends(await callApi(`${ADMIN}/trends?timeframe=${timeframe}`));
}

/** `GET /admin/clinics`: one page of the health table. */
export async function fetchClinicHealth(query: ClinicHealthQuery): Promise<ClinicHealthPage> {
  return parseClinicHealthPage(await callApi(`${ADMIN}/clinics?${clinicHealthSearch(query)}`));
}

/** `GET /admin/clinics/{id}`: the clinic's figures, settings and owners. */
export async function fetchAdminClinic(clinicId: string): Promise<AdminClinic> {
  return parseAdminClinic(await callApi(clinicPath(clinicId)));
}

/** `GET /admin/clinics/{id}/activity`: a page of its timeline, newest first; `cursor` from the page before. */
export async function fetchClinicActivity(clinicId: string, page: { kind: ActivityKind | null; cursor: string | null; limit: number }): Promise<TimelinePage> {
  const search = new URLSearchParams({ limit: String(page.limit) });
  if (page.kind !== null) search.set('kind', page.kind);
  if (page.cursor !== null) search.set('cursor', page.cursor);
  return parseTimelinePage(await callApi(`${clinicPath(clinicId)}/activity?${search.toString()}`));
}

/** Creates a clinic (audited); resolves with it as its detail page shows it. */
export async function createClinic(fields: ClinicFields): Promise<AdminClinic> {
  return parseAdminClinic(await callApi(`${ADMIN}/clinics`, { method: 'POST', body: fields }));
}

/** Changes only the fields given (audited). */
export async function updateClinic(clinicId: string, changes: Partial<ClinicFields>): Promise<AdminClinic> {
  return parseAdminClinic(await callApi(clinicPath(clinicId), { method: 'PATCH', body: changes }));
}

/** Archives a clinic (it leaves every figure, its history stays) or restores it (audited). */
export async function setClinicArchived(clinicId: string, archived: boolean): Promise<AdminClinic> {
  return parseAdminClinic(await callApi(`${clinicPath(clinicId)}/${archived ? 'archive' : 'restore'}`, { method: 'POST' }));
}

/** Invites the clinic's owner; the e-mail they get is in `locale`. */
export async function inviteClinicOwner(clinicId: string, email: string, locale: 'fr' | 'en'): Promise<OwnerInvitation> {
  return parseOwnerInvitation(await callApi(`${clinicPath(clinicId)}/owners`, { method: 'POST', body: { email, locale } }));
}
