import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { FAILED_JOBS_MAX_PAGE_SIZE, FailedJobPageSchema } from '../domain/back-office-wire.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../http/audit.ts';
import { discardDeadLetter, failedJobPage, retryDeadLetter, type DeadLetterOutcome } from '../use-cases/failed-jobs.ts';
import { adminRoute } from './guarded-routes.ts';
import { errorResponses, IdParam, jsonContent } from './openapi-helpers.ts';

const LetterParams = z.object({ id: IdParam.openapi({ description: 'The dead letter’s queue message id' }) });

const listFailed = adminRoute({
  method: 'get',
  path: '/admin/jobs/failed',
  summary: 'The dead letters (jobs that failed every attempt), newest first, paged: kind, scope, error, attempts, first and last failure',
  request: {
    query: z.object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(FAILED_JOBS_MAX_PAGE_SIZE).default(25),
    }),
  },
  responses: { 200: jsonContent(FailedJobPageSchema.openapi('FailedJobPage'), 'One page'), ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'NOT_FOUND', 'UNAVAILABLE') },
});

const retryFailed = adminRoute({
  method: 'post',
  path: '/admin/jobs/failed/{id}/retry',
  summary: "Send a dead letter's job to the jobs queue again (a new message, every retry again) and remove the letter; audited",
  request: { params: LetterParams },
  responses: { 204: { description: 'Sent again' }, ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE') },
});

const discardFailed = adminRoute({
  method: 'delete',
  path: '/admin/jobs/failed/{id}',
  summary: 'Remove a dead letter for good; audited',
  request: { params: LetterParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'NOT_FOUND', 'UNAVAILABLE') },
});

const refusals = {
  no_such_letter: () => new AppError('NOT_FOUND', 'No such failed job'),
  not_a_job: () => new AppError('CONFLICT', 'This failed job is no job Pulse can run; it can only be deleted'),
} as const;

/** Audits what an action on a dead letter did, refusals included, and answers it. */
async function answered(c: Context<AppEnv>, action: 'job_retry' | 'job_discard', id: string, outcome: DeadLetterOutcome): Promise<Response> {
  const refusal = outcome.done ? null : refusals[outcome.refusal]();
  await recordAudit(c, {
    action,
    targetType: 'dead_letter',
    targetId: id,
    success: outcome.done,
    errorCode: refusal?.code ?? null,
    ...(outcome.done ? { detail: { job: outcome.job } } : {}),
  });
  if (refusal !== null) throw refusal;
  return c.body(null, 204);
}

export const adminJobRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listFailed, async (c) => {
    const { page, pageSize } = c.req.valid('query');
    c.header('Cache-Control', 'no-store');
    return c.json(await failedJobPage(c.var.services.db, page, pageSize), 200);
  })
  .openapi(retryFailed, async (c) => {
    const { id } = c.req.valid('param');
    return answered(c, 'job_retry', id, await retryDeadLetter(c.var.services, id));
  })
  .openapi(discardFailed, async (c) => {
    const { id } = c.req.valid('param');
    return answered(c, 'job_discard', id, await discardDeadLetter(c.var.services.db, id));
  });
