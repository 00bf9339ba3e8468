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

/**
 * A route's JSON body. Bodies are strict objects (`z.strictObject`): an unknown field is refused
 * rather than dropped in silence, so a typo or a smuggled field never passes for a valid request.
 * A route whose schema is not one fails when the app is built.
 */
export function jsonBody<T extends z.ZodType>(schema: T) {
  if (!(schema instanceof z.ZodObject) || schema.def.catchall?._zod.def.type !== 'never') {
    throw new Error('a request body must be a strict object schema (z.strictObject)');
  }
  return { body: { required: true, content: { 'application/json': { schema: schema.superRefine(refuseHalfCharacters) } } } };
}

/**
 * JSON may carry half of a character (`"\ud800"`), which has no UTF-8 form: libSQL cannot store
 * it and no person typed it. Refused in any string or key of any body, at its path.
 */
function refuseHalfCharacters(value: unknown, context: z.RefinementCtx, path: PropertyKey[] = []): void {
  if (typeof value === 'string') {
    if (!value.isWellFormed()) context.addIssue({ code: 'custom', path, message: 'contains half of a character (a lone UTF-16 surrogate)' });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value)) {
    if (!key.isWellFormed()) context.addIssue({ code: 'custom', path, message: 'a field name contains half of a character' });
    refuseHalfCharacters(inner, context, [...path, Array.isArray(value) ? Number(key) : key]);
  }
}

/** A path parameter that is some entity's id: bounded so it cannot carry a payload. */
export const IdParam = z.string().min(1).max(64);
