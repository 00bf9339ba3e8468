/**
 * The activation funnel's instants (worker/domain/activation-funnel.ts), read in one statement: one
 * row per clinic created in the window, each step's first instant a correlated lookup by the
 * clinic's id (an index seek or a scan of that clinic's own rows, never of every clinic's).
 */
import { and, between, eq, gte, isNotNull, lt, lte, min, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { ClinicMilestones } from '../../worker/domain/activation-funnel.ts';
import type { Database } from '../client.ts';
import { memberships, users } from '../schema/accounts.ts';
import { clinicActivity } from '../schema/activity.ts';
import { clinics } from '../schema/clinics.ts';
import { invitations } from '../schema/invitations.ts';
import { queueEntries } from '../schema/queue.ts';

const DAY_MS = 86_400_000;

// The outer clinic goes by `c`, so that every lookup can name it.
const c = alias(clinics, 'c');
const invitation = alias(invitations, 'i');
const member = alias(memberships, 'm');
const owner = alias(users, 'u');
const login = alias(clinicActivity, 'a');
const entry = alias(queueEntries, 'e');

/** A scalar subquery as a selected field (drizzle parenthesises it through sql). */
const firstOf = (query: SQLWrapper): SQL<number | null> => sql<number | null>`${query}`;

/**
 * For every clinic created in [from, to) and by `now`: when it was created, when its owner was
 * first invited (an invitation with the owner's role), when an owner could first sign in (their
 * membership and a password of their own),
 * its first login, its first patient (a check-in, any method), its first QR check-in, and its
 * first login in its fourth week (from day 21 after its creation to day 28, excluded). Instants
 * after `now` are not seen, so a pinned clock sees the past as it was.
 */
export async function clinicMilestones(db: Database, range: { from: number; to: number }, now: number): Promise<ClinicMilestones[]> {
  const ownerInvited = db
    .select({ at: min(invitation.createdAt) })
    .from(invitation)
    .where(and(eq(invitation.clinicId, c.id), eq(invitation.role, 'clinic_owner'), lte(invitation.createdAt, now)));
  // An owner has joined once they can sign in: the membership (granted with the invitation) and a
  // password of their own, chosen from the link (or held already, when they joined at once).
  const joinedAt = sql<number>`max(${member.createdAt}, coalesce(${owner.passwordChangedAt}, ${member.createdAt}))`;
  const ownerJoined = db
    .select({ at: sql<number | null>`min(${joinedAt})` })
    .from(member)
    .innerJoin(owner, eq(owner.id, member.userId))
    .where(and(eq(member.clinicId, c.id), eq(member.role, 'clinic_owner'), isNotNull(owner.passwordHash), lte(joinedAt, now)));
  const firstLogin = db
    .select({ at: min(login.occurredAt) })
    .from(login)
    .where(and(eq(login.clinicId, c.id), eq(login.kind, 'clinic_login'), lte(login.occurredAt, now)));
  const week4Login = db
    .select({ at: min(login.occurredAt) })
    .from(login)
    .where(
      and(
        eq(login.clinicId, c.id),
        eq(login.kind, 'clinic_login'),
        between(login.occurredAt, sql`${c.createdAt} + ${21 * DAY_MS}`, sql`${c.createdAt} + ${28 * DAY_MS - 1}`),
        lte(login.occurredAt, now),
      ),
    );
  const firstPatient = db
    .select({ at: min(entry.checkedInAt) })
    .from(entry)
    .where(and(eq(entry.clinicId, c.id), lte(entry.checkedInAt, now)));
  const firstQr = db
    .select({ at: min(entry.checkedInAt) })
    .from(entry)
    .where(and(eq(entry.clinicId, c.id), eq(entry.method, 'qr'), lte(entry.checkedInAt, now)));
  return db
    .select({
      clinicId: c.id,
      created: c.createdAt,
      ownerInvited: firstOf(ownerInvited),
      ownerJoined: firstOf(ownerJoined),
      firstLogin: firstOf(firstLogin),
      firstPatient: firstOf(firstPatient),
      firstQrCheckIn: firstOf(firstQr),
      activeInWeek4: firstOf(week4Login),
    })
    .from(c)
    .where(and(gte(c.createdAt, range.from), lt(c.createdAt, range.to), lte(c.createdAt, now)))
    .orderBy(c.createdAt, c.id);
}
