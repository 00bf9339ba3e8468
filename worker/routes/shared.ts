import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { authorize } from '../auth/authorize.ts';
import { PUBLIC } from '../auth/policy.ts';
import { AnalyticsAnswerSchema, TIMEFRAMES } from '../domain/history-wire.ts';
import { SharedTodaySchema } from '../domain/share-links.ts';
import { AppError } from '../errors.ts';
import { clientIp } from '../http/audit.ts';
import { admitShareRead, SHARE_READ_PERIOD_SECONDS } from '../http/share-read-limit.ts';
import { analyticsOf } from '../use-cases/history-answers.ts';
import { openShareLink, sharedTodayOf, type ShareReadRefusal } from '../use-cases/share-links.ts';
import { clinicHistoryAnswer } from './history.ts';
import { errorResponses, jsonContent } from './openapi-helpers.ts';
import { fromQueue } from './queue.ts';
import { valueOr } from './refusals.ts';

/**
 * Any text: a token of the wrong shape answers 404 like an unknown one (use-cases/share-links.ts),
 * so nobody learns from the answer what a token looks like.
 */
const TokenParams = z.object({ token: z.string().openapi({ description: 'The token of a read-only share link (`<PUBLIC_URL>/shared/<token>`)' }) });
const TimeframeQuery = z.object({
  timeframe: z.enum(TIMEFRAMES).default('30d').openapi({ description: 'The 7, 30, 90 or 365 clinic days ending today' }),
});
const sharedErrors = errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'RATE_LIMITED', 'UNAVAILABLE');

const sharedToday = createRoute({
  method: 'get',
  path: '/shared/{token}/today',
  tags: ['share links'],
  summary: "A read-only share link: the clinic's name and zone and today's figures, without the queue, money or any identifier; no login",
  middleware: [authorize(PUBLIC)] as const,
  request: { params: TokenParams },
  responses: { 200: jsonContent(SharedTodaySchema.openapi('SharedToday'), 'Now'), ...sharedErrors },
});

const sharedAnalytics = createRoute({
  method: 'get',
  path: '/shared/{token}/analytics',
  tags: ['share links'],
  summary: "A read-only share link of `history` scope: the members' analytics of the window; a `today` link answers 404",
  middleware: [authorize(PUBLIC)] as const,
  request: { params: TokenParams, query: TimeframeQuery },
  responses: {
    200: jsonContent(AnalyticsAnswerSchema.openapi('SharedAnalytics'), 'From the rollups'),
    // The members' answer cache serves it (routes/history.ts), which answers a matching If-None-Match so.
    304: { description: 'Not modified' },
    ...sharedErrors,
  },
});

/** One answer for every link that does not open: nobody learns whether it ever existed, expired or was revoked. */
const readRefusals: { readonly [Refusal in ShareReadRefusal]: () => AppError } = {
  rate_limited: () =>
    new AppError('RATE_LIMITED', 'Too many reads of shared links from this address; try again later', { retryAfterSeconds: SHARE_READ_PERIOD_SECONDS }, { 'Retry-After': String(SHARE_READ_PERIOD_SECONDS) }),
  not_found: () => new AppError('NOT_FOUND', 'This link is not valid'),
};

/**
 * The link behind `token`, if it opens `view`; refusals included, every answer is kept by no
 * cache (a revoked link must not be served from one), sends no referrer (the token is in the
 * address) and stays out of search engines.
 */
async function openedLink(c: Context<AppEnv>, token: string, view: 'today' | 'history') {
  const { config, clock, db, logger } = c.var.services;
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Robots-Tag', 'noindex');
  const opened = await openShareLink(
    { db, now: clock.now(), admit: () => admitShareRead(c.env.SHARE_RATE_LIMITER, { ip: clientIp(c), hashKey: config.ipHashKey, logger }) },
    token,
    view,
  );
  return valueOr(opened, readRefusals);
}

/** The history cache answers for members: private, revalidated by ETag. A shared answer is kept nowhere. */
function keptNowhere(response: Response): Response {
  response.headers.set('Cache-Control', 'no-store');
  response.headers.delete('ETag');
  return response;
}

export const sharedRoutes = new OpenAPIHono<AppEnv>()
  .openapi(sharedToday, async (c) => {
    const link = await openedLink(c, c.req.valid('param').token, 'today');
    const now = c.var.services.clock.now();
    const figures = await fromQueue(c, () => c.var.services.durableObjects.clinicQueue(link.clinicId).today(link.clinicId, now));
    return c.json(sharedTodayOf(link, figures), 200);
  })
  .openapi(sharedAnalytics, async (c) => {
    const link = await openedLink(c, c.req.valid('param').token, 'history');
    const { timeframe } = c.req.valid('query');
    return keptNowhere(await clinicHistoryAnswer(c, link.clinicId, 'analytics', timeframe, () => analyticsOf(c.var.services, link.clinicId, timeframe)));
  });
