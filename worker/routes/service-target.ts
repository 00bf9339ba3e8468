import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { CLINIC_MEMBERS, CLINIC_OWNERS } from '../auth/policy.ts';
import { ServiceTargetChangeSchema, ServiceTargetSchema } from '../domain/history-wire.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../http/audit.ts';
import { changeServiceTarget, serviceTargetOf, type ServiceTargetPorts } from '../use-cases/service-target.ts';
import { clinicRoute } from './guarded-routes.ts';
import { errorResponses, jsonBody, jsonContent } from './openapi-helpers.ts';
import { valueOr } from './refusals.ts';

const TargetSchema = ServiceTargetSchema.openapi('ServiceTarget');

const readTarget = clinicRoute(CLINIC_MEMBERS, '/service-target', {
  method: 'get',
  tags: ['settings'],
  summary: 'The wait within which the clinic means to call its patients (service level), minutes',
  responses: { 200: jsonContent(TargetSchema, 'Service target'), ...errorResponses('UNAUTHORIZED', 'NOT_FOUND') },
});

const changeTarget = clinicRoute(CLINIC_OWNERS, '/service-target', {
  method: 'put',
  tags: ['settings'],
  summary: "Set the clinic's service target (5–240 minutes); owners only, audited; today's service level uses it at once",
  request: { ...jsonBody(ServiceTargetChangeSchema.openapi('ServiceTargetChange')) },
  responses: { 200: jsonContent(TargetSchema, 'Service target'), ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND') },
});

const noSuchClinic = () => new AppError('NOT_FOUND', 'No such clinic');

export const serviceTargetRoutes = new OpenAPIHono<AppEnv>()
  .openapi(readTarget, async (c) => c.json(valueOr(await serviceTargetOf(c.var.services.db, c.var.clinicId), { no_such_clinic: noSuchClinic }), 200))
  .openapi(changeTarget, async (c) => {
    const { minutes } = c.req.valid('json');
    const ports: ServiceTargetPorts = {
      db: c.var.services.db,
      audit: (entry) => recordAudit(c, entry),
      refreshLiveQueue: c.var.services.durableObjects.refreshLiveQueue,
    };
    return c.json(valueOr(await changeServiceTarget(ports, c.var.clinicId, minutes), { no_such_clinic: noSuchClinic }), 200);
  });
