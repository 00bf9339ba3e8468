/**
 * Password hashing with PBKDF2-SHA256 through WebCrypto, so workerd and Node (seed, tests) share
 * one implementation. The stored form keeps its own parameters (the `users.password_*` columns), so
 * the work factor can be raised later without invalidating existing hashes.
 */
import { PASSWORD_ALGORITHM, type StoredPassword, type StoredPasswordColumns } from '../domain/stored-password.ts';
import { timingSafeEqualText } from './secrets.ts';

export type { StoredPassword, StoredPasswordColumns };

/** Workers' PBKDF2 refuses more than 100,000 iterations: the strongest setting the runtime allows. */
export const PASSWORD_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

const encoder = new TextEncoder();

/** Hashes `password` with a fresh random salt. */
export async function hashPassword(password: string): Promise<StoredPassword> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, PASSWORD_ITERATIONS);
  return { algorithm: PASSWORD_ALGORITHM, iterations: PASSWORD_ITERATIONS, salt: toBase64(salt), hash: toBase64(hash) };
}

/**
 * Whether `password` matches `stored`. False, never an exception, for a user without a password,
 * an unknown algorithm or parameters this runtime cannot honour. The final comparison takes the
 * same time wherever the hashes differ.
 */
export async function verifyPassword(password: string, stored: StoredPasswordColumns): Promise<boolean> {
  const { algorithm, iterations, salt, hash } = stored;
  if (algorithm !== PASSWORD_ALGORITHM || salt === null || hash === null || iterations === null) return false;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > PASSWORD_ITERATIONS) return false;
  const saltBytes = fromBase64(salt);
  if (saltBytes === null) return false;
  const candidate = await derive(password, saltBytes, iterations);
  return timingSafeEqualText(toBase64(candidate), hash);
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
    return bytes;
  } catch {
    return null;
  }
}
