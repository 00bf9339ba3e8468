import { describe, expect, it } from 'vitest';
import { keyedHash, randomHex, randomToken, sha256Hex, timingSafeEqualText } from './secrets.ts';

describe('random tokens', () => {
  it('should write 32 random bytes as 43 base64url characters, without padding', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(randomToken()).not.toBe(token);
  });

  it('should write random bytes as lower-case hex, two characters a byte', () => {
    expect(randomHex(6)).toMatch(/^[0-9a-f]{12}$/);
    expect(randomHex(1)).toMatch(/^[0-9a-f]{2}$/);
  });
});

describe('digests', () => {
  it('should match the SHA-256 vectors of FIPS 180-2', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('should match the HMAC-SHA-256 vector of RFC 4231 (test case 2)', async () => {
    expect(await keyedHash('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('should give a different keyed hash of the same value under another key: an address hashed by one deployment tells nothing to another', async () => {
    expect(await keyedHash('key-one', '198.51.100.7')).not.toBe(await keyedHash('key-two', '198.51.100.7'));
  });
});

describe('comparing secrets', () => {
  it('should be true only for the very same text', () => {
    expect(timingSafeEqualText('pulse-secret', 'pulse-secret')).toBe(true);
    expect(timingSafeEqualText('pulse-secret', 'pulse-secreT')).toBe(false);
    expect(timingSafeEqualText('pulse-secret', 'pulse-secret-longer')).toBe(false);
    expect(timingSafeEqualText('', '')).toBe(true);
    expect(timingSafeEqualText('', 'a')).toBe(false);
    // Same length in UTF-16, different bytes.
    expect(timingSafeEqualText('é', 'e')).toBe(false);
  });
});
