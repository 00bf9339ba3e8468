import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { authorize } from '../auth/authorize.ts';
import { QUEUE_APP } from '../auth/policy.ts';
import type { IngestAnswer } from '../domain/ingest-batch.ts';
import { AppError } from '../errors.ts';
import { ingestEvents } from '../use-cases/ingest-events.ts';
import { errorResponses, jsonBody, jsonContent } from './openapi-helpers.ts';
import { valueOr } from './refusals.ts';

/** PRODUCT: 1–500 events per request; larger batches are split by the queue app. */
const MAX_EVENTS = 500;

const IngestResultSchema = z
  .object({
    accepted: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.array(z.object({ id: z.string(), error: z.object({ code: z.string(), message: z.string() }) })),
  })
  .openapi('IngestResult') satisfies z.ZodType<IngestAnswer>;

const ingestRoute = createRoute({
  method: 'post',
  path: '/ingest/events',
  tags: ['ingestion'],
  summary: "The queue app's events for its clinic; each id is applied once, however often it is sent",
  middleware: [authorize(QUEUE_APP)] as const,
  // Each event is checked on its own (ingest-batch.ts), so one bad event does not sink the batch.
  request: jsonBody(z.strictObject({ events: z.array(z.unknown()).min(1).max(MAX_EVENTS) })),
  responses: {
    200: jsonContent(IngestResultSchema, 'What was accepted, what was a resend, what was refused and why'),
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'UNAVAILABLE'),
  },
});

export const ingestRoutes = new OpenAPIHono<AppEnv>().openapi(ingestRoute, async (c) => {
  const clinicId = c.var.clinicId;
  const now = c.var.services.clock.now();
  const result = await ingestEvents(
    {
      applyToQueue: (events) => c.var.services.durableObjects.clinicQueue(clinicId).ingest(clinicId, events, now),
      countRefused: (types) => {
        for (const type of types) c.var.services.metrics.count('pulse_events_ingested_total', { type, result: 'rejected' });
      },
    },
    c.req.valid('json').events,
  );
  return c.json(valueOr(result, { clinic_archived: () => new AppError('UNAUTHORIZED', "This API key's clinic is archived") }), 200);
});
