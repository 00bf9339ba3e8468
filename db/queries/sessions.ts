import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { memberships, sessions, users } from '../schema/accounts.ts';
import type { ClinicRole, Locale, UserRole } from '../../worker/domain/vocabulary.ts';

/** A signed-in user as every authorisation decision sees them. */
export interface SessionUser {
  id: string;
  email: string;
  role: UserRole;
  locale: Locale;
  /** Clinic id → the user's role there. Empty for the super admin, who sees every clinic. */
  clinics: Map<string, ClinicRole>;
}

export async function createSession(
  db: Database,
  session: { tokenHash: string; userId: string; now: number; ttlMs: number; ipHash: string | null },
): Promise<void> {
  await db.insert(sessions).values({
    tokenHash: session.tokenHash,
    userId: session.userId,
    createdAt: session.now,
    lastSeenAt: session.now,
    expiresAt: session.now + session.ttlMs,
    ipHash: session.ipHash,
  });
}

/** Sliding expiry is written at most this often, so reads do not turn into a write each. */
const SLIDE_EVERY_MS = 60_000;

/**
 * The live session behind a token digest, with its user and memberships; null when the session
 * is unknown, expired, revoked, or its user is disabled. Extends the session's life (sliding).
 */
export async function findSessionUser(db: Database, tokenHash: string, now: number, ttlMs: number): Promise<SessionUser | null> {
  // One round trip: the memberships are read by the same token (empty when the session is not live).
  const [found, roles] = await db.batch([
    db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), isNull(users.disabledAt)))
      .limit(1),
    db
      .select({ clinicId: memberships.clinicId, role: memberships.role })
      .from(memberships)
      .innerJoin(sessions, eq(sessions.userId, memberships.userId))
      .where(eq(sessions.tokenHash, tokenHash)),
  ]);
  const row = found[0];
  if (!row) return null;
  if (now - row.session.lastSeenAt > SLIDE_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now, expiresAt: now + ttlMs }).where(eq(sessions.tokenHash, tokenHash));
  }
  return { id: row.user.id, email: row.user.email, role: row.user.role, locale: row.user.locale, clinics: new Map(roles.map((role) => [role.clinicId, role.role])) };
}

export async function clinicRolesOf(db: Database, userId: string): Promise<Map<string, ClinicRole>> {
  const rows = await db.select({ clinicId: memberships.clinicId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
  return new Map(rows.map((row) => [row.clinicId, row.role]));
}

export async function revokeSession(db: Database, tokenHash: string, now: number): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

/** Ends every session of a user (password change, disabling). */
export async function revokeUserSessions(db: Database, userId: string, now: number): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
