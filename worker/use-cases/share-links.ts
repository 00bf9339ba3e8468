/**
 * Read-only share links: an owner makes one (the token shown once, only its SHA-256 kept), lists
 * and revokes them; someone holding one opens the clinic's day (and, for `history`, its history)
 * without an account. A link is looked up on every read, so revoking it closes it at once.
 */
import { findShareLinkByTokenHash, insertShareLinkWithin, listShareLinks, revokeShareLink, type OpenedShareLink } from '../../db/queries/share-links.ts';
import type { Database } from '../../db/client.ts';
import { randomToken, sha256Hex } from '../auth/secrets.ts';
import {
  isShareTokenShape,
  MAX_ACTIVE_SHARE_LINKS,
  opensHistory,
  SHARE_TOKEN_BYTES,
  shareLinkExpiry,
  shareLinkState,
  sharedTodayFigures,
  type NewShareLink,
  type ShareLinkList,
  type ShareLinkRequest,
  type SharedToday,
  type SharedTodayFigures,
} from '../domain/share-links.ts';
import type { AuditEntry } from '../http/audit.ts';
import { failed, succeeded, type Result } from './result.ts';

/** Where a new link is written and announced. */
export interface ShareLinkPorts {
  db: Database;
  now: number;
  /** PUBLIC_URL: links are never built on the request's Host, which the caller chooses. */
  publicUrl: string;
  audit(entry: AuditEntry): Promise<void>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A new link to `clinicId`'s day (and history, for `history`), made by `userId`. `too_many`: the
 * clinic already has MAX_ACTIVE_SHARE_LINKS links alive; revoke one first.
 */
export async function createShareLink(ports: ShareLinkPorts, clinicId: string, userId: string, request: ShareLinkRequest): Promise<Result<NewShareLink, 'too_many'>> {
  const id = crypto.randomUUID();
  const token = randomToken(SHARE_TOKEN_BYTES);
  const expiresAt = shareLinkExpiry(ports.now, request.expiresInDays);
  const saved = await insertShareLinkWithin(
    ports.db,
    { id, clinicId, tokenHash: await sha256Hex(token), scope: request.scope, createdBy: userId, createdAt: ports.now, expiresAt },
    MAX_ACTIVE_SHARE_LINKS,
  );
  const detail = { scope: request.scope, expiresInDays: request.expiresInDays };
  if (!saved) {
    await ports.audit({ action: 'share_link_create', clinicId, targetType: 'share_link', targetId: null, success: false, errorCode: 'CONFLICT', detail });
    return failed('too_many');
  }
  await ports.audit({ action: 'share_link_create', clinicId, targetType: 'share_link', targetId: id, success: true, detail });
  return succeeded({ id, url: `${ports.publicUrl}/shared/${token}`, expiresAt: iso(expiresAt), scope: request.scope });
}

/** A clinic's links, newest first, each with its state at `now`; never a token. */
export async function shareLinksOf(db: Database, clinicId: string, now: number): Promise<ShareLinkList> {
  const rows = await listShareLinks(db, clinicId);
  return {
    links: rows.map((row) => ({
      id: row.id,
      scope: row.scope,
      createdAt: iso(row.createdAt),
      expiresAt: iso(row.expiresAt),
      revokedAt: row.revokedAt === null ? null : iso(row.revokedAt),
      createdBy: row.createdBy,
      state: shareLinkState(row, now),
    })),
  };
}

/** Revokes a link of `clinicId`: it answers 404 from this moment. `not_found`: unknown, another clinic's, or revoked already. */
export async function revokeShareLinkOf(ports: Omit<ShareLinkPorts, 'publicUrl'>, clinicId: string, linkId: string): Promise<Result<null, 'not_found'>> {
  const revoked = await revokeShareLink(ports.db, clinicId, linkId, ports.now);
  await ports.audit({ action: 'share_link_revoke', clinicId, targetType: 'share_link', targetId: linkId, success: revoked, errorCode: revoked ? null : 'NOT_FOUND' });
  return revoked ? succeeded(null) : failed('not_found');
}

/** What opening a link needs: the database, the time, and the caller's allowance. */
export interface ShareReadPorts {
  db: Database;
  now: number;
  /** Whether this caller's address may read one more shared answer now (rate limit). */
  admit(): Promise<boolean>;
}

/** Why a shared read is refused. Unknown, malformed, expired, revoked and out of scope read alike: `not_found`. */
export type ShareReadRefusal = 'rate_limited' | 'not_found';

/**
 * The link `token` stands for, if it is alive at `now` and opens `view`. The allowance is checked
 * first, so guesses cost a caller its allowance before they cost a database read.
 */
export async function openShareLink(ports: ShareReadPorts, token: string, view: 'today' | 'history'): Promise<Result<OpenedShareLink, ShareReadRefusal>> {
  if (!(await ports.admit())) return failed('rate_limited');
  if (!isShareTokenShape(token)) return failed('not_found');
  const link = await findShareLinkByTokenHash(ports.db, await sha256Hex(token));
  if (link === undefined || shareLinkState(link, ports.now) !== 'active') return failed('not_found');
  if (view === 'history' && !opensHistory(link.scope)) return failed('not_found');
  return succeeded(link);
}

/** A shared "Aujourd'hui": the clinic's name and zone, the link's scope and end, the allowed figures. */
export function sharedTodayOf(link: OpenedShareLink, figures: SharedTodayFigures): SharedToday {
  return {
    clinic: { name: link.clinicName, timezone: link.timezone },
    scope: link.scope,
    expiresAt: iso(link.expiresAt),
    figures: sharedTodayFigures(figures),
  };
}
