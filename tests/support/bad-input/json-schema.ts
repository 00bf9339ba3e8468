import { z } from '@hono/zod-openapi';

/**
 * A route's request schema as the generator reads it: zod's own JSON Schema (draft 2020-12) of the
 * schema's input side, the public and stable description of what zod checks structurally (types,
 * bounds, patterns, formats, enums, required and unknown keys). Refinements are opaque functions
 * and do not appear here: whether a generated value is valid is always decided by the route's zod
 * schema itself (`safeParse`), never by this description.
 */
export type JsonSchema = z.core.JSONSchema.JSONSchema;

/** A schema the generator cannot produce values for: the test fails, naming the route and the spot. */
export class UnsupportedSchemaError extends Error {
  constructor(where: string, detail: string) {
    super(`${where}: ${detail} — teach tests/support/bad-input/ about it, or describe the input with zod types it knows`);
    this.name = 'UnsupportedSchemaError';
  }
}

/** Keywords that describe without constraining. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'id', 'title', 'description', 'deprecated', 'readOnly', 'writeOnly', 'default', 'examples', '$defs', '_prefault']);

/** Keywords the generator understands; any other one makes it refuse the schema. */
const UNDERSTOOD = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'propertyNames', 'items', 'minItems', 'maxItems', 'enum', 'const',
  'anyOf', 'oneOf', 'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'multipleOf', '$ref', 'allOf',
]);

/** String formats zod writes that the generator has arbitraries for. */
export const KNOWN_FORMATS = new Set(['email', 'uri', 'date', 'date-time', 'time', 'uuid', 'guid', 'ipv4', 'ipv6', 'base64url', 'duration']);

/**
 * The JSON Schema of a request part (body, query or path parameters), every `$ref` inlined, checked
 * to use only what the generator understands. Throws `UnsupportedSchemaError` otherwise.
 */
export function requestJsonSchema(schema: z.ZodType, where: string): JsonSchema {
  let document: JsonSchema;
  try {
    document = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });
  } catch (error) {
    throw new UnsupportedSchemaError(where, `zod cannot describe it (${error instanceof Error ? error.message : String(error)})`);
  }
  const definitions = document.$defs ?? {};
  const inlined = inline(document, definitions, where, []);
  check(inlined, where, []);
  return inlined;
}

function inline(node: JsonSchema, definitions: Record<string, JsonSchema>, where: string, seen: string[]): JsonSchema {
  if (node.$ref !== undefined) {
    const name = /^#\/\$defs\/(.+)$/.exec(node.$ref)?.[1];
    const target = name === undefined ? undefined : definitions[name];
    if (name === undefined || target === undefined) throw new UnsupportedSchemaError(where, `a reference it cannot follow (${node.$ref})`);
    if (seen.includes(name)) throw new UnsupportedSchemaError(where, `a recursive schema (${name})`);
    const { $ref: _reference, ...rest } = node;
    return inline({ ...target, ...rest }, definitions, where, [...seen, name]);
  }
  const copy: JsonSchema = { ...node };
  delete copy.$defs;
  const child = (value: unknown) => (isSchema(value) ? inline(value, definitions, where, seen) : value);
  if (copy.properties !== undefined) copy.properties = Object.fromEntries(Object.entries(copy.properties).map(([key, value]) => [key, child(value) as JsonSchema]));
  for (const key of ['items', 'additionalProperties', 'propertyNames'] as const) {
    if (isSchema(copy[key])) copy[key] = inline(copy[key], definitions, where, seen);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = copy[key];
    if (list !== undefined) copy[key] = list.map((member) => inline(member, definitions, where, seen));
  }
  return copy;
}

function check(node: JsonSchema, where: string, path: string[]): void {
  const at = path.length === 0 ? 'the schema' : path.join('.');
  for (const key of Object.keys(node)) {
    if (!ANNOTATIONS.has(key) && !UNDERSTOOD.has(key)) throw new UnsupportedSchemaError(where, `${at} uses "${key}"`);
  }
  if (node.format !== undefined && !KNOWN_FORMATS.has(node.format)) throw new UnsupportedSchemaError(where, `${at} has the string format "${node.format}"`);
  if (Array.isArray(node.items)) throw new UnsupportedSchemaError(where, `${at} is a tuple`);
  if (node.allOf !== undefined && node.allOf.length > 1) throw new UnsupportedSchemaError(where, `${at} is an intersection`);
  for (const [key, value] of Object.entries(node.properties ?? {})) if (isSchema(value)) check(value, where, [...path, key]);
  for (const key of ['items', 'additionalProperties', 'propertyNames'] as const) {
    const value = node[key];
    if (isSchema(value)) check(value, where, [...path, key === 'items' ? '[]' : `{${key}}`]);
  }
  for (const member of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) check(member, where, path);
}

export function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON types a node admits; empty means any JSON value (`z.unknown()`). */
export function typesOf(node: JsonSchema): string[] {
  if (node.const !== undefined) return [jsonTypeOf(node.const)];
  if (node.enum !== undefined) return [...new Set(node.enum.map(jsonTypeOf))];
  if (node.type === undefined) return [];
  return Array.isArray(node.type) ? node.type : [node.type];
}

export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The one member of a single-member `allOf` (zod writes one for some wrappers), else the node. */
export function unwrapped(node: JsonSchema): JsonSchema {
  const [only] = node.allOf ?? [];
  if (only === undefined) return node;
  const { allOf: _allOf, ...rest } = node;
  return unwrapped({ ...only, ...rest });
}
