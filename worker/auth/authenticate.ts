import type { Context } from 'hono';
import { findApiKeyByPrefix, touchApiKey } from '../../db/queries/api-keys.ts';
import { findLiveSession, slideSession, type SessionUser } from '../../db/queries/sessions.ts';
import { isDatabaseUnreachable } from '../../db/errors.ts';
import type { AppEnv } from '../app-env.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { SessionLookup } from '../session-directory/session-directory.ts';
import { API_KEY_MARK, parseApiKey } from './api-key-format.ts';
import { sessionLifetimeOf } from './open-session.ts';
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

/**
 * Who a token proved to be, per isolate, by token digest — consulted only while the database is
 * unreachable, so a doctor's phone and the queue app keep working through an outage (revocation
 * then waits for the database, at most LAST_KNOWN_FOR_MS). Bounded in size.
 */
const lastKnown = new Map<string, { principal: Principal; at: number }>();
const LAST_KNOWN_FOR_MS = 15 * 60_000;
const LAST_KNOWN_MAX = 10_000;
/**
 * An API key proven this recently is trusted without asking the database again: ingestion is the
 * hot path (a queue app posts every few seconds). The cost: a revoked key keeps working in other
 * isolates for up to this long; in this one, revoking forgets it at once.
 */
export const API_KEY_TRUSTED_FOR_MS = 60_000;

/** Forgets, in this isolate, the proofs of one API key (just revoked) or of a clinic's keys (archived). */
export function forgetApiKeys(of: { keyId: string } | { clinicId: string }): void {
  for (const [digest, known] of lastKnown) {
    if (known.principal.kind !== 'api_key') continue;
    if ('keyId' in of ? known.principal.keyId === of.keyId : known.principal.clinicId === of.clinicId) lastKnown.delete(digest);
  }
}

async function provenOrLastKnown(
  digest: string,
  now: number,
  prove: () => Promise<Principal | null>,
  trustedForMs = 0,
): Promise<Principal | null> {
  const recent = lastKnown.get(digest);
  if (recent !== undefined && now - recent.at < trustedForMs) return recent.principal;
  try {
    const principal = await prove();
    lastKnown.delete(digest);
    if (principal !== null) {
      if (lastKnown.size >= LAST_KNOWN_MAX) lastKnown.delete(lastKnown.keys().next().value ?? '');
      lastKnown.set(digest, { principal, at: now });
    }
    return principal;
  } catch (error) {
    const known = lastKnown.get(digest);
    if (known !== undefined && isDatabaseUnreachable(error) && now - known.at < LAST_KNOWN_FOR_MS) return known.principal;
    throw error;
  }
}

async function authenticateSession(c: Context<AppEnv>, token: string, via: 'cookie' | 'bearer'): Promise<Principal | null> {
  const services = c.var.services;
  const sessionTokenHash = await sha256Hex(token);
  const principal = await provenOrLastKnown(sessionTokenHash, services.clock.now(), async () => {
    const user = await sessionUserOf(services, sessionTokenHash);
    return user === null ? null : { kind: 'user', user, sessionTokenHash, via: 'bearer' };
  });
  // The same session may come as a cookie now and as a bearer token later: `via` is this request's.
  return principal?.kind === 'user' ? { ...principal, via } : principal;
}

/**
 * The session's person, from its SessionDirectory (memory, no libSQL round trip once proven). A
 * directory that cannot be reached (restarting, overloaded) is not a reason to refuse anyone:
 * libSQL is asked directly instead, as the directory would.
 */
async function sessionUserOf(services: Runtime, tokenHash: string): Promise<SessionUser | null> {
  const { db, clock, config, durableObjects, logger } = services;
  const lifetime = sessionLifetimeOf(config);
  let lookup: SessionLookup;
  try {
    lookup = await durableObjects.sessionDirectory(tokenHash).userOf(tokenHash, clock.now(), lifetime, config.libsqlUrl);
  } catch (error) {
    logger.warn('session directory unreachable: libSQL asked directly', { error: String(error) });
    lookup = { kind: 'other_database' };
  }
  if (lookup.kind === 'other_database') {
    const found = await findLiveSession(db, tokenHash, clock.now(), lifetime);
    if (found === null) return null;
    await slideSession(db, tokenHash, found, clock.now(), lifetime);
    return found.user;
  }
  // The directory's libSQL error, rebuilt: the outage fallback and the 503 read its message.
  if (lookup.kind === 'unreachable') throw new Error(lookup.message);
  return lookup.kind === 'user' ? lookup.user : null;
}

/** Throttles the "last used" write: a key posting every few seconds needs no write per request. */
const TOUCH_EVERY_MS = 60_000;

async function authenticateApiKey(c: Context<AppEnv>, key: string): Promise<Principal | null> {
  const parsed = parseApiKey(key);
  if (parsed === null) return null;
  const { db, clock, logger } = c.var.services;
  const now = clock.now();
  const secretHash = await sha256Hex(parsed.secret);
  return provenOrLastKnown(secretHash, now, async () => {
    const row = await findApiKeyByPrefix(db, parsed.prefix);
    if (row === undefined || row.revokedAt !== null) return null;
    if (!timingSafeEqualText(secretHash, row.secretHash)) return null;
    if (row.lastUsedAt === null || now - row.lastUsedAt > TOUCH_EVERY_MS) {
      c.executionCtx.waitUntil(touchApiKey(db, row.id, now).catch((error: unknown) => logger.warn('api key touch failed', { error: String(error) })));
    }
    return { kind: 'api_key', keyId: row.id, clinicId: row.clinicId };
  }, API_KEY_TRUSTED_FOR_MS);
}
