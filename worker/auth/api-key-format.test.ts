import { describe, expect, it } from 'vitest';
import { API_KEY_MARK, newApiKey, parseApiKey } from './api-key-format.ts';

describe("a clinic's API key", () => {
  it('should read pulse_<12 hex>_<43 base64url>, a 256-bit secret behind a public prefix', () => {
    const { prefix, secret, key } = newApiKey();
    expect(prefix).toMatch(/^[0-9a-f]{12}$/);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).toBe(`${API_KEY_MARK}${prefix}_${secret}`);
    expect(key.startsWith('pulse_')).toBe(true);
  });

  it('should parse back into the prefix that finds it and the secret that proves it', () => {
    const issued = newApiKey();
    expect(parseApiKey(issued.key)).toEqual({ prefix: issued.prefix, secret: issued.secret });
  });

  it('should never give the same key twice', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newApiKey().key));
    expect(keys.size).toBe(50);
  });

  it('should refuse what is not a key: a session token, a truncated or padded key, upper-case hex, another mark', () => {
    const { prefix, secret } = newApiKey();
    for (const text of [
      '',
      `test-session-${secret}`,
      `pulse_${prefix}_${secret.slice(1)}`,
      `pulse_${prefix}_${secret}A`,
      `pulse_${prefix.toUpperCase().replace(/[0-9]/g, 'A')}_${secret}`,
      `pulse_${prefix.slice(1)}_${secret}`,
      `pulsar_${prefix}_${secret}`,
      ` pulse_${prefix}_${secret}`,
      `pulse_${prefix}_${secret.slice(0, 42)}=`,
    ]) {
      expect(parseApiKey(text), text).toBeNull();
    }
  });
});
