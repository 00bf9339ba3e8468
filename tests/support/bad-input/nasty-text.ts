import fc from 'fast-check';

/**
 * Text that has broken systems before: control characters (NUL, BEL, ESC, CR/LF, DEL, C1),
 * line separators, bidirectional overrides and isolates (Trojan Source), invisible and
 * non-characters, lone surrogates, emoji and combining marks, Arabic, and the classic injections
 * (SQL, template, formula, path). A readable name must refuse the first groups; nothing may answer
 * 5xx to any of them.
 */
export const NASTY_FRAGMENTS = [
  '\u0000', '\u0007', '\b', '\t', '\n', '\r', '\r\n', '\u000b', '\u000c', '\u001b[31m', '\u007f', '\u0085', '\u009b',
  '\u2028', '\u2029',
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
  '\u200e', '\u200f', '\u061c', '\u200b', '\u200d', '\ufeff', '\ufffd', '\uffff', '\ud800', '\udfff',
  '😷', '👩🏽‍⚕️', 'é', 'ﷺ', 'عيادة الأمل', '𝕻𝖚𝖑𝖘𝖊', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  "'; DROP TABLE clinics; --", "' OR '1'='1", '%00', '%0d%0a', '${7*7}', '{{7*7}}', '<script>alert(1)</script>',
  '=HYPERLINK("http://x")', '+cmd|/C calc!A0', '../../etc/passwd', '\\', '"', '__proto__', 'constructor', 'null', 'undefined',
  'NaN', 'Infinity', '-0', '1e309', '0x10', ' ', '',
] as const;

/** Calendar days that do not exist, and day-like text in the wrong shape. */
export const IMPOSSIBLE_DAYS = [
  '2026-02-30', '2026-02-29', '2026-04-31', '2026-06-31', '2026-09-31', '2026-11-31', '2025-02-29', '1900-02-29', '2100-02-29',
  '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', '0000-01-03', '0099-01-05', '0001-01-01', '9999-12-27', '-0001-01-01',
  '+002026-03-02', '2026-3-2', '20260302', '2026-W10-1', '2026-03-02 09:00', ' 2026-03-02', '2026-03-02\n', '٢٠٢٦-٠٣-٠٢',
  '2026-02-30T09:00:00Z', '2026-04-31T08:00:00+01:00', '2026-03-02T24:00:00Z', '2026-03-02T25:61:61Z', '2026-03-02T09:00:00+25:00',
  '2026-03-02T09:00:00', '2026-03-29T02:30:00+01:00', '1970-01-01T00:00:00Z', '275760-09-13T00:00:01Z',
] as const;

/** Any fragment alone, or slipped into `text` at any position. */
export function nastyText(text: string): fc.Arbitrary<string> {
  const fragment = fc.constantFrom(...NASTY_FRAGMENTS);
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fragment, fc.nat(text.length)).map(([piece, at]) => `${text.slice(0, at)}${piece}${text.slice(at)}`) },
    { weight: 1, arbitrary: fragment },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }) },
  );
}

/** A day or instant with every part drawn wide: months 0–13, days 0–32, hours to 25. */
export function impossibleDay(): fc.Arbitrary<string> {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  const day = fc
    .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([year, month, date]) => `${pad(year, 4)}-${pad(month, 2)}-${pad(date, 2)}`);
  const instant = fc
    .tuple(day, fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom('Z', '+01:00', '-14:00', '+24:00', ''))
    .map(([date, hour, minute, offset]) => `${date}T${pad(hour, 2)}:${pad(minute, 2)}:00${offset}`);
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...IMPOSSIBLE_DAYS) }, { weight: 2, arbitrary: day }, { weight: 1, arbitrary: instant });
}

/**
 * Big text, past every length bound. In a body it goes past the 64 KiB body limit too; in a URL it
 * stays within the few kilobytes a URL may carry, or the client would refuse to send it at all.
 */
export function hugeText(inUrl: boolean): fc.Arbitrary<string> {
  const length = inUrl ? fc.integer({ min: 300, max: 4_000 }) : fc.integer({ min: 1_000, max: 100_000 });
  const unit = inUrl ? fc.constantFrom('x', 'é', '%') : fc.constantFrom('x', 'é', '\u202e', '😷', '\u0000');
  return fc.tuple(unit, length).map(([piece, count]) => piece.repeat(Math.ceil(count / piece.length)));
}
