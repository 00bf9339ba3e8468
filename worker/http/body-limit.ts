import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { AppError, renderError } from '../errors.ts';

/** Every body but ingestion's: forms, settings, sign-in. Far above the largest valid one. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Ingestion takes up to 500 events; the largest valid event (`sms_sent`, every field at its
 * maximum) is under 400 bytes as compact JSON, so 1 KiB each leaves room for indented JSON.
 */
export const INGEST_BODY_LIMIT_BYTES = 500 * 1024 + 1024;

/**
 * Refuses a body over the route's limit with 413 before anything reads or parses it: by its
 * Content-Length when sent, else while streaming (hono/body-limit stops at the limit). Runs before
 * authentication, so an anonymous caller cannot make the Worker hold megabytes either.
 */
export function bodySizeLimit(ingestPath: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const maxSize = c.req.path === ingestPath ? INGEST_BODY_LIMIT_BYTES : DEFAULT_BODY_LIMIT_BYTES;
    const limit = bodyLimit({
      maxSize,
      onError: (context) => renderError(context, new AppError('PAYLOAD_TOO_LARGE', `The body is larger than this route takes (${maxSize} bytes)`, { maxBytes: maxSize })),
    });
    return limit(c, next);
  });
}
