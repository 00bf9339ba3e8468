import { describe, expect, it } from 'vitest';
import { humanName, unreadableNameReason } from './human-name.ts';

const clinicName = humanName({ min: 2, max: 120 });
const issuesOf = (value: unknown) => clinicName.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe('the rule for names people type and others read', () => {
  it('should keep names in any script, with accents, emoji, apostrophes and bidirectional marks', () => {
    for (const name of ['Cabinet Médina', 'عيادة الأمل', 'Clinique El Amal — Sfax', "Cabinet d'Ariana", 'Dr Ben Salah 🩺', 'عيادة\u200f 2', '診療所']) {
      expect(clinicName.parse(name), name).toBe(name);
    }
  });

  it('should trim the blanks around a name, line breaks included, and then count what is left', () => {
    expect(clinicName.parse('  Cabinet Médina\r\n')).toBe('Cabinet Médina');
    expect(issuesOf('   ')).toEqual(['must have at least 2 characters']);
    expect(issuesOf('x'.repeat(121))).toEqual(['must have at most 120 characters']);
    expect(humanName({ min: 1, max: 80 }).safeParse('').error?.issues[0]?.message).toBe('must not be empty');
  });

  it('should refuse control characters inside a name, saying which one and where', () => {
    expect(unreadableNameReason('Cabinet\r\nBcc: intrus@example.com')).toBe(
      'contains U+000D, a control character, at position 8; control characters, line breaks and bidirectional overrides are not allowed in a name',
    );
    for (const [name, code] of [['Cabinet\u0000', 'U+0000'], ['Ca\u0007binet', 'U+0007'], ['Cabinet\tSfax', 'U+0009'], ['Cabinet\u001b[31m', 'U+001B'], ['Cabinet\u007f', 'U+007F'], ['Cabinet\u0085Sfax', 'U+0085'], ['Cabinet\u009bx', 'U+009B']] as const) {
      expect(issuesOf(name)[0], name).toContain(`${code}, a control character`);
    }
  });

  it('should refuse line separators and bidirectional embeddings, overrides and isolates, which reorder what is read', () => {
    expect(issuesOf('Cabinet\u2028Sfax')[0]).toContain('U+2028, a line separator');
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      const name = `Cabinet ${String.fromCodePoint(code)}Sfax`;
      expect(issuesOf(name)[0], name).toContain(`U+${code.toString(16).toUpperCase()}, a bidirectional formatting character, at position 9`);
    }
  });

  it('should refuse half of a character, which has no UTF-8 form to store', () => {
    expect(issuesOf('Cabinet \ud800')).toEqual(['contains half of a character (a lone UTF-16 surrogate)']);
    expect(clinicName.parse('Cabinet 😷')).toBe('Cabinet 😷');
  });

  it('should give a bounds issue and a character issue together, never throwing on any text', () => {
    expect(issuesOf('\u202e')).toEqual(['must have at least 2 characters', expect.stringContaining('U+202E')]);
    expect(issuesOf(42)).toHaveLength(1);
  });
});
