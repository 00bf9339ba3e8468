import { OpenAPIHono } from '@hono/zod-openapi';
import { quickActionCounts } from '../../db/queries/quick-actions.ts';
import type { AppEnv } from '../app-env.ts';
import { QuickActionsSchema } from '../domain/back-office-wire.ts';
import { adminRoute } from './guarded-routes.ts';
import { errorResponses, jsonContent } from './openapi-helpers.ts';

const quickActions = adminRoute({
  method: 'get',
  path: '/admin/quick-actions',
  summary: "The admin home's quick actions: failed jobs in the last 24 hours, open alerts, pending invitations, clinics opening",
  responses: { 200: jsonContent(QuickActionsSchema.openapi('QuickActions'), 'The four counts, now'), ...errorResponses('UNAUTHORIZED', 'NOT_FOUND', 'UNAVAILABLE') },
});

export const adminQuickActionRoutes = new OpenAPIHono<AppEnv>().openapi(quickActions, async (c) => {
  const { db, clock } = c.var.services;
  c.header('Cache-Control', 'no-store');
  return c.json(await quickActionCounts(db, clock.now()), 200);
});
