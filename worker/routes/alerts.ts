import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { acknowledgeAlert, alertClinic, listAlerts } from '../../db/queries/alert-instances.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize, signedInUser } from '../auth/authorize.ts';
import { SIGNED_IN } from '../auth/policy.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../http/audit.ts';
import { errorResponses, IdParam, jsonContent } from './openapi-helpers.ts';

const AlertSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    priority: z.string(),
    clinicId: z.string().nullable(),
    subjectKey: z.string(),
    value: z.number(),
    firedAt: z.string(),
    resolvedAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
  })
  .openapi('Alert');

const list = createRoute({
  method: 'get',
  path: '/alerts',
  tags: ['alerts'],
  summary: 'Alerts the caller may see, newest first: those of their clinics; every one for the super admin',
  middleware: [authorize(SIGNED_IN)] as const,
  request: { query: z.object({ state: z.enum(['open', 'all']).default('open'), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  responses: { 200: jsonContent(z.object({ alerts: z.array(AlertSchema) }), 'Alerts'), ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED') },
});

const acknowledge = createRoute({
  method: 'post',
  path: '/alerts/{alertId}/ack',
  tags: ['alerts'],
  summary: 'Say an alert has been seen (it stays open until its condition ends); audited',
  middleware: [authorize(SIGNED_IN)] as const,
  request: { params: z.object({ alertId: IdParam }) },
  responses: { 204: { description: 'Acknowledged' }, ...errorResponses('UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT') },
});

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

export const alertRoutes = new OpenAPIHono<AppEnv>()
  .openapi(list, async (c) => {
    const { user } = signedInUser(c);
    const { state, limit } = c.req.valid('query');
    const clinicIds = user.role === 'super_admin' ? null : [...user.clinics.keys()];
    const alerts = await listAlerts(c.var.services.db, { clinicIds, openOnly: state === 'open', limit });
    return c.json({ alerts: alerts.map((alert) => ({ ...alert, firedAt: new Date(alert.firedAt).toISOString(), resolvedAt: iso(alert.resolvedAt), acknowledgedAt: iso(alert.acknowledgedAt) })) }, 200);
  })
  .openapi(acknowledge, async (c) => {
    const { user } = signedInUser(c);
    const { alertId } = c.req.valid('param');
    const { db, clock } = c.var.services;
    const found = await alertClinic(db, alertId);
    // An alert the caller may not see answers like one that does not exist.
    const visible = found !== undefined && (user.role === 'super_admin' || (found.clinicId !== null && user.clinics.has(found.clinicId)));
    if (!visible) throw new AppError('NOT_FOUND', 'No such alert');
    const done = await acknowledgeAlert(db, alertId, user.id, clock.now());
    await recordAudit(c, { action: 'alert_ack', clinicId: found.clinicId, targetType: 'alert', targetId: alertId, success: done, errorCode: done ? null : 'CONFLICT' });
    if (!done) throw new AppError('CONFLICT', 'The alert was already acknowledged');
    return c.body(null, 204);
  });
