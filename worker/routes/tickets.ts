import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { authorize } from '../auth/authorize.ts';
import { CLINIC_MEMBERS, PUBLIC, QUEUE_APP } from '../auth/policy.ts';
import { MAX_TICKET_TOKEN_LENGTH, ticketKeysFrom } from '../auth/ticket-token.ts';
import { TicketViewSchema } from '../domain/ticket-view.ts';
import { AppError } from '../errors.ts';
import { TICKET_READ_PERIOD_SECONDS } from '../http/ticket-read-limit.ts';
import { TICKET_SCRIPT, TICKET_STYLE } from '../ticket-page/assets.ts';
import { issueTicket, issueTickets, type IssuedTickets, type TicketIssuePorts, type TicketRefusal } from '../use-cases/tickets.ts';
import { ClinicParams, clinicRoute } from './guarded-routes.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from './openapi-helpers.ts';
import { fromQueue } from './queue.ts';
import { valueOr } from './refusals.ts';
import { readTicketAt } from './ticket-reads.ts';

/** Links asked for at once: a day's SMS go out a few at a time, and each link costs a seal. */
const MAX_TICKETS = 50;
/** The queue app's entry ids, as its events carry them (queue-events.ts). */
const EntryId = z.string().min(1).max(64);

const IssuedTicketsSchema = z
  .object({
    tickets: z.array(z.object({ entryId: z.string(), url: z.string(), expiresAt: z.string() })),
    rejected: z.array(z.object({ entryId: z.string(), error: z.object({ code: z.literal('NOT_FOUND'), message: z.string() }) })),
  })
  .openapi('IssuedTickets') satisfies z.ZodType<IssuedTickets>;

const issueRoute = createRoute({
  method: 'post',
  path: '/ingest/tickets',
  tags: ['ingestion'],
  summary: "Links to patients' live ticket pages (for the SMS, or a QR code at reception), one per entry of today's queue, valid until the clinic's day ends",
  middleware: [authorize(QUEUE_APP)] as const,
  request: jsonBody(z.strictObject({ entryIds: z.array(EntryId).min(1).max(MAX_TICKETS) })),
  responses: {
    200: jsonContent(IssuedTicketsSchema, "A link per entry in today's queue; the other ids refused, each with why"),
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'UNAVAILABLE'),
  },
});

/**
 * Registered before queue.ts's `/queue/entries/{entryId}/{action}` (app.ts mounts these routes
 * first): that route would otherwise take `ticket` for an action, and refuse it.
 */
const receptionRoute = clinicRoute(CLINIC_MEMBERS, '/queue/entries/{entryId}/ticket', {
  method: 'post',
  tags: ['tickets'],
  summary: "The link to a patient's live ticket page, for reception to show as a QR code: the queue app's link for the same entry, valid until the clinic's day ends",
  request: { params: ClinicParams.extend({ entryId: IdParam }) },
  responses: {
    200: jsonContent(z.object({ url: z.string(), expiresAt: z.string() }).openapi('ReceptionTicket'), "The link of this entry of today's queue"),
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_TRANSITION', 'UNAVAILABLE'),
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/tickets/{token}',
  tags: ['tickets'],
  summary: "A patient's ticket, what its page shows: the clinic's name, the ticket number, its state, position and range of wait; no personal data",
  middleware: [authorize(PUBLIC)] as const,
  request: { params: z.object({ token: z.string().min(1).max(MAX_TICKET_TOKEN_LENGTH) }) },
  responses: {
    200: jsonContent(TicketViewSchema.openapi('Ticket'), 'The ticket now'),
    ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'RATE_LIMITED', 'UNAVAILABLE'),
  },
});

/** How each refused read answers; a forged token and a vanished entry read the same. */
const readRefusals: { readonly [Refusal in TicketRefusal]: () => AppError } = {
  rate_limited: () =>
    new AppError('RATE_LIMITED', 'Too many ticket reads from this address; try again later', { retryAfterSeconds: TICKET_READ_PERIOD_SECONDS }, { 'Retry-After': String(TICKET_READ_PERIOD_SECONDS) }),
  not_found: () => new AppError('NOT_FOUND', 'No such ticket'),
  expired: () => new AppError('NOT_FOUND', 'This ticket has expired: it was valid until the end of its clinic day', { reason: 'expired' }),
  unavailable: () => new AppError('UNAVAILABLE', 'The live queue is not available right now; try again shortly'),
};

/** Issuing links for `clinicId`: this deployment's keys, its live queue, PUBLIC_URL. */
function issuePorts(c: Context<AppEnv>, clinicId: string): TicketIssuePorts {
  const { config, clock, durableObjects } = c.var.services;
  return {
    keys: () => ticketKeysFrom(config.ipHashKey),
    ticketDay: (entryIds) => fromQueue(c, () => durableObjects.clinicQueue(clinicId).ticketDay(clinicId, entryIds, clock.now())),
    publicUrl: config.publicUrl,
  };
}

/** The page's style and script change with a deploy only: an hour of cache spares a phone's data. */
const ASSET_CACHE = 'public, max-age=3600';

export const ticketRoutes = new OpenAPIHono<AppEnv>()
  .openapi(issueRoute, async (c) => {
    const clinicId = c.var.clinicId;
    const result = await issueTickets(issuePorts(c, clinicId), clinicId, c.req.valid('json').entryIds);
    // The links are the patients' keys to their tickets: no cache keeps them.
    c.header('Cache-Control', 'no-store');
    return c.json(valueOr(result, { clinic_archived: () => new AppError('UNAUTHORIZED', "This API key's clinic is archived") }), 200);
  })
  .openapi(receptionRoute, async (c) => {
    const clinicId = c.var.clinicId;
    const result = await issueTicket(issuePorts(c, clinicId), clinicId, c.req.valid('param').entryId);
    const { url, expiresAt } = valueOr(result, {
      // Members no longer reach an archived clinic (authorize); the super admin is refused as reception's other actions are.
      clinic_archived: () => new AppError('INVALID_TRANSITION', 'This clinic is archived: restore it to take patients again'),
      not_found: () => new AppError('NOT_FOUND', "No entry with this id in today's queue"),
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ url, expiresAt }, 200);
  })
  .openapi(readRoute, async (c) => c.json(valueOr(await readTicketAt(c, c.req.valid('param').token), readRefusals), 200))
  // The ticket page's own files (/t/<token>, routes/ticket-page.ts): the CSP allows no inline code.
  .get('/ticket-page.css', authorize(PUBLIC), (c) => c.body(TICKET_STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': ASSET_CACHE }))
  .get('/ticket-page.js', authorize(PUBLIC), (c) => c.body(TICKET_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': ASSET_CACHE }));
