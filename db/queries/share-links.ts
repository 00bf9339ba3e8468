/** Read-only share links of a clinic: made and revoked by its owners, opened by whoever holds one. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { clinics } from '../schema/clinics.ts';
import { shareLinks } from '../schema/sharing.ts';
import type { ShareScope } from '../../worker/domain/vocabulary.ts';

export interface NewShareLinkRow {
  id: string;
  clinicId: string;
  tokenHash: string;
  scope: ShareScope;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
}

/**
 * Saves a link unless the clinic already has `maxActive` links alive at `createdAt` (neither
 * revoked nor expired); false then. Counted and written in one statement, so two owners creating
 * at once cannot both pass the cap.
 */
export async function insertShareLinkWithin(db: Database, link: NewShareLinkRow, maxActive: number): Promise<boolean> {
  const result = await db.run(sql`
    insert into ${shareLinks} (id, clinic_id, token_hash, scope, created_by, created_at, expires_at)
    select ${link.id}, ${link.clinicId}, ${link.tokenHash}, ${link.scope}, ${link.createdBy}, ${link.createdAt}, ${link.expiresAt}
    where (
      select count(*) from ${shareLinks}
      where ${shareLinks.clinicId} = ${link.clinicId} and ${shareLinks.revokedAt} is null and ${shareLinks.expiresAt} > ${link.createdAt}
    ) < ${maxActive}`);
  return result.rowsAffected > 0;
}

export interface ShareLinkListRow {
  id: string;
  scope: ShareScope;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  /** The maker's e-mail. */
  createdBy: string;
}

/** A clinic's links for its owners' settings, newest first; revoked and expired ones stay listed. */
export function listShareLinks(db: Database, clinicId: string): Promise<ShareLinkListRow[]> {
  return db
    .select({
      id: shareLinks.id,
      scope: shareLinks.scope,
      createdAt: shareLinks.createdAt,
      expiresAt: shareLinks.expiresAt,
      revokedAt: shareLinks.revokedAt,
      createdBy: users.email,
    })
    .from(shareLinks)
    .innerJoin(users, eq(users.id, shareLinks.createdBy))
    .where(eq(shareLinks.clinicId, clinicId))
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id));
}

/** Revokes a link of this clinic not revoked yet; false when there is none (unknown, another clinic's, already revoked). */
export async function revokeShareLink(db: Database, clinicId: string, linkId: string, now: number): Promise<boolean> {
  const revoked = await db
    .update(shareLinks)
    .set({ revokedAt: now })
    .where(and(eq(shareLinks.id, linkId), eq(shareLinks.clinicId, clinicId), isNull(shareLinks.revokedAt)))
    .returning({ id: shareLinks.id });
  return revoked.length > 0;
}

/** What opening a link needs to know: its clinic (as a visitor may see it), scope and lifetime. */
export interface OpenedShareLink {
  clinicId: string;
  clinicName: string;
  timezone: string;
  scope: ShareScope;
  expiresAt: number;
  revokedAt: number | null;
}

/**
 * The link whose token has this SHA-256, unless its clinic is archived (an archived clinic is
 * closed to its own members, so to visitors too). Read on every request, never cached: a revoked
 * link must stop answering at once, in every isolate.
 */
export async function findShareLinkByTokenHash(db: Database, tokenHash: string): Promise<OpenedShareLink | undefined> {
  const [row] = await db
    .select({
      clinicId: shareLinks.clinicId,
      clinicName: clinics.name,
      timezone: clinics.timezone,
      scope: shareLinks.scope,
      expiresAt: shareLinks.expiresAt,
      revokedAt: shareLinks.revokedAt,
    })
    .from(shareLinks)
    .innerJoin(clinics, and(eq(clinics.id, shareLinks.clinicId), isNull(clinics.archivedAt)))
    .where(eq(shareLinks.tokenHash, tokenHash))
    .limit(1);
  return row;
}
