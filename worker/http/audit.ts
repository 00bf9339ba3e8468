import type { Context } from 'hono';
import { insertAudit } from '../../db/queries/audit.ts';
import type { AppEnv } from '../app-env.ts';
import { roleIn, type Principal } from '../auth/principal.ts';
import { keyedHash } from '../auth/secrets.ts';
import type { ErrorCode } from '../errors.ts';

/** What happened, in the audit log's words. */
export interface AuditEntry {
  action: string;
  clinicId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  success: boolean;
  errorCode?: ErrorCode | null;
  /** Overrides the request's principal, e.g. the user a login is about. */
  actor?: Principal | { kind: 'user_id'; userId: string | null; role: string | null };
  detail?: Record<string, string | number | boolean | null>;
}

/**
 * The client's address, only ever stored as a keyed hash. Read from `CF-Connecting-IP` alone:
 * Cloudflare's edge sets it on every request and replaces any value a client sent, so on
 * Cloudflare nobody can choose theirs; `X-Forwarded-For` and the like are never read. Off
 * Cloudflare the header is the client's word: wrangler dev (npm start) fills it from the socket
 * only when absent, which is why the local stack listens on 127.0.0.1 alone. Without it every
 * request shares the address "unknown", so throttling gets stricter, never looser.
 */
export function clientIp(c: Context<AppEnv>): string {
  return c.req.header('CF-Connecting-IP') ?? 'unknown';
}

/**
 * Appends one row to the audit log for this request. An action the request's own super admin took
 * is also counted (`pulse_admin_actions_total`); rows written on someone else's behalf (a login,
 * a password set from a link) are not admin actions.
 */
export async function recordAudit(c: Context<AppEnv>, entry: AuditEntry): Promise<void> {
  const { db, clock, config } = c.var.services;
  const clinicId = entry.clinicId ?? null;
  const actor = entry.actor ?? c.get('principal');
  let actorKind: 'user' | 'api_key' | 'system' = 'system';
  let actorId: string | null = null;
  let actorRole: string | null = null;
  if (actor?.kind === 'user') [actorKind, actorId, actorRole] = ['user', actor.user.id, roleIn(actor, clinicId)];
  else if (actor?.kind === 'api_key') [actorKind, actorId, actorRole] = ['api_key', actor.keyId, 'api_key'];
  else if (actor?.kind === 'user_id') [actorKind, actorId, actorRole] = ['user', actor.userId, actor.role];
  await insertAudit(db, {
    at: clock.now(),
    actorKind,
    actorId,
    actorRole,
    action: entry.action,
    clinicId,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    success: entry.success,
    errorCode: entry.errorCode ?? null,
    ipHash: await keyedHash(config.ipHashKey, `ip:${clientIp(c)}`),
    userAgent: c.req.header('User-Agent')?.slice(0, 256) ?? null,
    detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
  });
  if (entry.actor === undefined && actorKind === 'user' && actorRole === 'super_admin') {
    c.var.services.metrics.count('pulse_admin_actions_total', { result: entry.success ? 'success' : 'failure' });
  }
}
