import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { securityHourRows } from '../../db/queries/security-figures.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize } from '../auth/authorize.ts';
import { SUPER_ADMIN } from '../auth/policy.ts';
import { SECURITY_MAX_HOURS, securityFigures, securityWindow } from '../domain/security-figures.ts';
import { SecurityFiguresSchema } from '../domain/security-wire.ts';
import { errorResponses, jsonContent } from './openapi-helpers.ts';

const security = createRoute({
  method: 'get',
  path: '/admin/security',
  tags: ['admin'],
  summary: 'Failed and throttled sign-ins, exports and admin actions per clock hour (UTC), oldest first, from the audit log',
  middleware: [authorize(SUPER_ADMIN)] as const,
  request: { query: z.object({ hours: z.coerce.number().int().min(1).max(SECURITY_MAX_HOURS).default(24) }) },
  responses: { 200: jsonContent(SecurityFiguresSchema.openapi('SecurityFigures'), 'The last `hours` clock hours, the current one last'), ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'NOT_FOUND') },
});

export const adminSecurityRoutes = new OpenAPIHono<AppEnv>().openapi(security, async (c) => {
  const { hours } = c.req.valid('query');
  const { db, clock } = c.var.services;
  const now = clock.now();
  const { from, to } = securityWindow(now, hours);
  c.header('Cache-Control', 'no-store');
  return c.json(securityFigures(await securityHourRows(db, from, to), now, hours), 200);
});
