import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { jsonBody } from '../../worker/routes/openapi-helpers.ts';

describe('jsonBody', () => {
  it('should take a strict object schema', () => {
    expect(jsonBody(z.strictObject({ name: z.string() })).body.required).toBe(true);
  });

  it('should refuse, when the app is built, a body that would drop unknown fields in silence', () => {
    expect(() => jsonBody(z.object({ name: z.string() }))).toThrow('a request body must be a strict object schema');
    expect(() => jsonBody(z.looseObject({ name: z.string() }))).toThrow('strict object');
    expect(() => jsonBody(z.array(z.string()))).toThrow('strict object');
  });
});
