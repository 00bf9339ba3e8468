import { env } from 'cloudflare:test';
import { asc, eq } from 'drizzle-orm';
import type { AuditRow } from '../../db/queries/audit.ts';
import { auditLog } from '../../db/schema/index.ts';
import { keyedHash } from '../../worker/auth/secrets.ts';
import { createApp } from '../../worker/app.ts';
import { callOwnApp, testDatabase, type ApiInit } from './world.ts';

/** The Worker as the tests build it, its clock read from `now` (the runtime's when none): a pinned "now" moves with the story. */
export function appAt(now?: () => number): ReturnType<typeof createApp> {
  return createApp(now === undefined ? {} : { clock: { now } });
}

/**
 * Calls the API from client address `ip` and waits for what the request left running: a reset
 * request mails its link after answering (`waitUntil`), and the test reads the inbox right after.
 */
export function callFrom(app: ReturnType<typeof createApp>, ip: string, path: string, init: ApiInit = {}): Promise<Response> {
  return callOwnApp(app, env, path, { ...init, headers: { 'CF-Connecting-IP': ip, ...init.headers } });
}

/** "I forgot my password", for `email`, from `ip`. */
export function askForReset(app: ReturnType<typeof createApp>, ip: string, email: string, headers: Record<string, string> = {}): Promise<Response> {
  return callFrom(app, ip, '/auth/forgot-password', { method: 'POST', json: { email }, headers });
}

/** Every audit row of requests from client address `ip` (the audit keeps only its keyed hash), oldest first. */
export async function auditFrom(ip: string): Promise<AuditRow[]> {
  const ipHash = await keyedHash(env.IP_HASH_KEY, `ip:${ip}`);
  return testDatabase().select().from(auditLog).where(eq(auditLog.ipHash, ipHash)).orderBy(asc(auditLog.id));
}
