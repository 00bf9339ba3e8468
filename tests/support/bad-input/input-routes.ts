import type { OpenAPIHono, z } from '@hono/zod-openapi';
import { routePolicies } from '../../../worker/auth/authorize.ts';
import type { Policy } from '../../../worker/auth/policy.ts';
import { requestJsonSchema, UnsupportedSchemaError, type JsonSchema } from './json-schema.ts';

/** One part of a request the route validates: its zod schema and what the generator reads of it. */
export interface InputPart {
  zod: z.ZodType;
  json: JsonSchema;
}

/** A route that takes input, with everything the generator needs to know about it. */
export interface InputRoute {
  /** `POST /api/v1/admin/clinics`, as the route table and the summary name it. */
  name: string;
  method: string;
  /** OpenAPI form, `/api/v1/clinics/{clinicId}/api-keys`. */
  path: string;
  policy: Policy;
  params: InputPart | undefined;
  query: InputPart | undefined;
  body: InputPart | undefined;
}

export interface RouteSurvey {
  /** Every write route that takes input, and every read route with a query string. */
  underTest: InputRoute[];
  /** Write routes that take no input at all (log out, send a test push): nothing to get wrong. */
  withoutInput: string[];
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface RouteDefinition {
  method: string;
  path: string;
  request?: {
    params?: unknown;
    query?: unknown;
    body?: { content?: Record<string, { schema?: unknown }> };
  };
}

/**
 * The app's routes read from its own OpenAPI registry (schemas) and route table (policies), so a
 * route added later is covered with no edit of the tests. Throws when a write route or a read
 * route with a query string has no schema the generator understands — a hand-written route
 * without one, a body that is not JSON, a zod type with no JSON Schema.
 */
export function surveyRoutes(app: Pick<OpenAPIHono, 'openAPIRegistry' | 'routes'>): RouteSurvey {
  const policies = new Map(routePolicies(app.routes).map((route) => [`${route.method} ${route.path}`, route.policy]));
  const defined = new Map<string, RouteDefinition>();
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const route = definition.route as RouteDefinition;
    defined.set(`${route.method.toUpperCase()} ${honoPath(route.path)}`, route);
  }
  const underTest: InputRoute[] = [];
  const withoutInput: string[] = [];
  for (const [key, policy] of policies) {
    const [method = '', path = ''] = key.split(' ');
    const definition = defined.get(key);
    if (definition === undefined) {
      if (WRITES.has(method)) throw new UnsupportedSchemaError(key, 'a write route with no schema in the OpenAPI registry (define it with createRoute)');
      continue;
    }
    const name = `${method} ${path}`;
    const params = partOf(definition.request?.params, `${name} (path)`);
    const query = partOf(definition.request?.query, `${name} (query)`);
    const body = bodyOf(definition, name);
    const takesInput = params !== undefined || query !== undefined || body !== undefined;
    if (WRITES.has(method) && !takesInput) withoutInput.push(name);
    else if (WRITES.has(method) || query !== undefined) {
      underTest.push({ name, method, path: definition.path, policy, params, query, body });
    }
  }
  return { underTest, withoutInput };
}

function honoPath(openApiPath: string): string {
  return openApiPath.replace(/\{([^}]+)\}/g, ':$1');
}

function partOf(schema: unknown, where: string): InputPart | undefined {
  if (schema === undefined) return undefined;
  if (!isZod(schema)) throw new UnsupportedSchemaError(where, 'not a zod schema');
  return { zod: schema, json: requestJsonSchema(schema, where) };
}

function bodyOf(definition: RouteDefinition, name: string): InputPart | undefined {
  const content = definition.request?.body?.content;
  if (content === undefined) return undefined;
  const types = Object.keys(content);
  if (types.some((type) => type !== 'application/json')) throw new UnsupportedSchemaError(name, `a body of ${types.join(', ')} (only JSON bodies are generated)`);
  return partOf(content['application/json']?.schema, `${name} (body)`);
}

function isZod(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value && 'safeParse' in value && typeof value.safeParse === 'function';
}
