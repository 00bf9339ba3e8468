import fc from 'fast-check';
import { isSchema, typesOf, unwrapped, type JsonSchema } from './json-schema.ts';

/**
 * Realistic values for fields a schema cannot say enough about, by field name: the world's clinic
 * ids, real time zones, push keys of the right length. A refinement is an opaque function, so a
 * value it accepts can only come from someone who knows the field. Hints are mixed with values
 * drawn from the schema, never replace them.
 */
export type Hints = Readonly<Record<string, fc.Arbitrary<unknown>>>;

/** Below this many characters or items, generated values stay short: bounds are probed by mutations. */
const SPAN = 24;

/**
 * Values the schema's structure admits: the starting points that mutations then break one thing
 * of. Whether one is really valid (refinements, trims, formats zod checks more tightly) is decided
 * by the route's zod schema, not here.
 */
export function validValue(node: JsonSchema, hints: Hints, field?: string): fc.Arbitrary<unknown> {
  const drawn = fromSchema(unwrapped(node), hints);
  const hint = field === undefined ? undefined : hints[field];
  const examples = node.examples ?? [];
  const choices = [
    { weight: 2, arbitrary: drawn },
    ...(hint === undefined ? [] : [{ weight: 6, arbitrary: hint }]),
    ...(examples.length === 0 ? [] : [{ weight: 2, arbitrary: fc.constantFrom(...examples) }]),
  ];
  return choices.length === 1 ? drawn : fc.oneof(...choices);
}

function fromSchema(node: JsonSchema, hints: Hints): fc.Arbitrary<unknown> {
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum !== undefined) return fc.constantFrom(...node.enum);
  const members = node.anyOf ?? node.oneOf;
  if (members !== undefined) return fc.oneof(...members.map((member) => validValue(member, hints)));
  const types = typesOf(node);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(...types.map((type) => ofType(type, node, hints)));
}

function ofType(type: string, node: JsonSchema, hints: Hints): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringValue(node);
    case 'integer': {
      const [min, max] = bounds(node, true);
      return min === max ? fc.constant(min) : fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
    }
    case 'number': {
      const [min, max] = bounds(node, false);
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayValue(node, hints);
    case 'object':
      return objectValue(node, hints);
    default:
      throw new Error(`no values for the JSON type ${type}`);
  }
}

/**
 * The schema's bounds, kept within ±10⁹ so values stay plain (and within fast-check's 32-bit
 * integers); huge numbers are a mutation. A range lying wholly outside is taken as it is.
 */
function bounds(node: JsonSchema, integer: boolean): [number, number] {
  const step = integer ? 1 : Number.EPSILON * 1024;
  const low = Math.max(node.minimum ?? -Infinity, typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum + step : -Infinity);
  const high = Math.min(node.maximum ?? Infinity, typeof node.exclusiveMaximum === 'number' ? node.exclusiveMaximum - step : Infinity);
  const min = Math.max(low, -1e9);
  const max = Math.min(high, 1e9);
  if (min <= max) return [min, max];
  const only = low > 1e9 ? low : high;
  return [only, only];
}

function stringValue(node: JsonSchema): fc.Arbitrary<string> {
  const minLength = node.minLength ?? 0;
  const maxLength = Math.min(node.maxLength ?? minLength + SPAN, minLength + SPAN);
  if (node.format !== undefined) {
    const formatted = formatValue(node.format);
    if (formatted !== undefined) return formatted;
  }
  if (node.pattern !== undefined) return fc.stringMatching(new RegExp(node.pattern));
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength }) },
  );
}

function formatValue(format: string): fc.Arbitrary<string> | undefined {
  switch (format) {
    case 'email':
      // zod's e-mail pattern is narrower than RFC 5322: plain local parts and host names.
      return fc
        .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}[a-z0-9]$/), fc.stringMatching(/^[a-z0-9]{1,12}$/), fc.constantFrom('tn', 'fr', 'com', 'pulse'))
        .filter(([local]) => !local.includes('..'))
        .map(([local, host, tld]) => `${local}@${host}.${tld}`);
    case 'uri':
      return fc.webUrl({ validSchemes: ['https', 'http'] });
    case 'date':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());
    case 'uuid':
    case 'guid':
      return fc.uuid();
    default:
      return undefined;
  }
}

function arrayValue(node: JsonSchema, hints: Hints): fc.Arbitrary<unknown[]> {
  const items = isSchema(node.items) ? node.items : {};
  const minLength = node.minItems ?? 0;
  return fc.array(validValue(items, hints), { minLength, maxLength: Math.min(node.maxItems ?? minLength + 4, minLength + 4) });
}

function objectValue(node: JsonSchema, hints: Hints): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(node.properties ?? {}).filter((entry): entry is [string, JsonSchema] => isSchema(entry[1]));
  const required = new Set(node.required ?? []);
  const known = fc.record(Object.fromEntries(properties.map(([key, schema]) => [key, validValue(schema, hints, key)])), {
    requiredKeys: properties.map(([key]) => key).filter((key) => required.has(key)),
  });
  const extra = node.additionalProperties;
  if (!isSchema(extra)) return known;
  // A record (`z.record`): keys as its key schema says, a few of them.
  const keys = isSchema(node.propertyNames) ? stringValue(node.propertyNames) : fc.string({ minLength: 1, maxLength: 12 });
  return fc.tuple(known, fc.dictionary(keys, validValue(extra, hints), { maxKeys: 3 })).map(([fixed, free]) => ({ ...free, ...fixed }));
}
