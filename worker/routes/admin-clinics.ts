import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { clinicHasHistory, clinicNameTaken, clinicOwners, clinicTimeline, saveClinicChange, type NewClinicRow } from '../../db/queries/admin-clinics.ts';
import { clinicFactsOf, clinicHealthPage, clinicZones } from '../../db/queries/admin-figures.ts';
import { clinicRecord } from '../../db/queries/business.ts';
import type { AppEnv } from '../app-env.ts';
import { forgetApiKeys } from '../auth/authenticate.ts';
import { authorize, signedInUser } from '../auth/authorize.ts';
import { SUPER_ADMIN } from '../auth/policy.ts';
import {
  AdminClinicDetailSchema,
  CLINIC_SORTS,
  CLINIC_STATUSES,
  ClinicHealthPageSchema,
  ClinicChangeSchema,
  ClinicInputSchema,
  TimelinePageSchema,
  type AdminClinicDetail,
  type ClinicChange,
} from '../domain/admin-wire.ts';
import { healthRowOf } from '../domain/clinic-health.ts';
import { humanName } from '../domain/human-name.ts';
import { searchKey } from '../domain/search-key.ts';
import { toMinorUnits } from '../domain/money.ts';
import { ACTIVITY_KINDS } from '../domain/vocabulary.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../services/audit.ts';
import { clinicQueueOf } from '../services/clinic-queue-stub.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from './openapi-helpers.ts';

const ClinicParams = z.object({ clinicId: IdParam });

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

const listClinics = createRoute({
  tags: ['admin'],
  middleware: [authorize(SUPER_ADMIN)] as const,
  method: 'get',
  path: '/admin/clinics',
  summary: 'The clinic health table: sortable, filterable by status, searchable by name, paged',
  request: {
    query: z.object({
      status: z.enum(CLINIC_STATUSES).optional(),
      q: z.string().max(100).optional(),
      sort: z.enum(CLINIC_SORTS).default('name'),
      order: z.enum(['asc', 'desc']).default('asc'),
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(25),
      archived: z.enum(['true', 'false']).default('false').openapi({ description: 'true lists the archived clinics instead' }),
    }),
  },
  responses: { 200: jsonContent(ClinicHealthPageSchema.openapi('ClinicHealthPage'), 'One page'), ...readErrors },
});

const getClinic = createRoute({
  tags: ['admin'],
  middleware: [authorize(SUPER_ADMIN)] as const,
  method: 'get',
  path: '/admin/clinics/{clinicId}',
  summary: "A clinic's figures and settings",
  request: { params: ClinicParams },
  responses: { 200: jsonContent(AdminClinicDetailSchema.openapi('AdminClinicDetail'), 'The clinic'), ...readErrors },
});

const TIMELINE_CURSOR = /^(\d+)\.(\d+)$/;

const getActivity = createRoute({
  tags: ['admin'],
  middleware: [authorize(SUPER_ADMIN)] as const,
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

const createClinic = createRoute({
  tags: ['admin'],
  middleware: [authorize(SUPER_ADMIN)] as const,
  method: 'post',
  path: '/admin/clinics',
  summary: 'Create a clinic (audited); invite its owner next with …/owners',
  request: jsonBody(ClinicCreateSchema),
  responses: { 201: jsonContent(AdminClinicDetailSchema, 'Created'), ...writeErrors },
});

const updateClinic = createRoute({
  tags: ['admin'],
  middleware: [authorize(SUPER_ADMIN)] as const,
  method: 'patch',
  path: '/admin/clinics/{clinicId}',
  summary: "Edit a clinic's name, plan, SMS cost (and time zone while it has no history); audited",
  request: { params: ClinicParams, ...jsonBody(ClinicEditSchema) },
  responses: { 200: jsonContent(AdminClinicDetailSchema, 'Saved'), ...writeErrors },
});

const archiveClinic = createRoute({
  tags: ['admin'],
  middleware: [authorize(SUPER_ADMIN)] as const,
  method: 'post',
  path: '/admin/clinics/{clinicId}/{action}',
  summary: 'Archive a clinic (it leaves every figure, its history stays) or restore it; audited',
  request: { params: ClinicParams.extend({ action: z.enum(['archive', 'restore']) }) },
  responses: { 200: jsonContent(AdminClinicDetailSchema, 'Done'), ...writeErrors },
});

async function clinicDetail(c: Context<AppEnv>, clinicId: string): Promise<AdminClinicDetail> {
  const { db, clock } = c.var.services;
  const now = clock.now();
  const record = await clinicRecord(db, clinicId, now);
  if (record === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
  const [facts, owners] = await Promise.all([clinicFactsOf(db, [record.timezone], clinicId, now), clinicOwners(db, clinicId)]);
  if (facts === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
  const row = healthRowOf(facts, now);
  return {
    clinic: {
      ...row,
      smsUnitCost: { currency: record.currency, amountMinor: record.smsUnitCostMinor },
      createdAt: new Date(record.createdAt).toISOString(),
      archivedAt: record.archivedAt === null ? null : new Date(record.archivedAt).toISOString(),
      owners,
    },
  };
}

/** The columns an input sets, money in minor units of the clinic's currency. */
function columnsOf(input: ClinicChange, currency: string): Partial<NewClinicRow> {
  return {
    ...(input.name === undefined ? {} : { name: input.name, nameKey: searchKey(input.name) }),
    ...(input.timezone === undefined ? {} : { timezone: input.timezone }),
    ...(input.planPrice === undefined ? {} : { planPriceMinor: toMinorUnits(input.planPrice, currency) }),
    ...(input.smsUnitCost === undefined ? {} : { smsUnitCostMinor: toMinorUnits(input.smsUnitCost, currency) }),
  };
}

async function refuseTakenName(c: Context<AppEnv>, name: string | undefined, exceptId?: string): Promise<void> {
  if (name !== undefined && (await clinicNameTaken(c.var.services.db, name, exceptId))) {
    throw new AppError('CONFLICT', 'A clinic with this name already exists', { field: 'name' });
  }
}

export const adminClinicRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listClinics, async (c) => {
    const { db, clock } = c.var.services;
    const query = c.req.valid('query');
    const now = clock.now();
    const zones = await clinicZones(db);
    const page = await clinicHealthPage(db, zones, { ...query, archived: query.archived === 'true', search: query.q === undefined ? undefined : searchKey(query.q.trim()) }, now);
    const clinics = page.rows.map((row) => healthRowOf(row, now));
    return c.json({ clinics, page: query.page, pageSize: query.pageSize, total: page.total, sort: query.sort, order: query.order }, 200);
  })
  .openapi(getClinic, async (c) => c.json(await clinicDetail(c, c.req.valid('param').clinicId), 200))
  .openapi(getActivity, async (c) => {
    const { clinicId } = c.req.valid('param');
    const { kind, cursor, limit } = c.req.valid('query');
    if ((await clinicRecord(c.var.services.db, clinicId, c.var.services.clock.now())) === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
    const match = cursor === undefined ? null : TIMELINE_CURSOR.exec(cursor);
    const before = match === null ? undefined : { at: Number(match[1]), id: Number(match[2]) };
    const rows = await clinicTimeline(c.var.services.db, clinicId, { kind, before, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return c.json(
      {
        items: page.map((row) => ({
          id: String(row.id),
          kind: row.kind,
          at: new Date(row.occurredAt).toISOString(),
          userId: row.userId,
          detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
        })),
        nextCursor: rows.length > limit && last !== undefined ? `${last.occurredAt}.${last.id}` : null,
      },
      200,
    );
  })
  .openapi(createClinic, async (c) => {
    const input = c.req.valid('json');
    await refuseTakenName(c, input.name);
    const { user } = signedInUser(c);
    const now = c.var.services.clock.now();
    const clinicId = `clinic-${crypto.randomUUID()}`;
    const insert = { id: clinicId, name: input.name, timezone: input.timezone, currency: input.currency, planPriceMinor: 0, smsUnitCostMinor: 0, createdAt: now, ...columnsOf(input, input.currency) };
    await saveClinicChange(c.var.services.db, { clinicId, set: {}, insert, userId: user.id, at: now, detail: { change: 'created' } });
    await recordAudit(c, { action: 'clinic_create', clinicId, targetType: 'clinic', targetId: clinicId, success: true });
    return c.json(await clinicDetail(c, clinicId), 201);
  })
  .openapi(updateClinic, async (c) => {
    const { clinicId } = c.req.valid('param');
    const input = c.req.valid('json');
    const { db, clock } = c.var.services;
    const now = clock.now();
    const record = await clinicRecord(db, clinicId, now);
    if (record === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
    await refuseTakenName(c, input.name, clinicId);
    if (input.timezone !== undefined && input.timezone !== record.timezone && (await clinicHasHistory(db, clinicId))) {
      throw new AppError('CONFLICT', 'The time zone cannot change once the clinic has history: its days would move', { field: 'timezone' });
    }
    const set = columnsOf(input, record.currency);
    await saveClinicChange(db, { clinicId, set, userId: signedInUser(c).user.id, at: now, detail: { change: 'edited', fields: Object.keys(set) } });
    // The live queue keeps its own copy of the settings it counts with (SMS cost, zone).
    if (set.smsUnitCostMinor !== undefined || set.timezone !== undefined) {
      await clinicQueueOf(c.env, clinicId).refreshSettings(clinicId);
    }
    await recordAudit(c, { action: 'clinic_update', clinicId, targetType: 'clinic', targetId: clinicId, success: true, detail: { fields: Object.keys(set).join(',') } });
    return c.json(await clinicDetail(c, clinicId), 200);
  })
  .openapi(archiveClinic, async (c) => {
    const { clinicId, action } = c.req.valid('param');
    const { db, clock } = c.var.services;
    const now = clock.now();
    const record = await clinicRecord(db, clinicId, now);
    if (record === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
    const archiving = action === 'archive';
    if (archiving === (record.archivedAt !== null)) throw new AppError('CONFLICT', archiving ? 'The clinic is already archived' : 'The clinic is not archived');
    if (!archiving) await refuseTakenName(c, record.name, clinicId);
    await saveClinicChange(db, { clinicId, set: { archivedAt: archiving ? now : null }, userId: signedInUser(c).user.id, at: now, detail: { change: archiving ? 'archived' : 'restored' } });
    // Its keys stop here at once (other isolates: the live queue refuses their events), and the
    // live queue closes to events and to its members' sockets, or opens again on restore.
    forgetApiKeys({ clinicId });
    await clinicQueueOf(c.env, clinicId).refreshSettings(clinicId);
    await recordAudit(c, { action: archiving ? 'clinic_archive' : 'clinic_restore', clinicId, targetType: 'clinic', targetId: clinicId, success: true });
    return c.json(await clinicDetail(c, clinicId), 200);
  });
