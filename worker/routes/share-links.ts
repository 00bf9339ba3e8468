import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { signedInUser } from '../auth/authorize.ts';
import { CLINIC_OWNERS } from '../auth/policy.ts';
import { MAX_ACTIVE_SHARE_LINKS, NewShareLinkSchema, ShareLinkListSchema, ShareLinkRequestSchema } from '../domain/share-links.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../http/audit.ts';
import { createShareLink, revokeShareLinkOf, shareLinksOf } from '../use-cases/share-links.ts';
import { ClinicParams, clinicRoute } from './guarded-routes.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from './openapi-helpers.ts';
import { valueOr } from './refusals.ts';

const createLink = clinicRoute(CLINIC_OWNERS, '/share-links', {
  method: 'post',
  tags: ['share links'],
  summary: `A read-only link to the clinic's day (and, for \`history\`, its history) for someone without an account, valid 1–90 days; the link is shown only in this answer; owners only, at most ${MAX_ACTIVE_SHARE_LINKS} alive, audited`,
  request: { ...jsonBody(ShareLinkRequestSchema.openapi('ShareLinkRequest')) },
  responses: {
    201: jsonContent(NewShareLinkSchema.openapi('NewShareLink'), 'Made'),
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'),
  },
});

const listLinks = clinicRoute(CLINIC_OWNERS, '/share-links', {
  method: 'get',
  tags: ['share links'],
  summary: "The clinic's share links, newest first, each active, expired or revoked; never their tokens",
  responses: { 200: jsonContent(ShareLinkListSchema.openapi('ShareLinks'), 'Links'), ...errorResponses('UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND') },
});

const revokeLink = clinicRoute(CLINIC_OWNERS, '/share-links/{linkId}', {
  method: 'delete',
  tags: ['share links'],
  summary: 'Revoke a share link: it answers 404 from this moment; audited',
  request: { params: ClinicParams.extend({ linkId: IdParam }) },
  responses: { 204: { description: 'Revoked' }, ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND') },
});

function ports(c: Context<AppEnv>) {
  const { db, clock, config } = c.var.services;
  return { db, now: clock.now(), publicUrl: config.publicUrl, audit: (entry: Parameters<typeof recordAudit>[1]) => recordAudit(c, entry) };
}

export const shareLinkRoutes = new OpenAPIHono<AppEnv>()
  .openapi(createLink, async (c) => {
    const result = await createShareLink(ports(c), c.var.clinicId, signedInUser(c).user.id, c.req.valid('json'));
    const link = valueOr(result, {
      too_many: () => new AppError('CONFLICT', `This clinic already has ${MAX_ACTIVE_SHARE_LINKS} active share links: revoke one first`, { maxActive: MAX_ACTIVE_SHARE_LINKS }),
    });
    // The answer carries the token: no cache keeps it.
    c.header('Cache-Control', 'no-store');
    return c.json(link, 201);
  })
  .openapi(listLinks, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await shareLinksOf(c.var.services.db, c.var.clinicId, c.var.services.clock.now()), 200);
  })
  .openapi(revokeLink, async (c) => {
    const result = await revokeShareLinkOf(ports(c), c.var.clinicId, c.req.valid('param').linkId);
    valueOr(result, { not_found: () => new AppError('NOT_FOUND', 'No such share link in this clinic, or it is revoked already') });
    return c.body(null, 204);
  });
