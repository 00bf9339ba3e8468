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

/** An export's 200 answer: CSV text (worker/http/csv-download.ts writes it). */
export function csvContent(description: string) {
  return { description, content: { 'text/csv': { schema: z.string() } } };
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
 * it and no person typed it. Refused in any string or key of any body, at its path. The walk keeps
 * its own stack: a body nested tens of thousands deep (ingestion's events are `unknown` until each
 * is checked) must not exhaust the call stack.
 */
function refuseHalfCharacters(body: unknown, context: z.RefinementCtx): void {
  // Each step links to its parent: the path is spelled out only for an issue, never copied per level.
  interface Step { value: unknown; key: PropertyKey | null; parent: Step | null }
  const pathOf = (step: Step | null): PropertyKey[] => {
    const path: PropertyKey[] = [];
    for (let at = step; at !== null && at.key !== null; at = at.parent) path.unshift(at.key);
    return path;
  };
  const pending: Step[] = [{ value: body, key: null, parent: null }];
  for (let step = pending.pop(); step !== undefined; step = pending.pop()) {
    const { value } = step;
    if (typeof value === 'string') {
      if (!value.isWellFormed()) context.addIssue({ code: 'custom', path: pathOf(step), message: 'contains half of a character (a lone UTF-16 surrogate)' });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, inner] of Object.entries(value)) {
      if (!key.isWellFormed()) context.addIssue({ code: 'custom', path: pathOf(step), message: 'a field name contains half of a character' });
      if (typeof inner === 'object' || typeof inner === 'string') pending.push({ value: inner, key: Array.isArray(value) ? Number(key) : key, parent: step });
    }
  }
}

/** A path parameter that is some entity's id: bounded so it cannot carry a payload. */
export const IdParam = z.string().min(1).max(64);
