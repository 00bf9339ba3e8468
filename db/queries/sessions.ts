import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { memberships, sessions, sessionSockets, users } from '../schema/accounts.ts';
import { clinics } from '../schema/clinics.ts';
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
  session: { tokenHash: string; userId: string; now: number; lifetime: SessionLifetime; ipHash: string | null },
): Promise<void> {
  await db.insert(sessions).values({
    tokenHash: session.tokenHash,
    userId: session.userId,
    createdAt: session.now,
    lastSeenAt: session.now,
    expiresAt: session.now + Math.min(session.lifetime.idleMs, session.lifetime.absoluteMs),
    ipHash: session.ipHash,
  });
}

/**
 * How long a session lives: `idleMs` after its last use (sliding), and never more than
 * `absoluteMs` after it was opened, however busy.
 */
export interface SessionLifetime {
  idleMs: number;
  absoluteMs: number;
}

/** Sliding expiry is written at most this often, so reads do not turn into a write each. */
export const SLIDE_EVERY_MS = 60_000;

/** A live session as read from libSQL: its user, and the times that decide how long it stays live. */
export interface LiveSession {
  user: SessionUser;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
}

/**
 * The live session behind a token digest, with its user and the memberships of clinics not
 * archived; null when the session is unknown, expired, revoked, or its user is disabled. Reads
 * only: `slideSession` extends its life.
 */
export async function findLiveSession(db: Database, tokenHash: string, now: number, lifetime: SessionLifetime): Promise<LiveSession | null> {
  // One round trip: the memberships are read by the same token (empty when the session is not live).
  const [found, roles] = await db.batch([
    db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          gt(sessions.createdAt, now - lifetime.absoluteMs),
          isNull(users.disabledAt),
        ),
      )
      .limit(1),
    db
      .select({ clinicId: memberships.clinicId, role: memberships.role })
      .from(memberships)
      .innerJoin(sessions, eq(sessions.userId, memberships.userId))
      // An archived clinic is closed to its members: as if they were not members at all.
      .innerJoin(clinics, and(eq(clinics.id, memberships.clinicId), isNull(clinics.archivedAt)))
      .where(eq(sessions.tokenHash, tokenHash)),
  ]);
  const row = found[0];
  if (!row) return null;
  const user = { id: row.user.id, email: row.user.email, role: row.user.role, locale: row.user.locale, clinics: new Map(roles.map((role) => [role.clinicId, role.role])) };
  return { user, createdAt: row.session.createdAt, expiresAt: row.session.expiresAt, lastSeenAt: row.session.lastSeenAt };
}

/** Whether a session read earlier is still live at `now` by its own times (revocation aside). */
export function isStillLive(session: Pick<LiveSession, 'createdAt' | 'expiresAt'>, now: number, lifetime: SessionLifetime): boolean {
  return session.expiresAt > now && session.createdAt > now - lifetime.absoluteMs;
}

/**
 * Extends a session's life after use (sliding), up to its absolute end, when its last extension is
 * older than SLIDE_EVERY_MS; returns the session's times as they now stand.
 */
export async function slideSession(db: Database, tokenHash: string, session: LiveSession, now: number, lifetime: SessionLifetime): Promise<LiveSession> {
  if (now - session.lastSeenAt <= SLIDE_EVERY_MS) return session;
  const expiresAt = Math.min(now + lifetime.idleMs, session.createdAt + lifetime.absoluteMs);
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
  return { ...session, lastSeenAt: now, expiresAt };
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

/** Remembers that a session opened a live socket on a clinic (see `sessionSockets`). */
export async function recordSessionSocket(db: Database, tokenHash: string, clinicId: string, now: number): Promise<void> {
  await db.insert(sessionSockets).values({ tokenHash, clinicId, openedAt: now }).onConflictDoNothing();
}

/** The clinics where the given sessions (or every session of a user) opened live sockets. */
export async function socketClinicsOf(db: Database, of: { tokenHash: string } | { userId: string }): Promise<string[]> {
  const rows =
    'tokenHash' in of
      ? await db.select({ clinicId: sessionSockets.clinicId }).from(sessionSockets).where(eq(sessionSockets.tokenHash, of.tokenHash))
      : await db
          .selectDistinct({ clinicId: sessionSockets.clinicId })
          .from(sessionSockets)
          .where(inArray(sessionSockets.tokenHash, db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, of.userId))));
  return [...new Set(rows.map((row) => row.clinicId))];
}

/**
 * Forgets where sessions revoked before `revokedBefore` opened sockets: revoking closed them, so
 * nothing is left to close. The caller leaves a margin, so a logout under way still finds its
 * rows. A session that merely expired keeps them: a socket it opened may still be listening.
 */
export async function pruneEndedSessionSockets(db: Database, revokedBefore: number): Promise<void> {
  const ended = db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(lte(sessions.revokedAt, revokedBefore));
  await db.delete(sessionSockets).where(inArray(sessionSockets.tokenHash, ended));
}
