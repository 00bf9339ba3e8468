import { z } from '@hono/zod-openapi';
import { ERROR_STATUS, ErrorResponseSchema, type ErrorCode } from '../errors.ts';

/** The documented error responses of a route, all in the one error shape. */
export function errorResponses(...codes: ErrorCode[]) {
  return Object.fromEntries(
    codes.map((code) => [ERROR_STATUS[code], { description: code, content: { 'application/json': { schema: ErrorResponseSchema } } }]),
  );
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } };
}

/** A path parameter that is some entity's id: bounded so it cannot carry a payload. */
export const IdParam = z.string().min(1).max(64);
