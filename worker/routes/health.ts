import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { DurableObjects } from '../runtime/durable-objects.ts';
import { probeDatabase } from '../../db/health.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize } from '../auth/authorize.ts';
import { PUBLIC } from '../auth/policy.ts';
import { mailLoginProblem } from '../mail/config.ts';
import { MAIL_TRANSPORTS } from '../mail/mailer.ts';
import { HEALTH_PARTS, healthReport, type HealthReport, type Probe } from '../metrics/health-report.ts';
import type { MetricsStatus } from '../metrics/status.ts';
import { CRON_SCHEDULES } from '../scheduled.ts';

/** A Durable Object that has not answered by then counts as unreachable: health must answer. */
const DURABLE_OBJECT_TIMEOUT_MS = 5_000;

const ProbeSchema = z.object({
  reachable: z.boolean(),
  latencyMs: z.number().nullable(),
  error: z.string().optional(),
});

const HealthReportSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    time: z.string().datetime(),
    failing: z.array(z.enum(HEALTH_PARTS)).openapi({ description: 'The parts that fail; empty when ok' }),
    database: ProbeSchema.openapi({ description: 'A trivial libSQL round trip' }),
    durableObject: ProbeSchema.openapi({ description: 'A round trip to the Metrics Durable Object, which also answers the outbox and cron figures' }),
    outbox: z
      .object({
        backlogRows: z.number().int().nullable(),
        clinicsBehind: z.number().int().nullable(),
        lagSeconds: z.number().nullable(),
        maxLagSeconds: z.number(),
      })
      .openapi({ description: "The clinic queues' write-behind to libSQL: rows waiting, clinics behind, age of the oldest row" }),
    cron: z
      .record(
        z.string(),
        z.object({ schedule: z.string(), lastSuccessAt: z.string().datetime().nullable(), staleAfterSeconds: z.number(), stale: z.boolean().nullable() }),
      )
      .openapi({ description: 'Each scheduled job: its last success and whether it is stale' }),
    mail: z
      .object({
        transport: z.enum(MAIL_TRANSPORTS),
        state: z.enum(['ok', 'misconfigured', 'login_refused']),
        problem: z.string().nullable(),
        lastLoginAcceptedAt: z.string().datetime().nullable(),
        lastLoginRefusedAt: z.string().datetime().nullable(),
      })
      .openapi({ description: "E-mail: a transport missing its SMTP login, or an SMTP server that refused Pulse's login on the latest send (those messages are being retried)" }),
  })
  .openapi('HealthReport');

const LiveSchema = z.object({ status: z.literal('ok') }).openapi('Liveness');

const getHealth = createRoute({
  method: 'get',
  path: '/health',
  tags: ['health'],
  summary: 'Service health: database, Durable Objects, write-behind backlog, cron jobs, e-mail, version',
  middleware: [authorize(PUBLIC)] as const,
  responses: {
    200: { description: 'Every part answers', content: { 'application/json': { schema: HealthReportSchema } } },
    503: { description: 'A part is failing; the same report says which', content: { 'application/json': { schema: HealthReportSchema } } },
  },
});

const getLive = createRoute({
  method: 'get',
  path: '/health/live',
  tags: ['health'],
  summary: 'Liveness: the Worker answers (it asks nothing else)',
  middleware: [authorize(PUBLIC)] as const,
  responses: { 200: { description: 'The Worker runs', content: { 'application/json': { schema: LiveSchema } } } },
});

/** The Metrics object's status and how long the round trip took, or why it failed. */
async function probeMetricsObject(metricsObject: DurableObjects['metrics'], now: number): Promise<{ probe: Probe; status: MetricsStatus | null }> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DURABLE_OBJECT_TIMEOUT_MS} ms`)), DURABLE_OBJECT_TIMEOUT_MS);
  });
  try {
    const status = await Promise.race([metricsObject().status(now), timeout]);
    return { probe: { reachable: true, latencyMs: Math.max(0, performance.now() - started) }, status };
  } catch (error) {
    return { probe: { reachable: false, latencyMs: null, error: error instanceof Error ? error.message.slice(0, 200) : 'unknown error' }, status: null };
  } finally {
    clearTimeout(timer);
  }
}

/** Public: the PWA's first screen and load balancers read them; they reveal no data. */
export const healthRoutes = new OpenAPIHono<AppEnv>()
  .openapi(getHealth, async (c) => {
    const { db, clock, config } = c.var.services;
    const now = clock.now();
    const [database, metrics] = await Promise.all([probeDatabase(db, () => performance.now()), probeMetricsObject(c.var.services.durableObjects.metrics, now)]);
    const report: HealthReport = healthReport({
      version: config.appVersion,
      now,
      database,
      durableObject: metrics.probe,
      status: metrics.status,
      jobs: CRON_SCHEDULES,
      mail: { transport: config.mail.transport.kind, problem: mailLoginProblem(config.mail) },
    });
    c.header('Cache-Control', 'no-store');
    return report.status === 'ok' ? c.json(report, 200) : c.json(report, 503);
  })
  .openapi(getLive, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' as const }, 200);
  });
