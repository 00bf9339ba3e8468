import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { recordSessionSocket } from '../../db/queries/sessions.ts';
import { assertSameOrigin, authorize, signedInUser } from '../auth/authorize.ts';
import { CLINIC_MEMBERS } from '../auth/policy.ts';
import { TodayEntrySchema, TodayFiguresSchema } from '../domain/live-messages.ts';
import type { ReceptionAction } from '../domain/reception-actions.ts';
import { SmsMonthSchema } from '../domain/sms-budget-wire.ts';
import { CHECK_IN_METHODS } from '../domain/vocabulary.ts';
import { AppError } from '../errors.ts';
import { todayWithSms } from '../use-cases/today-sms.ts';
import { ClinicParams, clinicRoute } from './guarded-routes.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from './openapi-helpers.ts';

const EntryParams = ClinicParams.extend({ entryId: IdParam });
const ActionResultSchema = z.object({ entryId: z.string().nullable() }).openapi('ReceptionResult');
const memberErrors = errorResponses('UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'UNAVAILABLE');
const actionResponses = {
  200: jsonContent(ActionResultSchema, 'Done; the live figures follow'),
  ...memberErrors,
  ...errorResponses('VALIDATION_FAILED', 'INVALID_TRANSITION'),
};

const TodayAnswerSchema = TodayFiguresSchema.extend({ sms: SmsMonthSchema.openapi('SmsMonth').nullable() }).openapi('TodayFigures');

const getToday = clinicRoute(CLINIC_MEMBERS, '/stats/today', {
  method: 'get',
  tags: ['queue'],
  summary: "Today's figures (PRODUCT.md), from the clinic's live queue, and the month's SMS against the budget (null only while libSQL is down with nothing kept)",
  responses: { 200: jsonContent(TodayAnswerSchema, 'Now'), ...memberErrors },
});

const listQueue = clinicRoute(CLINIC_MEMBERS, '/queue', {
  method: 'get',
  tags: ['queue'],
  summary: "Today's entries: ticket, state, minutes waited; no personal data",
  responses: { 200: jsonContent(z.object({ entries: z.array(TodayEntrySchema) }), 'Today'), ...memberErrors },
});

const addWalkIn = clinicRoute(CLINIC_MEMBERS, '/queue/entries', {
  method: 'post',
  tags: ['queue'],
  summary: 'Reception adds a walk-in',
  request: { ...jsonBody(z.strictObject({ method: z.enum(CHECK_IN_METHODS) })) },
  responses: actionResponses,
});

const callNext = clinicRoute(CLINIC_MEMBERS, '/queue/call-next', {
  method: 'post',
  tags: ['queue'],
  summary: 'Call the waiting patient with the lowest ticket',
  responses: actionResponses,
});

const ENTRY_ACTIONS = { start: 'start', complete: 'complete', 'no-show': 'no_show', cancel: 'cancel' } as const;

const moveEntry = clinicRoute(CLINIC_MEMBERS, '/queue/entries/{entryId}/{action}', {
  method: 'post',
  tags: ['queue'],
  summary: 'Start, complete, mark no-show or cancel one entry',
  request: { params: EntryParams.extend({ action: z.enum(['start', 'complete', 'no-show', 'cancel']) }) },
  responses: actionResponses,
});

const setPresence = clinicRoute(CLINIC_MEMBERS, '/presence', {
  method: 'put',
  tags: ['queue'],
  summary: 'The doctor is in (or away): the estimated end depends on it',
  request: { ...jsonBody(z.strictObject({ present: z.boolean() })) },
  responses: actionResponses,
});

const live = clinicRoute(CLINIC_MEMBERS, '/live', {
  method: 'get',
  tags: ['queue'],
  summary: "WebSocket: a snapshot of today, then an update after each change (at most 4 a second); send 'ping' for 'pong'",
  responses: { 101: { description: 'Switching to WebSocket' }, 426: { description: 'Not a WebSocket upgrade' }, ...memberErrors },
});

/**
 * The live queue answers, or the caller is told it is unavailable: a restarting object is not a
 * 500. What went wrong goes to the log only; the object's own words stay inside.
 */
export async function fromQueue<T>(c: Context<AppEnv>, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    c.var.services.logger.warn('live queue unavailable', { clinicId: c.var.clinicId, error: String(error) });
    throw new AppError('UNAVAILABLE', 'The live queue is not available right now; try again shortly');
  }
}

async function act(c: Context<AppEnv>, action: ReceptionAction) {
  const clinicId = c.var.clinicId;
  const now = c.var.services.clock.now();
  const result = await fromQueue(c, () => c.var.services.durableObjects.clinicQueue(clinicId).act(clinicId, action, now));
  if (result.refused !== null) throw new AppError('INVALID_TRANSITION', result.refused);
  return { entryId: result.entryId };
}

export const queueRoutes = new OpenAPIHono<AppEnv>()
  .openapi(getToday, async (c) => {
    const clinicId = c.var.clinicId;
    c.header('Cache-Control', 'no-store');
    const now = c.var.services.clock.now();
    const live = await fromQueue(c, () => c.var.services.durableObjects.clinicQueue(clinicId).todayWithSms(clinicId, now));
    return c.json(todayWithSms(live, now), 200);
  })
  .openapi(listQueue, async (c) => {
    const clinicId = c.var.clinicId;
    c.header('Cache-Control', 'no-store');
    const now = c.var.services.clock.now();
    return c.json({ entries: await fromQueue(c, () => c.var.services.durableObjects.clinicQueue(clinicId).entries(clinicId, now)) }, 200);
  })
  .openapi(addWalkIn, async (c) => c.json(await act(c, { kind: 'walk_in', method: c.req.valid('json').method }), 200))
  .openapi(callNext, async (c) => c.json(await act(c, { kind: 'call_next' }), 200))
  .openapi(moveEntry, async (c) => {
    const { entryId, action } = c.req.valid('param');
    return c.json(await act(c, { kind: ENTRY_ACTIONS[action], entryId }), 200);
  })
  .openapi(setPresence, async (c) => c.json(await act(c, { kind: 'presence', present: c.req.valid('json').present }), 200))
  .openapi(live, async (c) => {
    if (c.req.header('Upgrade') !== 'websocket') throw new AppError('VALIDATION_FAILED', 'Expected a WebSocket upgrade');
    // A WebSocket carries the cookie like any request: only our own pages may open one (CSWSH).
    assertSameOrigin(c);
    const clinicId = c.var.clinicId;
    const { sessionTokenHash, user } = signedInUser(c);
    // Remembered before the socket opens, so an ending session always finds it (live-socket-closing.ts).
    await recordSessionSocket(c.var.services.db, sessionTokenHash, clinicId, c.var.services.clock.now());
    const url = new URL('https://clinic-queue/live');
    url.searchParams.set('clinicId', clinicId);
    url.searchParams.set('session', sessionTokenHash);
    url.searchParams.set('user', user.id);
    const upgraded = await c.var.services.durableObjects.clinicQueue(clinicId).fetch(new Request(url, { headers: { Upgrade: 'websocket' } }));
    // The object's answer has immutable headers; a fresh one lets the middleware add ours.
    return new Response(upgraded.body, { status: upgraded.status, headers: upgraded.headers, webSocket: upgraded.webSocket });
  });
