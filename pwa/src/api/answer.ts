import type { z } from 'zod';
import { UnexpectedAnswerError } from './errors';

/**
 * Checks an answer of the API against its schema; a mismatch names the first field that broke the
 * contract. Parsed without zod's compiled parsers: wire.ts, in the first bundle, turned them off
 * before any screen that calls this could load.
 */
export function parseAnswer<Schema extends z.ZodType>(schema: Schema, what: string, value: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UnexpectedAnswerError(`${what}: ${parsed.error.issues[0]?.path.join('.') ?? 'malformed'}`);
  return parsed.data;
}
