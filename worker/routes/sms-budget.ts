import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { CLINIC_MEMBERS, CLINIC_OWNERS } from '../auth/policy.ts';
import { SmsBudgetChangeSchema, SmsBudgetSchema } from '../domain/sms-budget-wire.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../http/audit.ts';
import { changeSmsBudget, smsBudgetOf, type SmsBudgetPorts } from '../use-cases/sms-budget.ts';
import { clinicRoute } from './guarded-routes.ts';
import { errorResponses, jsonBody, jsonContent } from './openapi-helpers.ts';
import { valueOr } from './refusals.ts';

const BudgetSchema = SmsBudgetSchema.openapi('SmsBudget');

const readBudget = clinicRoute(CLINIC_MEMBERS, '/sms-budget', {
  method: 'get',
  tags: ['settings'],
  summary: "The clinic's monthly SMS budget, minor units of its currency (null: none)",
  responses: { 200: jsonContent(BudgetSchema, 'SMS budget'), ...errorResponses('UNAUTHORIZED', 'NOT_FOUND') },
});

const changeBudget = clinicRoute(CLINIC_OWNERS, '/sms-budget', {
  method: 'put',
  tags: ['settings'],
  summary: "Set the clinic's monthly SMS budget (null removes it); owners only, audited; stats/today and the budget alerts use it at once",
  request: { ...jsonBody(SmsBudgetChangeSchema.openapi('SmsBudgetChange')) },
  responses: { 200: jsonContent(BudgetSchema, 'SMS budget'), ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND') },
});

const noSuchClinic = () => new AppError('NOT_FOUND', 'No such clinic');

export const smsBudgetRoutes = new OpenAPIHono<AppEnv>()
  .openapi(readBudget, async (c) => c.json(valueOr(await smsBudgetOf(c.var.services.db, c.var.clinicId), { no_such_clinic: noSuchClinic }), 200))
  .openapi(changeBudget, async (c) => {
    const { monthlyAmountMinor } = c.req.valid('json');
    const ports: SmsBudgetPorts = {
      db: c.var.services.db,
      audit: (entry) => recordAudit(c, entry),
      refreshLiveQueue: c.var.services.durableObjects.refreshLiveQueue,
    };
    return c.json(valueOr(await changeSmsBudget(ports, c.var.clinicId, monthlyAmountMinor), { no_such_clinic: noSuchClinic }), 200);
  });
