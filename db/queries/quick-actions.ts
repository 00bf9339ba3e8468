/** The admin home's quick actions: four counts in one statement. */
import { and, count, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { alertInstances } from '../schema/alerts.ts';
import { invitations } from '../schema/invitations.ts';
import { deadLetters } from '../schema/jobs.ts';
import { isOpeningAt, openingClinic } from './service-digest.ts';

const DAY_MS = 86_400_000;

/**
 * As things stood at `now` (so a pinned clock reads a hand-built past): jobs that reached the dead
 * letters in the 24 hours before (and are still there), alerts firing, invitations whose link still
 * opens (invitation-state.ts "pending": sent, not revoked, not accepted, the person without a
 * password, not expired), and clinics opening.
 */
export async function quickActionCounts(db: Database, now: number) {
  const scalar = (query: { getSQL(): ReturnType<typeof sql> }) => sql<number>`(${query})`.mapWith(Number);
  const [row] = await db
    .select({
      failedJobs24h: scalar(db.select({ n: count() }).from(deadLetters).where(and(gt(deadLetters.receivedAt, now - DAY_MS), lte(deadLetters.receivedAt, now)))),
      openAlerts: scalar(
        db
          .select({ n: count() })
          .from(alertInstances)
          .where(and(lte(alertInstances.firedAt, now), or(isNull(alertInstances.resolvedAt), gt(alertInstances.resolvedAt, now)))),
      ),
      pendingInvitations: scalar(
        db
          .select({ n: count() })
          .from(invitations)
          .innerJoin(users, eq(users.id, invitations.userId))
          .where(and(lte(invitations.sentAt, now), gt(invitations.expiresAt, now), isNull(invitations.revokedAt), isNull(invitations.acceptedAt), isNull(users.passwordHash))),
      ),
      onboardingClinics: scalar(db.select({ n: count() }).from(openingClinic).where(isOpeningAt(db, now))),
    })
    .from(sql`(select 1)`);
  return row ?? { failedJobs24h: 0, openAlerts: 0, pendingInvitations: 0, onboardingClinics: 0 };
}
