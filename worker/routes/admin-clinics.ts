import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { signedInUser } from '../auth/authorize.ts';
import {
  AdminClinicDetailSchema,
  CLINIC_SORTS,
  CLINIC_STATUSES,
  ClinicHealthPageSchema,
  ClinicChangeSchema,
  ClinicInputSchema,
  TimelinePageSchema,
} from '../domain/admin-wire.ts';
import { humanName } from '../domain/human-name.ts';
import { ACTIVITY_KINDS } from '../domain/vocabulary.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../http/audit.ts';
import { clinicActivityPage, clinicDetail, clinicHealthTable, TIMELINE_CURSOR } from '../use-cases/clinic-console.ts';
import { archiveOrRestoreClinic, createClinic, editClinic, type ClinicEditFailure, type ClinicEditPorts } from '../use-cases/clinic-edits.ts';
import { adminRoute, ClinicParams } from './guarded-routes.ts';
import { errorResponses, jsonBody, jsonContent } from './openapi-helpers.ts';
import { valueOr } from './refusals.ts';
import { forgetSessions } from '../auth/forget-sessions.ts';

/** A clinic's name is read in lists, e-mail subjects and exports: the one rule for names. */
const ClinicName = humanName({ min: 2, max: 120 });

/**
 * The ISO 4217 codes the runtime knows the minor units of: money is stored in them (money.ts), so
 * a code it cannot format would only fail later, when an amount is converted.
 */
const CURRENCY_CODES = Intl.supportedValuesOf('currency');
const CurrencyCode = z.enum(CURRENCY_CODES as [string, ...string[]], { error: 'must be an ISO 4217 currency code in capitals, e.g. TND or EUR' });

const ClinicCreateSchema = ClinicInputSchema.extend({ name: ClinicName, currency: CurrencyCode.default('TND') });
const ClinicEditSchema = ClinicChangeSchema.safeExtend({ name: ClinicName.optional() });

const readErrors = errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'NOT_FOUND', 'UNAVAILABLE');
const writeErrors = errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE');

/** The health table's filters and order: its pages, and its export (admin-clinics-export.ts), read the same rows. */
export const ClinicTableFilters = z.object({
  status: z.enum(CLINIC_STATUSES).optional(),
  q: z.string().max(100).optional(),
  sort: z.enum(CLINIC_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  archived: z.enum(['true', 'false']).default('false').openapi({ description: 'true lists the archived clinics instead' }),
});

const listClinics = adminRoute({
  method: 'get',
  path: '/admin/clinics',
  summary: 'The clinic health table: sortable, filterable by status, searchable by name, paged',
  request: {
    query: ClinicTableFilters.extend({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(25),
    }),
  },
  responses: { 200: jsonContent(ClinicHealthPageSchema.openapi('ClinicHealthPage'), 'One page'), ...readErrors },
});

const getClinic = adminRoute({
  method: 'get',
  path: '/admin/clinics/{clinicId}',
  summary: "A clinic's figures and settings",
  request: { params: ClinicParams },
  responses: { 200: jsonContent(AdminClinicDetailSchema.openapi('AdminClinicDetail'), 'The clinic'), ...readErrors },
});

const getActivity = adminRoute({
  method: 'get',
  path: '/admin/clinics/{clinicId}/activity',
  summary: "A clinic's timeline, newest first, cursor-paged, filterable by kind",
  request: {
    params: ClinicParams,
    query: z.object({
      kind: z.enum(ACTIVITY_KINDS).optional(),
      cursor: z.string().regex(TIMELINE_CURSOR, 'must be a cursor from a previous page').optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: { 200: jsonContent(TimelinePageSchema.openapi('TimelinePage'), 'One page'), ...readErrors },
});

const addClinic = adminRoute({
  method: 'post',
  path: '/admin/clinics',
  summary: 'Create a clinic (audited); invite its owner next with …/owners',
  request: jsonBody(ClinicCreateSchema),
  responses: { 201: jsonContent(AdminClinicDetailSchema, 'Created'), ...writeErrors },
});

const updateClinic = adminRoute({
  method: 'patch',
  path: '/admin/clinics/{clinicId}',
  summary: "Edit a clinic's name, plan, SMS cost (and time zone while it has no history); audited",
  request: { params: ClinicParams, ...jsonBody(ClinicEditSchema) },
  responses: { 200: jsonContent(AdminClinicDetailSchema, 'Saved'), ...writeErrors },
});

const archiveClinic = adminRoute({
  method: 'post',
  path: '/admin/clinics/{clinicId}/{action}',
  summary: 'Archive a clinic (it leaves every figure, its history stays) or restore it; audited',
  request: { params: ClinicParams.extend({ action: z.enum(['archive', 'restore']) }) },
  responses: { 200: jsonContent(AdminClinicDetailSchema, 'Done'), ...writeErrors },
});

const noSuchClinic = () => new AppError('NOT_FOUND', 'No such clinic');

/** How each refused edit answers. */
const editRefusals: { readonly [Failure in ClinicEditFailure]: () => AppError } = {
  no_such_clinic: noSuchClinic,
  name_taken: () => new AppError('CONFLICT', 'A clinic with this name already exists', { field: 'name' }),
  zone_fixed_by_history: () => new AppError('CONFLICT', 'The time zone cannot change once the clinic has history: its days would move', { field: 'timezone' }),
  already_archived: () => new AppError('CONFLICT', 'The clinic is already archived'),
  not_archived: () => new AppError('CONFLICT', 'The clinic is not archived'),
};

function editPorts(c: Context<AppEnv>): ClinicEditPorts {
  const { db, clock } = c.var.services;
  return {
    db,
    clock,
    audit: (entry) => recordAudit(c, entry),
    refreshLiveQueue: c.var.services.durableObjects.refreshLiveQueue,
    forgetSessions: (of) => forgetSessions(c.var.services, of),
  };
}

export const adminClinicRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listClinics, async (c) => {
    const query = c.req.valid('query');
    return c.json(await clinicHealthTable(c.var.services, { ...query, archived: query.archived === 'true' }), 200);
  })
  .openapi(getClinic, async (c) => c.json(valueOr(await clinicDetail(c.var.services, c.req.valid('param').clinicId), { no_such_clinic: noSuchClinic }), 200))
  .openapi(getActivity, async (c) => {
    const page = await clinicActivityPage(c.var.services, c.req.valid('param').clinicId, c.req.valid('query'));
    return c.json(valueOr(page, { no_such_clinic: noSuchClinic }), 200);
  })
  .openapi(addClinic, async (c) => {
    const detail = await createClinic(editPorts(c), signedInUser(c).user.id, c.req.valid('json'));
    return c.json(valueOr(detail, editRefusals), 201);
  })
  .openapi(updateClinic, async (c) => {
    const detail = await editClinic(editPorts(c), signedInUser(c).user.id, c.req.valid('param').clinicId, c.req.valid('json'));
    return c.json(valueOr(detail, editRefusals), 200);
  })
  .openapi(archiveClinic, async (c) => {
    const { clinicId, action } = c.req.valid('param');
    const detail = await archiveOrRestoreClinic(editPorts(c), signedInUser(c).user.id, clinicId, action);
    return c.json(valueOr(detail, editRefusals), 200);
  });
