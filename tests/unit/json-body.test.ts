import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { jsonBody } from '../../worker/routes/openapi-helpers.ts';

describe('jsonBody', () => {
  it('should take a strict object schema', () => {
    expect(jsonBody(z.strictObject({ name: z.string() })).body.required).toBe(true);
  });

  it('should refuse half of a character anywhere in a body, naming where', () => {
    const schema = jsonBody(z.strictObject({ name: z.string(), tags: z.array(z.string()) })).body.content['application/json'].schema;
    expect(schema.safeParse({ name: 'Cabinet 🩺', tags: ['ok'] }).success).toBe(true);
    const refused = schema.safeParse({ name: 'ok', tags: ['fine', 'half \ud800'] });
    expect(refused.error?.issues).toEqual([expect.objectContaining({ path: ['tags', 1], message: 'contains half of a character (a lone UTF-16 surrogate)' })]);
    expect(schema.safeParse({ name: '\udc00', tags: [] }).success).toBe(false);
  });

  it('should walk a body nested 100,000 deep without exhausting the stack', () => {
    const schema = jsonBody(z.strictObject({ events: z.array(z.unknown()) })).body.content['application/json'].schema;
    const deep = JSON.parse(`{"events":${'['.repeat(100_000)}"\\ud800"${']'.repeat(100_000)}}`);
    expect(schema.safeParse(deep).error?.issues[0]?.message).toBe('contains half of a character (a lone UTF-16 surrogate)');
  });

  it('should refuse, when the app is built, a body that would drop unknown fields in silence', () => {
    expect(() => jsonBody(z.object({ name: z.string() }))).toThrow('a request body must be a strict object schema');
    expect(() => jsonBody(z.looseObject({ name: z.string() }))).toThrow('strict object');
    expect(() => jsonBody(z.array(z.string()))).toThrow('strict object');
  });
});
