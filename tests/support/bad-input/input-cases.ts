import fc from 'fast-check';
import { isSchema, type JsonSchema } from './json-schema.ts';
import type { InputPart, InputRoute } from './input-routes.ts';
import { ABSENT, isPlainObject, mutated } from './mutations.ts';
import { validValue, type Hints } from './valid-values.ts';

/** A body as sent: a JSON value (or none at all), or raw text under some content type. */
export type BodyInput = { kind: 'json'; value: unknown } | { kind: 'text'; text: string; contentType: string | undefined };

/** The input of one request: path parameters, query string and body, before serialisation. */
export interface InputCase {
  params: unknown;
  query: unknown;
  body: BodyInput | undefined;
}

/** One request ready to send, and whether the route's own schemas accept it as the server reads it. */
export interface PreparedRequest {
  method: string;
  /** Path and query string: `/api/v1/admin/clinics?page=2`. */
  target: string;
  contentType: string | undefined;
  body: string | undefined;
  accepted: boolean;
  /** The parts as the server reads them, for a failure message and for predicates on accepted input. */
  seen: { params: Record<string, string>; query: Record<string, string | string[]>; body: unknown };
}

/**
 * Inputs for a route: now and then valid as its schemas describe them, mostly with one part broken
 * (see mutations.ts); a JSON body is sometimes not JSON at all, or sent as another media type.
 * Path parameters are realistic (hints, enum values, fresh ids) unless they are what is broken.
 */
export function inputCases(route: InputRoute, hints: Hints): fc.Arbitrary<InputCase> {
  const valid = fc.record({
    params: route.params === undefined ? fc.constant(undefined) : realisticParams(route.params.json, hints),
    query: route.query === undefined ? fc.constant(undefined) : validValue(route.query.json, hints),
    body: route.body === undefined ? fc.constant(undefined) : validValue(route.body.json, hints).map((value): BodyInput => ({ kind: 'json', value })),
  });
  const broken = valid.chain((input) => {
    const choices: Array<{ weight: number; arbitrary: fc.Arbitrary<InputCase> }> = [];
    const { body, query, params } = route;
    if (body !== undefined) {
      const value = input.body?.kind === 'json' ? input.body.value : {};
      choices.push(
        { weight: 8, arbitrary: mutated(value, body.json, { inUrl: false, keepShape: false }).map((next) => ({ ...input, body: { kind: 'json' as const, value: next } })) },
        { weight: 1, arbitrary: notJson(value).map((next) => ({ ...input, body: next })) },
      );
    }
    if (query !== undefined) choices.push({ weight: 8, arbitrary: mutated(input.query, query.json, { inUrl: true, keepShape: false }).map((next) => ({ ...input, query: next })) });
    if (params !== undefined) choices.push({ weight: choices.length === 0 ? 8 : 1, arbitrary: mutated(input.params, params.json, { inUrl: true, keepShape: true }).map((next) => ({ ...input, params: next })) });
    return fc.oneof(...choices);
  });
  return fc.oneof({ weight: 1, arbitrary: valid }, { weight: 9, arbitrary: broken });
}

function realisticParams(schema: JsonSchema, hints: Hints): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {}).filter((entry): entry is [string, JsonSchema] => isSchema(entry[1]));
  return fc.record(
    Object.fromEntries(
      properties.map(([name, node]) => {
        const hint = hints[name];
        if (hint !== undefined) return [name, hint];
        if (node.enum !== undefined) return [name, fc.constantFrom(...node.enum)];
        // Ids of nothing: the route answers 404 or 409, never 5xx.
        return [name, fc.uuid().map((id) => `bad-input-${id}`)];
      }),
    ),
  );
}

/** A body that is not the JSON the route wants: cut short, with trailing junk, or under another media type. */
function notJson(value: unknown): fc.Arbitrary<BodyInput> {
  const text = JSON.stringify(value === ABSENT ? {} : value) ?? '{}';
  const asJson = (body: string): BodyInput => ({ kind: 'text', text: body, contentType: 'application/json' });
  const firstKey = isPlainObject(value) ? Object.keys(value)[0] : undefined;
  return fc.oneof(
    fc.nat(Math.max(0, text.length - 1)).map((length) => asJson(text.slice(0, length))),
    fc.constantFrom(`${text},`, `${text}}`, `[${text}`, text.replace(/"/g, "'"), `${text.slice(0, -1)},}`, 'NaN', '', 'undefined', '{"a":1}{"b":2}', `\u0000${text}`).map(asJson),
    // The same key twice: JSON.parse keeps the last one, which is what the server reads.
    fc.constant(asJson(firstKey === undefined || !text.endsWith('}') ? text : `${text.slice(0, -1)},${JSON.stringify(firstKey)}:[]}`)),
    fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=pulse', 'application/jsonx', 'application/xml', undefined).map(
      (contentType): BodyInput => ({ kind: 'text', text, contentType }),
    ),
  );
}

/**
 * The request for `input`, and whether the route's schemas accept it as the server will read it:
 * parameters decoded from the path, the query string parsed as Hono parses it (a repeated key is an
 * array), the body through the Fetch API's own JSON reading. Undefined when the input cannot be
 * sent as such (a lone surrogate has no URL form; `..` would move to another path).
 */
export function prepared(route: InputRoute, input: InputCase): PreparedRequest | undefined {
  const params: Record<string, string> = {};
  let path = route.path;
  for (const name of paramNames(route.path)) {
    const text = textOf(isPlainObject(input.params) ? input.params[name] : undefined);
    if (text === '.' || text === '..' || !text.isWellFormed()) return undefined;
    params[name] = text;
    path = path.replace(`{${name}}`, encodeURIComponent(text));
  }
  const search = new URLSearchParams();
  if (isPlainObject(input.query)) {
    for (const [name, value] of Object.entries(input.query)) {
      for (const item of Array.isArray(value) ? value : [value]) if (item !== ABSENT && item !== undefined) search.append(name, textOf(item));
    }
  }
  const queryString = search.toString();
  const query = queryAsHonoReadsIt(queryString);
  const { contentType, body } = bodyOf(input.body);
  const read = bodyAsServerReadsIt(contentType, body);
  const accepted =
    partAccepts(route.params, params) &&
    partAccepts(route.query, query) &&
    (route.body === undefined || (read.ok && partAccepts(route.body, read.value)));
  return {
    method: route.method,
    target: `${path}${queryString === '' ? '' : `?${queryString}`}`,
    contentType,
    body,
    accepted,
    seen: { params, query, body: read.ok ? read.value : body },
  };
}

function paramNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
}

/** How a generated value travels in a URL: text as is, anything else as its JSON. */
function textOf(value: unknown): string {
  if (value === undefined || value === ABSENT) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '';
}

function queryAsHonoReadsIt(queryString: string): Record<string, string | string[]> {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(queryString)) {
    if (name === '') continue;
    grouped.set(name, [...(grouped.get(name) ?? []), value]);
  }
  return Object.fromEntries([...grouped].map(([name, values]) => [name, values.length === 1 ? (values[0] ?? '') : values]));
}

function bodyOf(input: BodyInput | undefined): { contentType: string | undefined; body: string | undefined } {
  if (input === undefined) return { contentType: undefined, body: undefined };
  if (input.kind === 'text') return { contentType: input.contentType, body: input.text };
  const text = input.value === ABSENT ? undefined : JSON.stringify(input.value);
  return text === undefined ? { contentType: undefined, body: undefined } : { contentType: 'application/json', body: text };
}

/**
 * What the JSON validator of the route will hold: the body parsed as the Fetch API's `json()` does
 * (UTF-8 decoding drops a leading byte-order mark), `{}` when nothing was sent, nothing at all when
 * the body is refused before validation (not JSON, another media type: 400 or 415).
 */
function bodyAsServerReadsIt(contentType: string | undefined, body: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (contentType === undefined) return body === undefined || body === '' ? { ok: true, value: {} } : { ok: false };
  if (!/^application\/json(;|$)/i.test(contentType)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse((body ?? '').replace(/^\ufeff/, '')) as unknown };
  } catch {
    return { ok: false };
  }
}

function partAccepts(part: InputPart | undefined, value: unknown): boolean {
  if (part === undefined) return true;
  try {
    return part.zod.safeParse(value).success;
  } catch {
    // A schema that throws is a bug of its own: the server answers 500, and the test says so.
    return false;
  }
}
