import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { writeBatch } from '../write-batch.ts';
import { openSetupLinkOf } from './password-resets.ts';
import { memberships, sessions, setupTokens, users } from '../schema/accounts.ts';
import type { ClinicRole, Locale } from '../../worker/domain/vocabulary.ts';
import type { StoredPassword, StoredPasswordColumns } from '../../worker/domain/stored-password.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

export async function findUserById(db: Database, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** The password columns of a user row, as `verifyPassword` reads them (all null before setup). */
export function storedPasswordOf(user: UserRow): StoredPasswordColumns {
  return { algorithm: user.passwordAlgorithm, iterations: user.passwordIterations, salt: user.passwordSalt, hash: user.passwordHash };
}

function passwordColumns(password: StoredPassword, now: number) {
  return {
    passwordAlgorithm: password.algorithm,
    passwordIterations: password.iterations,
    passwordSalt: password.salt,
    passwordHash: password.hash,
    passwordChangedAt: now,
  };
}

/**
 * Creates a member without a password, gives them a role in a clinic and a setup link, in one
 * batch: an invitation is never half made.
 */
export async function createInvitedMember(
  db: Database,
  invitation: {
    userId: string;
    email: string;
    locale: Locale;
    clinicId: string;
    role: ClinicRole;
    tokenHash: string;
    createdBy: string;
    now: number;
    expiresAt: number;
  },
): Promise<void> {
  await writeBatch(db, [
    db.insert(users).values({ id: invitation.userId, email: invitation.email, role: 'member', locale: invitation.locale, createdAt: invitation.now }),
    db.insert(memberships).values({ userId: invitation.userId, clinicId: invitation.clinicId, role: invitation.role, createdAt: invitation.now }),
    db.insert(setupTokens).values({
      tokenHash: invitation.tokenHash,
      userId: invitation.userId,
      createdBy: invitation.createdBy,
      createdAt: invitation.now,
      expiresAt: invitation.expiresAt,
    }),
  ]);
}

/** The user a setup link may still be used for, or undefined when unknown, used or expired. */
export async function findSetupTokenUser(db: Database, tokenHash: string, now: number): Promise<UserRow | undefined> {
  return (await openSetupLinkOf(db, tokenHash, now))?.user;
}

/**
 * Spends a setup link and sets the password. The `used_at is null` guard makes the link single
 * use even when two requests race: only one update matches. Returns false when it was already spent.
 * The person's other open links (another clinic's invitation) stop opening with it: once a password
 * is chosen, no link sent before may choose another.
 */
export async function useSetupToken(db: Database, tokenHash: string, userId: string, password: StoredPassword, now: number): Promise<boolean> {
  const spent = await db
    .update(setupTokens)
    .set({ usedAt: now })
    .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)))
    .returning({ tokenHash: setupTokens.tokenHash });
  if (spent.length === 0) return false;
  await writeBatch(db, [
    db.update(users).set(passwordColumns(password, now)).where(eq(users.id, userId)),
    db.update(setupTokens).set({ usedAt: now }).where(and(eq(setupTokens.userId, userId), isNull(setupTokens.usedAt))),
  ]);
  return true;
}

/** Sets a new password and ends every session of the user, together. */
export async function changePassword(db: Database, userId: string, password: StoredPassword, now: number): Promise<void> {
  await writeBatch(db, [
    db.update(users).set(passwordColumns(password, now)).where(eq(users.id, userId)),
    db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))),
  ]);
}

/** Disables (or re-enables) a user; disabling ends their sessions at once. */
export async function setUserDisabled(db: Database, userId: string, disabled: boolean, now: number): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ disabledAt: disabled ? now : null })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  if (disabled) await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  return updated.length > 0;
}

/** The language notifications and e-mails speak to this person. */
export async function setUserLocale(db: Database, userId: string, locale: Locale): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/**
 * Gives an existing person a role in one more clinic (a doctor working in two); false when they
 * already have one there, which is left as it is.
 */
export async function addMembership(db: Database, membership: { userId: string; clinicId: string; role: ClinicRole; now: number }): Promise<boolean> {
  const added = await db
    .insert(memberships)
    .values({ userId: membership.userId, clinicId: membership.clinicId, role: membership.role, createdAt: membership.now })
    .onConflictDoNothing()
    .returning({ userId: memberships.userId });
  return added.length > 0;
}

/** A new one-time setup link (an invitation, or a reset the person asked for); their earlier unused links stop working. */
export async function replaceSetupToken(db: Database, link: { userId: string; tokenHash: string; createdBy: string; now: number; expiresAt: number }): Promise<void> {
  await writeBatch(db, [
    db.update(setupTokens).set({ usedAt: link.now }).where(and(eq(setupTokens.userId, link.userId), isNull(setupTokens.usedAt))),
    db.insert(setupTokens).values({ tokenHash: link.tokenHash, userId: link.userId, createdBy: link.createdBy, createdAt: link.now, expiresAt: link.expiresAt }),
  ]);
}

/** The members of a clinic with their role (owners first). */
export async function clinicMembers(db: Database, clinicId: string): Promise<Array<{ userId: string; email: string; role: ClinicRole }>> {
  return db
    .select({ userId: memberships.userId, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.clinicId, clinicId))
    .orderBy(asc(memberships.role), asc(users.email));
}

/** Removes a person's role in a clinic; false when they had none. */
export async function removeMembership(db: Database, userId: string, clinicId: string): Promise<boolean> {
  const removed = await db
    .delete(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.clinicId, clinicId)))
    .returning({ userId: memberships.userId });
  return removed.length > 0;
}
