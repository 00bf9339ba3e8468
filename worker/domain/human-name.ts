/**
 * The one rule for names that people type and other people read: a clinic's, an API key's, a
 * person's, a note's. Such a name travels into e-mail subjects, push notifications, CSV exports and
 * the admin console, so it may hold no character that acts instead of showing:
 *
 * - C0 and C1 control characters (NUL, BEL, tab, CR, LF, ESC, DEL, U+0080–U+009F), which break
 *   headers and lines or ring terminals;
 * - the line and paragraph separators U+2028 and U+2029;
 * - the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
 *   make a name display in another order than it is stored ("Trojan Source").
 *
 * The bidirectional marks (LRM, RLM, ALM) stay allowed: they only nudge neutral characters, cannot
 * reorder a name, and a name mixing Arabic and Latin script may need one. A lone surrogate (half of
 * a character, which no keyboard types) is refused too: it has no UTF-8 form to store.
 */
import { z } from 'zod';

/** The characters the rule refuses, as one class; `u` so astral characters are single matches. */
const ACTING_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

function kindOf(codePoint: number): string {
  if (codePoint <= 0x9f) return 'a control character';
  if (codePoint === 0x2028 || codePoint === 0x2029) return 'a line separator';
  return 'a bidirectional formatting character';
}

/**
 * Why `name` is not a readable name, in words (`contains U+202E, a bidirectional formatting
 * character, at position 7`), or null when it is one. Total on any string.
 */
export function unreadableNameReason(name: string): string | null {
  if (!name.isWellFormed()) return 'contains half of a character (a lone UTF-16 surrogate)';
  const found = ACTING_CHARACTERS.exec(name);
  if (found === null) return null;
  const codePoint = found[0].codePointAt(0) ?? 0;
  const label = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return `contains ${label}, ${kindOf(codePoint)}, at position ${found.index + 1}; control characters, line breaks and bidirectional overrides are not allowed in a name`;
}

/**
 * A name as people type it: trimmed, between `min` and `max` characters, and free of control and
 * bidirectional formatting characters (see the module comment). Reuse it for every name field.
 */
export function humanName(bounds: { min: number; max: number }) {
  return z
    .string()
    .trim()
    .min(bounds.min, bounds.min === 1 ? 'must not be empty' : `must have at least ${bounds.min} characters`)
    .max(bounds.max, `must have at most ${bounds.max} characters`)
    .superRefine((name, context) => {
      const reason = unreadableNameReason(name);
      if (reason !== null) context.addIssue({ code: 'custom', message: reason });
    });
}
