import type { Context } from 'hono';
import { findApiKeyByPrefix, touchApiKey } from '../../db/queries/api-keys.ts';
import { findSessionUser } from '../../db/queries/sessions.ts';
import type { AppEnv } from '../app-env.ts';
import { API_KEY_MARK, parseApiKey } from './api-key-format.ts';
import type { Principal } from './principal.ts';
import { sha256Hex, timingSafeEqualText } from './secrets.ts';
import { readSessionCookie } from './session-cookie.ts';

/**
 * Resolves who is asking from `Authorization: Bearer …` (a session token or an API key) or the
 * session cookie. Null when nothing valid was presented; the caller decides what that means.
 */
export async function authenticate(c: Context<AppEnv>): Promise<Principal | null> {
  const header = c.req.header('Authorization');
  if (header !== undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (token === undefined) return null;
    return token.startsWith(API_KEY_MARK) ? authenticateApiKey(c, token) : authenticateSession(c, token, 'bearer');
  }
  const cookie = readSessionCookie(c);
  return cookie === undefined ? null : authenticateSession(c, cookie, 'cookie');
}

async function authenticateSession(c: Context<AppEnv>, token: string, via: 'cookie' | 'bearer'): Promise<Principal | null> {
  const { db, clock, config } = c.var.services;
  const sessionTokenHash = await sha256Hex(token);
  const user = await findSessionUser(db, sessionTokenHash, clock.now(), config.sessionTtlMs);
  return user === null ? null : { kind: 'user', user, sessionTokenHash, via };
}

/** Throttles the "last used" write: a key posting every few seconds needs no write per request. */
const TOUCH_EVERY_MS = 60_000;

async function authenticateApiKey(c: Context<AppEnv>, key: string): Promise<Principal | null> {
  const parsed = parseApiKey(key);
  if (parsed === null) return null;
  const { db, clock, logger } = c.var.services;
  const row = await findApiKeyByPrefix(db, parsed.prefix);
  if (row === undefined || row.revokedAt !== null) return null;
  if (!timingSafeEqualText(await sha256Hex(parsed.secret), row.secretHash)) return null;
  const now = clock.now();
  if (row.lastUsedAt === null || now - row.lastUsedAt > TOUCH_EVERY_MS) {
    c.executionCtx.waitUntil(touchApiKey(db, row.id, now).catch((error: unknown) => logger.error('api key touch failed', error)));
  }
  return { kind: 'api_key', keyId: row.id, clinicId: row.clinicId };
}
