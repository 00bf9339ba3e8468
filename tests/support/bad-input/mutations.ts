import fc from 'fast-check';
import { isSchema, jsonTypeOf, typesOf, unwrapped, type JsonSchema } from './json-schema.ts';
import { hugeText, impossibleDay, nastyText } from './nasty-text.ts';

/** A field taken out of its object (or an item out of its array). */
export const ABSENT = Symbol('absent');

type Path = ReadonlyArray<string | number>;

/** One place in a value where something can go wrong, with the schema that governs it. */
interface Slot {
  path: Path;
  node: JsonSchema;
  /** The value there; undefined for an optional field left out. */
  value: unknown;
}

/**
 * `value` (valid, or nearly) with one thing broken: a field of the wrong type, out of range, an
 * impossible date, control or bidi characters, a huge string, an unknown or a missing field, an
 * array too long or empty. `inUrl` keeps text short enough for a URL; `keepShape` leaves the
 * top-level object whole and breaks one of its values.
 */
export function mutated(value: unknown, schema: JsonSchema, where: { inUrl: boolean; keepShape: boolean }): fc.Arbitrary<unknown> {
  const all = slotsOf(value, schema, []);
  // Path parameters always form an object (the path has its slots): only their values can break.
  const slots = where.keepShape && all.length > 1 ? all.slice(1) : all;
  const { inUrl } = where;
  return fc.integer({ min: 0, max: slots.length - 1 }).chain((index) => {
    const slot = slots[index] ?? { path: [], node: schema, value };
    return breakerOf(slot, inUrl).map((replacement) => replaced(value, slot.path, replacement));
  });
}

function slotsOf(value: unknown, raw: JsonSchema, path: Path): Slot[] {
  const node = memberFor(value, unwrapped(raw));
  const here: Slot = { path, node, value };
  if (value === undefined) return [here];
  if (isPlainObject(value) && typesOf(node).includes('object')) {
    const properties = Object.entries(node.properties ?? {}).filter((entry): entry is [string, JsonSchema] => isSchema(entry[1]));
    return [here, ...properties.flatMap(([key, child]) => slotsOf(value[key], child, [...path, key]))];
  }
  if (Array.isArray(value) && isSchema(node.items)) {
    const items = node.items;
    return [here, ...value.slice(0, 3).flatMap((item, index) => slotsOf(item, items, [...path, index]))];
  }
  return [here];
}

/** In a union, the member the value belongs to (so a nullable object is walked as an object). */
function memberFor(value: unknown, node: JsonSchema): JsonSchema {
  const members = node.anyOf ?? node.oneOf;
  if (members === undefined) return node;
  const type = jsonTypeOf(value);
  const match = members.find((member) => {
    const types = typesOf(unwrapped(member));
    return types.includes(type) || (type === 'integer' && types.includes('number'));
  });
  return match === undefined ? node : unwrapped(match);
}

function breakerOf(slot: Slot, inUrl: boolean): fc.Arbitrary<unknown> {
  const { node, value } = slot;
  const types = typesOf(node);
  const text = typeof value === 'string' ? value : '';
  const choices: Array<{ weight: number; arbitrary: fc.Arbitrary<unknown> }> = [
    { weight: 3, arbitrary: wrongType(types) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant(ABSENT) },
  ];
  if (types.includes('string') || types.length === 0) {
    const dayLike = node.format === 'date' || node.format === 'date-time' || (node.pattern ?? '').includes('\\d{4}');
    choices.push(
      { weight: 5, arbitrary: nastyText(text) },
      { weight: dayLike ? 8 : 2, arbitrary: impossibleDay() },
      { weight: 1, arbitrary: hugeText(inUrl) },
      { weight: 1, arbitrary: fc.constantFrom('', ' ', '   ', '\t', '\u00a0\u3000') },
    );
    const { maxLength } = node;
    if (maxLength !== undefined) {
      choices.push(
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 8 }).map((extra) => text.padEnd(maxLength + extra, 'ab')) },
        { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: maxLength + 1, maxLength: maxLength + 40 }) },
      );
    }
    if (node.minLength !== undefined && node.minLength > 0) choices.push({ weight: 1, arbitrary: fc.constant(text.slice(0, node.minLength - 1)) });
    if (node.pattern !== undefined && text.length > 0) {
      choices.push({ weight: 2, arbitrary: fc.tuple(fc.nat(text.length - 1), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })).map(([at, piece]) => `${text.slice(0, at)}${piece}${text.slice(at + 1)}`) });
    }
  }
  if (node.enum !== undefined || node.const !== undefined) choices.push({ weight: 3, arbitrary: lookalikes(node.enum ?? [node.const]) });
  if (types.includes('integer') || types.includes('number')) choices.push({ weight: 6, arbitrary: outOfRange(node, types.includes('integer'), typeof value === 'number' ? value : 0) });
  if (types.includes('boolean')) choices.push({ weight: 2, arbitrary: fc.constantFrom('true', 'false', 1, 0, 'yes', 'on', '') });
  if (types.includes('object')) {
    choices.push({ weight: 4, arbitrary: unknownField(value) });
    const required = (node.required ?? []).filter((key) => isPlainObject(value) && key in value);
    if (required.length > 0) choices.push({ weight: 3, arbitrary: fc.constantFrom(...required).map((key) => without(value, key)) });
  }
  if (types.includes('array')) choices.push({ weight: 3, arbitrary: wrongLength(node, value) });
  return fc.oneof(...choices);
}

/** A value of some other JSON type than the schema's (or of any type, for `unknown`). */
function wrongType(types: string[]): fc.Arbitrary<unknown> {
  const small = fc.jsonValue({ maxDepth: 1 });
  const all: Array<[string, fc.Arbitrary<unknown>]> = [
    ['string', fc.string({ maxLength: 12 })],
    ['number', fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))],
    ['boolean', fc.boolean()],
    ['array', fc.array(small, { maxLength: 3 })],
    ['object', fc.dictionary(fc.string({ maxLength: 8 }), small, { maxKeys: 3 })],
  ];
  const other = all.filter(([type]) => !types.includes(type) && !(type === 'number' && types.includes('integer')));
  return fc.oneof(...(other.length > 0 ? other : all).map(([, arbitrary]) => arbitrary));
}

/** An allowed word changed a little: its case, a space, a neighbour. */
function lookalikes(allowed: readonly unknown[]): fc.Arbitrary<unknown> {
  const words = allowed.filter((item): item is string => typeof item === 'string');
  if (words.length === 0) return fc.string({ maxLength: 8 });
  const word = fc.constantFrom(...words);
  return fc.oneof(
    word.map((item) => item.toUpperCase()),
    word.map((item) => `${item} `),
    word.map((item) => ` ${item}`),
    word.map((item) => `${item}s`),
    word.map((item) => item.slice(0, -1)),
    word.map((item) => item.replace(/-/g, '_')),
    fc.string({ unit: 'grapheme-ascii', maxLength: 10 }),
  );
}

/** Just past either bound, a fraction where an integer is due, and numbers too big to be plain. */
function outOfRange(node: JsonSchema, integer: boolean, value: number): fc.Arbitrary<unknown> {
  const candidates: number[] = [1e21, -1e21, 1.7976931348623157e308, -1.7976931348623157e308, Number.MAX_SAFE_INTEGER + 2, 5e-324];
  const low = node.minimum ?? (typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum : undefined);
  const high = node.maximum ?? (typeof node.exclusiveMaximum === 'number' ? node.exclusiveMaximum : undefined);
  if (low !== undefined) candidates.push(low - 1, low - 0.001, low - 1e9);
  if (high !== undefined) candidates.push(high + 1, high + 0.001, high * 10 + 1);
  if (integer) candidates.push(value + 0.5, 0.1, -0.5);
  return fc.oneof(fc.constantFrom(...candidates), fc.constant(String(value)), fc.constant(`${value}abc`));
}

/** A field the schema does not name: words that mean something elsewhere, or any text. */
function unknownField(value: unknown): fc.Arbitrary<unknown> {
  const base = isPlainObject(value) ? value : {};
  const names = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'patientName', 'phone', 'role', 'clinicId', 'isAdmin', '$where', 'id ', 'NAME', ''),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }),
  );
  return fc.tuple(names, fc.jsonValue({ maxDepth: 1 })).map(([name, extra]) => Object.fromEntries([...Object.entries(base), [name, extra]]));
}

/** An empty array where items are due, or one item past the maximum. */
function wrongLength(node: JsonSchema, value: unknown): fc.Arbitrary<unknown> {
  const items = Array.isArray(value) ? value : [];
  const choices: Array<fc.Arbitrary<unknown>> = [fc.constant([])];
  if (node.maxItems !== undefined) {
    const count = node.maxItems + 1;
    choices.push(fc.constant(Array.from({ length: count }, (_, index) => items[index % Math.max(1, items.length)] ?? null)));
  }
  return fc.oneof(...choices);
}

function without(value: unknown, key: string): unknown {
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
}

/** `value` with what is at `path` replaced (or taken out, for `ABSENT`); the original is untouched. */
export function replaced(value: unknown, path: Path, replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value) && typeof head === 'number') {
    const inner = replaced(value[head], rest, replacement);
    return inner === ABSENT ? value.filter((_, index) => index !== head) : value.map((item, index) => (index === head ? inner : item));
  }
  if (isPlainObject(value) && typeof head === 'string') {
    const inner = replaced(value[head], rest, replacement);
    const entries = Object.entries(value).filter(([name]) => name !== head);
    return Object.fromEntries(inner === ABSENT ? entries : [...entries, [head, inner]]);
  }
  return value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
