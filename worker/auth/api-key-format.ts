import { randomHex, randomToken } from './secrets.ts';

/**
 * An API key reads `pulse_<prefix>_<secret>`: the 12-hex prefix finds the key (and is safe to
 * show in lists), the 256-bit secret proves it. The fixed `pulse_` mark lets secret scanners spot
 * a leaked key and lets us tell a key from a session token at a glance.
 */
const KEY_PATTERN = /^pulse_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
export const API_KEY_MARK = 'pulse_';

export function newApiKey(): { prefix: string; secret: string; key: string } {
  const prefix = randomHex(6);
  const secret = randomToken(32);
  return { prefix, secret, key: `${API_KEY_MARK}${prefix}_${secret}` };
}

export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const match = KEY_PATTERN.exec(key);
  if (!match?.[1] || !match[2]) return null;
  return { prefix: match[1], secret: match[2] };
}
