/** Invitations to a clinic: made, listed, sent again and revoked, each with the rows it moves in one batch. */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { memberships, setupTokens, users } from '../schema/accounts.ts';
import { invitations } from '../schema/invitations.ts';
import { writeBatch } from '../write-batch.ts';
import type { ClinicRole, Locale } from '../../worker/domain/vocabulary.ts';

/** An invitation with its person's address and whether they have chosen a password. */
export interface InvitationRecord {
  id: string;
  clinicId: string;
  userId: string;
  email: string;
  locale: Locale;
  role: ClinicRole;
  createdAt: number;
  sentAt: number;
  expiresAt: number;
  tokenHash: string | null;
  acceptedAt: number | null;
  revokedAt: number | null;
  hasPassword: boolean;
}

const record = {
  id: invitations.id,
  clinicId: invitations.clinicId,
  userId: invitations.userId,
  email: users.email,
  locale: users.locale,
  role: invitations.role,
  createdAt: invitations.createdAt,
  sentAt: invitations.sentAt,
  expiresAt: invitations.expiresAt,
  tokenHash: invitations.tokenHash,
  acceptedAt: invitations.acceptedAt,
  revokedAt: invitations.revokedAt,
  hasPassword: sql<number>`${users.passwordHash} is not null`.mapWith(Boolean),
};

const withPerson = (db: Database) => db.select(record).from(invitations).innerJoin(users, eq(users.id, invitations.userId));

/** A clinic's invitations of the given roles, newest first. */
export function clinicInvitations(db: Database, clinicId: string, roles: readonly ClinicRole[]): Promise<InvitationRecord[]> {
  return withPerson(db)
    .where(and(eq(invitations.clinicId, clinicId), inArray(invitations.role, [...roles])))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
}

/** One invitation of a clinic, or undefined (another clinic's is undefined too). */
export async function clinicInvitation(db: Database, clinicId: string, invitationId: string): Promise<InvitationRecord | undefined> {
  const [row] = await withPerson(db).where(and(eq(invitations.id, invitationId), eq(invitations.clinicId, clinicId))).limit(1);
  return row;
}

/** The person's latest invitation to the clinic that is neither accepted nor revoked, if any. */
export async function openInvitationOf(db: Database, userId: string, clinicId: string): Promise<InvitationRecord | undefined> {
  const [row] = await withPerson(db)
    .where(and(eq(invitations.userId, userId), eq(invitations.clinicId, clinicId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt))
    .limit(1);
  return row;
}

/** What every new invitation row says. */
export interface NewInvitation {
  invitationId: string;
  clinicId: string;
  userId: string;
  role: ClinicRole;
  invitedBy: string;
  now: number;
  expiresAt: number;
}

/**
 * Someone new to Pulse: their account (no password yet), their role in the clinic, their setup
 * link and the invitation, in one batch. Throws when the address got an account meanwhile (two
 * invitations at once): the unique e-mail refuses the second.
 */
export async function inviteNewPerson(db: Database, invitation: NewInvitation & { email: string; locale: Locale; tokenHash: string }): Promise<void> {
  const { now } = invitation;
  await writeBatch(db, [
    db.insert(users).values({ id: invitation.userId, email: invitation.email, role: 'member', locale: invitation.locale, createdAt: now }),
    ...inviteStatements(db, invitation, invitation.tokenHash),
  ]);
}

/**
 * Someone with an account who never chose a password (invited elsewhere, say): the role in the
 * clinic (kept if they have one there), one more setup link of their own, and the invitation.
 * Their other links keep working until one of them is used.
 */
export async function invitePersonWithoutPassword(db: Database, invitation: NewInvitation & { tokenHash: string }): Promise<void> {
  await writeBatch(db, inviteStatements(db, invitation, invitation.tokenHash));
}

/** Someone with a password, who got the clinic at once (`addMembership`): the invitation, accepted as it is made. */
export async function recordAcceptedInvitation(db: Database, invitation: NewInvitation): Promise<void> {
  await db.insert(invitations).values({ ...invitationValues(invitation), tokenHash: null, acceptedAt: invitation.now });
}

function invitationValues(invitation: NewInvitation) {
  const { invitationId: id, clinicId, userId, role, invitedBy, now, expiresAt } = invitation;
  return { id, clinicId, userId, role, invitedBy, createdAt: now, sentAt: now, expiresAt };
}

function inviteStatements(db: Database, invitation: NewInvitation, tokenHash: string) {
  const { userId, clinicId, role, invitedBy, now, expiresAt } = invitation;
  return [
    db.insert(memberships).values({ userId, clinicId, role, createdAt: now }).onConflictDoNothing(),
    db.insert(setupTokens).values({ tokenHash, userId, createdBy: invitedBy, createdAt: now, expiresAt }),
    db.insert(invitations).values({ ...invitationValues(invitation), tokenHash }),
  ];
}

/**
 * A new link for an open invitation: the one sent before stops opening, the new one opens until
 * `expiresAt`. Does nothing to an invitation revoked meanwhile.
 */
export async function renewInvitationLink(
  db: Database,
  renewal: { invitationId: string; userId: string; previousTokenHash: string | null; tokenHash: string; sentBy: string; now: number; expiresAt: number },
): Promise<void> {
  const { now, tokenHash, expiresAt } = renewal;
  await writeBatch(db, [
    ...spendLink(db, renewal.previousTokenHash, now),
    db.insert(setupTokens).values({ tokenHash, userId: renewal.userId, createdBy: renewal.sentBy, createdAt: now, expiresAt }),
    db.update(invitations).set({ tokenHash, sentAt: now, expiresAt }).where(and(eq(invitations.id, renewal.invitationId), isNull(invitations.revokedAt))),
  ]);
}

/**
 * Withdraws an invitation not yet accepted: its link stops opening and the role it gave in the
 * clinic goes — unless the person has chosen a password meanwhile, whose access stays (removing a
 * member is `DELETE …/members/{userId}`, which closes their screens).
 */
export async function revokeInvitation(db: Database, revocation: { invitationId: string; userId: string; clinicId: string; tokenHash: string | null; now: number }): Promise<void> {
  const { userId, clinicId, now } = revocation;
  const stillWithoutPassword = sql`exists (select 1 from ${users} where ${users.id} = ${userId} and ${users.passwordHash} is null)`;
  await writeBatch(db, [
    db.update(invitations).set({ revokedAt: now }).where(and(eq(invitations.id, revocation.invitationId), isNull(invitations.revokedAt), isNull(invitations.acceptedAt))),
    ...spendLink(db, revocation.tokenHash, now),
    db.delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.clinicId, clinicId), stillWithoutPassword)),
  ]);
}

function spendLink(db: Database, tokenHash: string | null, now: number) {
  return tokenHash === null ? [] : [db.update(setupTokens).set({ usedAt: now }).where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt)))];
}
