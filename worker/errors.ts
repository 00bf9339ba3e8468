import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDatabaseUnreachable } from '../db/errors.ts';

/** Every error code the API answers with, and its HTTP status (PRODUCT.md, "Error shape"). */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** An event or reception action the queue cannot take in its current state. */
  INVALID_TRANSITION: 409,
  /** The body is larger than the route takes (worker/http/body-limit.ts); refused unread. */
  PAYLOAD_TOO_LARGE: 413,
  INSUFFICIENT_DATA: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorDetails = Record<string, unknown>;

/** The one error body of the API, for the OpenAPI document. */
export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .openapi('Error');

export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** An expected failure, thrown from a route and rendered by `renderError`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}

export function errorBody(code: ErrorCode, message: string, details: ErrorDetails = {}): ErrorResponse {
  return { error: { code, message, details } };
}

/** Hono's own exceptions (malformed JSON, body too large…) mapped onto our codes. */
function codeForStatus(status: number): ErrorCode {
  const known = Object.entries(ERROR_STATUS).find(([, value]) => value === status);
  if (known) return known[0] as ErrorCode;
  return status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
}

/** Turns anything thrown while handling a request into the one error shape. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    const code = codeForStatus(error.status);
    return new AppError(code, code === 'INTERNAL' ? 'Internal error' : error.message || code);
  }
  if (isDatabaseUnreachable(error)) return new AppError('UNAVAILABLE', 'The database cannot be reached right now; try again shortly');
  return new AppError('INTERNAL', 'Internal error');
}

export function renderError(c: Context, error: AppError): Response {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(errorBody(error.code, error.message, error.details), error.status);
}
