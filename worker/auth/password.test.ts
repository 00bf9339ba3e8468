import { describe, expect, it } from 'vitest';
import { hashPassword, PASSWORD_ITERATIONS, verifyPassword } from './password.ts';

describe('password hashing (PBKDF2-SHA256, WebCrypto)', () => {
  it('should store the parameters with a 16-byte salt and a 32-byte hash', async () => {
    const stored = await hashPassword('pulse-doctor');
    expect(stored.algorithm).toBe('pbkdf2-sha256');
    expect(stored.iterations).toBe(100_000);
    expect(PASSWORD_ITERATIONS).toBe(100_000);
    expect(Buffer.from(stored.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(stored.hash, 'base64')).toHaveLength(32);
  });

  it('should accept the right password and refuse a wrong one', async () => {
    const stored = await hashPassword('pulse-doctor');
    expect(await verifyPassword('pulse-doctor', stored)).toBe(true);
    expect(await verifyPassword('pulse-Doctor', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('should salt every hash: the same password never stores the same twice', async () => {
    const [first, second] = await Promise.all([hashPassword('pulse-admin'), hashPassword('pulse-admin')]);
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
  });

  it('should match a known PBKDF2-SHA256 vector (RFC 7914 §11, 1 iteration)', async () => {
    const stored = {
      algorithm: 'pbkdf2-sha256',
      iterations: 1,
      salt: Buffer.from('salt').toString('base64'),
      // First 32 bytes of PBKDF2-HMAC-SHA256("passwd", "salt", 1).
      hash: Buffer.from('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc', 'hex').toString('base64'),
    };
    expect(await verifyPassword('passwd', stored)).toBe(true);
  });

  it('should refuse, without throwing, a user who has no password or an unknown scheme', async () => {
    const none = { algorithm: null, iterations: null, salt: null, hash: null };
    expect(await verifyPassword('anything', none)).toBe(false);
    const stored = await hashPassword('pulse-admin');
    expect(await verifyPassword('pulse-admin', { ...stored, algorithm: 'md5' })).toBe(false);
    expect(await verifyPassword('pulse-admin', { ...stored, iterations: 10_000_000 })).toBe(false);
    expect(await verifyPassword('pulse-admin', { ...stored, salt: '%%%not base64' })).toBe(false);
  });
});
