import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { authorize } from '../auth/authorize.ts';
import { QUEUE_APP } from '../auth/policy.ts';
import { queueEventSchema, type QueueEvent } from '../domain/queue-events.ts';
import { EVENT_TYPES } from '../domain/vocabulary.ts';
import { AppError } from '../errors.ts';
import { metricsContextOf } from '../metrics/request-metrics.ts';
import { recordMetrics } from '../metrics/recorder.ts';
import { clinicQueueOf } from '../services/clinic-queue-stub.ts';
import { errorResponses, jsonBody, jsonContent } from './openapi-helpers.ts';

/** PRODUCT: 1–500 events per request; larger batches are split by the queue app. */
const MAX_EVENTS = 500;

const IngestResultSchema = z
  .object({
    accepted: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.array(z.object({ id: z.string(), error: z.object({ code: z.string(), message: z.string() }) })),
  })
  .openapi('IngestResult');

const ingestEvents = createRoute({
  method: 'post',
  path: '/ingest/events',
  tags: ['ingestion'],
  summary: "The queue app's events for its clinic; each id is applied once, however often it is sent",
  middleware: [authorize(QUEUE_APP)] as const,
  // Each event is checked on its own below, so one bad event does not sink the batch.
  request: jsonBody(z.strictObject({ events: z.array(z.unknown()).min(1).max(MAX_EVENTS) })),
  responses: {
    200: jsonContent(IngestResultSchema, 'What was accepted, what was a resend, what was refused and why'),
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'UNAVAILABLE'),
  },
});

/** The `type` label of an event refused by its schema: its type when it names a known one. */
function typeLabelOf(raw: unknown): string {
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? raw.type : undefined;
  return EVENT_TYPES.find((known) => known === type) ?? 'invalid';
}

function idOf(raw: unknown, index: number): string {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string') return raw.id.slice(0, 64);
  return `#${index}`;
}

export const ingestRoutes = new OpenAPIHono<AppEnv>().openapi(ingestEvents, async (c) => {
  const valid: QueueEvent[] = [];
  const rejected: Array<{ id: string; error: { code: string; message: string } }> = [];
  const refusedTypes: string[] = [];
  c.req.valid('json').events.forEach((raw, index) => {
    const parsed = queueEventSchema.safeParse(raw);
    if (parsed.success) valid.push(parsed.data);
    else {
      const message = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`).join('; ');
      rejected.push({ id: idOf(raw, index), error: { code: 'VALIDATION_FAILED', message } });
      refusedTypes.push(typeLabelOf(raw));
    }
  });
  // Events the schemas refuse never reach the clinic's queue, which counts all the others.
  if (refusedTypes.length > 0) {
    recordMetrics(metricsContextOf(c), (metrics) => {
      for (const type of refusedTypes) metrics.count('pulse_events_ingested_total', { type, result: 'rejected' });
    });
  }
  const outcome = valid.length > 0 ? await clinicQueueOf(c.env, c.var.clinicId).ingest(c.var.clinicId, valid, c.var.services.clock.now()) : { archived: false, accepted: 0, duplicates: 0, rejected: [] };
  // A key this isolate still trusted (authenticate.ts) for a clinic archived since: refused all the same.
  if (outcome.archived) throw new AppError('UNAUTHORIZED', "This API key's clinic is archived");
  return c.json({ accepted: outcome.accepted, duplicates: outcome.duplicates, rejected: [...rejected, ...outcome.rejected] }, 200);
});
