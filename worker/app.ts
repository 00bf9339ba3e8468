import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import type { AppEnv } from './app-env.ts';
import { AppError, renderError, toAppError } from './errors.ts';
import { DOCS_PAGE } from './routes/docs-page.ts';
import { healthRoutes } from './routes/health.ts';
import { requestLog } from './services/request-log.ts';
import { services } from './services/services.ts';

/** Every API path lives under this prefix; the PWA owns everything else. */
export const API_PREFIX = '/api/v1';

/**
 * The Hono app: middleware, one sub-app per resource, the generated OpenAPI document,
 * and the one error shape for everything that goes wrong (validation, 404, exceptions).
 */
export function createApp() {
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
  app.use(`${API_PREFIX}/*`, services);

  const routes = app.route(API_PREFIX, healthRoutes);

  app.doc31(`${API_PREFIX}/openapi.json`, (c) => ({
    openapi: '3.1.0',
    info: { title: 'Pulse API', version: c.env.APP_VERSION, description: 'Live analytics and alerting for walk-in clinic queues.' },
  }));
  app.get(`${API_PREFIX}/docs`, (c) => c.html(DOCS_PAGE));

  app.notFound((c) => renderError(c, new AppError('NOT_FOUND', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`)));
  app.onError((error, c) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') c.var.logger.error('unhandled error', error, { requestId: c.var.requestId });
    return renderError(c, appError);
  });
  return routes;
}

/** The API's type, for the PWA's typed client (`hc<AppType>`); only `import type` crosses over. */
export type AppType = ReturnType<typeof createApp>;
