import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import type { AppEnv } from './app-env.ts';
import { authorize, routePolicies } from './auth/authorize.ts';
import { PUBLIC } from './auth/policy.ts';
import { AppError, renderError, toAppError } from './errors.ts';
import { adminClinicRoutes } from './routes/admin-clinics.ts';
import { adminErasureRoutes } from './routes/admin-erasure.ts';
import { adminClinicsExportRoutes } from './routes/admin-clinics-export.ts';
import { adminFunnelRoutes } from './routes/admin-funnel.ts';
import { adminRevenueRoutes } from './routes/admin-revenue.ts';
import { alertRoutes } from './routes/alerts.ts';
import { annotationRoutes } from './routes/annotations.ts';
import { adminMetricsRoutes } from './routes/admin-metrics.ts';
import { adminSecurityRoutes } from './routes/admin-security.ts';
import { adminErrorRoutes } from './routes/admin-errors.ts';
import { adminJobRoutes } from './routes/admin-jobs.ts';
import { adminQuickActionRoutes } from './routes/admin-quick-actions.ts';
import { adminUserRoutes } from './routes/admin-users.ts';
import { apiKeyRoutes } from './routes/api-keys.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { clinicRoutes } from './routes/clinics.ts';
import { docsRoutes } from './routes/docs.ts';
import { forecastRoutes } from './routes/forecasts.ts';
import { healthRoutes } from './routes/health.ts';
import { historyRoutes } from './routes/history.ts';
import { historyExportRoutes } from './routes/history-export.ts';
import { ingestRoutes } from './routes/ingest.ts';
import { invitationRoutes } from './routes/invitations.ts';
import { memberRoutes } from './routes/members.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { pushRoutes } from './routes/push.ts';
import { queueRoutes } from './routes/queue.ts';
import { reportRoutes } from './routes/reports.ts';
import { settingsRoutes } from './routes/settings.ts';
import { TICKET_PAGE_PREFIX, ticketPageRoutes } from './routes/ticket-page.ts';
import { ticketRoutes } from './routes/tickets.ts';
import { serviceTargetRoutes } from './routes/service-target.ts';
import { smsBudgetRoutes } from './routes/sms-budget.ts';
import { shareLinkRoutes } from './routes/share-links.ts';
import { sharedRoutes } from './routes/shared.ts';
import { bodySizeLimit } from './http/body-limit.ts';
import { requestLog } from './http/request-log.ts';
import { requestMetrics } from './http/request-metrics.ts';
import { requestRuntime } from './http/request-runtime.ts';
import { securityHeaders } from './http/security-headers.ts';
import type { Clock } from './runtime/clock.ts';

/** Every API path lives under this prefix; the PWA owns everything else. */
export const API_PREFIX = '/api/v1';
const OPENAPI_PATH = `${API_PREFIX}/openapi.json`;
const METRICS_PATH = '/metrics';

/**
 * The Hono app: middleware, one sub-app per resource, the generated OpenAPI document, and the one
 * error shape for everything that goes wrong (validation, 404, exceptions). Building it fails if
 * any route lacks a policy.
 */
export function createApp(options: { clock?: Clock } = {}) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError('VALIDATION_FAILED', 'The request is not valid', {
          issues: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
        });
      }
    },
  });

  app.use('*', requestId());
  app.use('*', requestLog);
  app.use('*', requestMetrics);
  app.use('*', securityHeaders);
  app.use(`${API_PREFIX}/*`, bodySizeLimit(`${API_PREFIX}/ingest/events`));
  app.use(`${API_PREFIX}/*`, requestRuntime(options.clock));
  app.use(METRICS_PATH, requestRuntime(options.clock));
  app.use(`${TICKET_PAGE_PREFIX}/*`, requestRuntime(options.clock));

  const routes = app
    .route(API_PREFIX, healthRoutes)
    .route(API_PREFIX, authRoutes)
    .route(API_PREFIX, clinicRoutes)
    .route(API_PREFIX, apiKeyRoutes)
    .route(API_PREFIX, invitationRoutes)
    .route(API_PREFIX, memberRoutes)
    // Before the clinic console: its `/admin/clinics/{clinicId}/{action}` would take `erase` for an action.
    .route(API_PREFIX, adminErasureRoutes)
    .route(API_PREFIX, adminUserRoutes)
    .route(API_PREFIX, adminMetricsRoutes)
    .route(API_PREFIX, adminFunnelRoutes)
    .route(API_PREFIX, adminRevenueRoutes)
    .route(API_PREFIX, adminSecurityRoutes)
    .route(API_PREFIX, adminJobRoutes)
    .route(API_PREFIX, adminErrorRoutes)
    .route(API_PREFIX, adminQuickActionRoutes)
    .route(API_PREFIX, adminClinicsExportRoutes)
    .route(API_PREFIX, adminClinicRoutes)
    .route(API_PREFIX, auditRoutes)
    .route(API_PREFIX, ingestRoutes)
    .route(API_PREFIX, ticketRoutes)
    .route(API_PREFIX, queueRoutes)
    .route(API_PREFIX, historyRoutes)
    .route(API_PREFIX, historyExportRoutes)
    .route(API_PREFIX, annotationRoutes)
    .route(API_PREFIX, forecastRoutes)
    .route(API_PREFIX, alertRoutes)
    .route(API_PREFIX, pushRoutes)
    .route(API_PREFIX, settingsRoutes)
    .route(API_PREFIX, serviceTargetRoutes)
    .route(API_PREFIX, smsBudgetRoutes)
    .route(API_PREFIX, shareLinkRoutes)
    .route(API_PREFIX, sharedRoutes)
    .route(API_PREFIX, reportRoutes)
    .route(API_PREFIX, docsRoutes);

  // Prometheus scrapes outside the API (wrangler.toml run_worker_first lists it).
  app.route('/', metricsRoutes);
  // Patients' ticket pages, outside the API too (run_worker_first lists /t/*).
  app.route('/', ticketPageRoutes);

  app.get(OPENAPI_PATH, authorize(PUBLIC));
  app.doc31(OPENAPI_PATH, (c) => ({
    openapi: '3.1.0',
    info: { title: 'Pulse API', version: c.env.APP_VERSION, description: 'Live analytics and alerting for walk-in clinic queues.' },
  }));

  app.notFound((c) => renderError(c, new AppError('NOT_FOUND', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`)));
  // The request's log line carries the error and its stack (request-log.ts): one line per request.
  app.onError((error, c) => renderError(c, toAppError(error)));

  routePolicies(app.routes);
  return routes;
}

/** The API's type, for the PWA's typed client (`hc<AppType>`); only `import type` crosses over. */
export type AppType = ReturnType<typeof createApp>;
