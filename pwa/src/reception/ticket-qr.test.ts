import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, qrSymbolOf } from './ticket-qr';

/** A ticket link as the demo deployment writes it: PUBLIC_URL, `/t/`, a 74-character token. */
const LINK = `https://pulse.example/t/${'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_'.repeat(2).slice(0, 74)}`;

/** The dark modules a path draws, from its runs `M{x} {y}h{n}v1h-{n}z`. */
function darkInPath(path: string): number {
  return [...path.matchAll(/M\d+ \d+h(\d+)v1h-\1z/g)].reduce((sum, run) => sum + Number(run[1]), 0);
}

describe('qrSymbolOf', () => {
  it('should draw a 98-character link as a version 6 symbol, 41 modules a side, in a square of 49 with its quiet zone', () => {
    expect(LINK).toHaveLength(98);
    const symbol = qrSymbolOf(LINK);
    expect(symbol.size).toBe(41 + 2 * QUIET_ZONE);
    expect(symbol.modules).toHaveLength(49);
    for (const row of symbol.modules) expect(row).toHaveLength(49);
  });

  it('should pick the smallest version that holds the text', () => {
    expect(qrSymbolOf('PULSE').size).toBe(21 + 2 * QUIET_ZONE);
  });

  it('should leave four light modules on every side', () => {
    const { modules, size } = qrSymbolOf(LINK);
    for (let at = 0; at < size; at += 1) {
      for (let depth = 0; depth < QUIET_ZONE; depth += 1) {
        expect([modules[depth]?.[at], modules[size - 1 - depth]?.[at], modules[at]?.[depth], modules[at]?.[size - 1 - depth]]).toEqual([false, false, false, false]);
      }
    }
  });

  it('should put a finder pattern in three corners, just inside the quiet zone', () => {
    const { modules, size } = qrSymbolOf(LINK);
    const row = (y: number, from: number) => (modules[y] ?? []).slice(from, from + 8).map((dark) => (dark ? '#' : '.')).join('');
    const end = size - QUIET_ZONE - 7;
    // Top left: the 7 × 7 pattern (dark ring, light ring, dark centre), then its light separator.
    expect([0, 1, 2, 3, 4, 5, 6].map((y) => row(QUIET_ZONE + y, QUIET_ZONE))).toEqual(['#######.', '#.....#.', '#.###.#.', '#.###.#.', '#.###.#.', '#.....#.', '#######.']);
    expect(row(QUIET_ZONE, end - 1)).toBe('.#######');
    expect(row(end, QUIET_ZONE)).toBe('#######.');
    // No pattern in the bottom right corner.
    expect(row(end, end - 1)).not.toBe('.#######');
  });

  it('should draw exactly the dark modules, and the same symbol every time for the same link', () => {
    const symbol = qrSymbolOf(LINK);
    const dark = symbol.modules.flat().filter(Boolean).length;
    expect(dark).toBeGreaterThan(0);
    expect(darkInPath(symbol.path)).toBe(dark);
    expect(symbol.path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    expect(qrSymbolOf(LINK)).toEqual(symbol);
    expect(qrSymbolOf(`${LINK.slice(0, -1)}A`).path).not.toBe(symbol.path);
  });
});
