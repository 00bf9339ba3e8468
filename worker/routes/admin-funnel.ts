import { OpenAPIHono, z } from '@hono/zod-openapi';
import { clinicMilestones } from '../../db/queries/activation-funnel.ts';
import type { AppEnv } from '../app-env.ts';
import { activationFunnel, MAX_FUNNEL_MONTHS, monthCount, monthEnd, monthStart } from '../domain/activation-funnel.ts';
import { FunnelSchema } from '../domain/funnel-wire.ts';
import { adminRoute } from './guarded-routes.ts';
import { errorResponses, jsonContent } from './openapi-helpers.ts';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM').openapi({ example: '2026-09' });

const FunnelQuery = z
  .object({ from: Month, to: Month })
  // YYYY-MM compares as text; a window is bounded so that one request reads a bounded number of clinics' months.
  .refine((query) => query.from <= query.to, { message: 'from must not be after to', path: ['to'] })
  .refine((query) => monthCount(query.from, query.to) <= MAX_FUNNEL_MONTHS, {
    message: `at most ${MAX_FUNNEL_MONTHS} months`,
    path: ['to'],
  });

const funnel = adminRoute({
  method: 'get',
  path: '/admin/funnel',
  summary: 'The activation funnel per creation-month cohort (UTC): clinics at each step, median days between steps',
  request: { query: FunnelQuery },
  responses: { 200: jsonContent(FunnelSchema.openapi('ActivationFunnel'), 'One cohort per month, empty months included'), ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'NOT_FOUND', 'UNAVAILABLE') },
});

export const adminFunnelRoutes = new OpenAPIHono<AppEnv>().openapi(funnel, async (c) => {
  const { from, to } = c.req.valid('query');
  const { db, clock } = c.var.services;
  const milestones = await clinicMilestones(db, { from: monthStart(from), to: monthEnd(to) }, clock.now());
  c.header('Cache-Control', 'no-store');
  return c.json({ from, to, cohorts: activationFunnel(from, to, milestones) }, 200);
});
