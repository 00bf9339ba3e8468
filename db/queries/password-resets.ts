import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { setupTokens, users } from '../schema/accounts.ts';
import type { UserRow } from './users.ts';

/** A one-time link that still opens, and whom it is for. */
export interface OpenSetupLink {
  user: UserRow;
  /**
   * The person asked for it themselves (a forgotten password: the link's `created_by` is the
   * person), rather than being invited by someone else.
   */
  reset: boolean;
}

/** The setup link of this token hash while it may still be used: unknown, used, expired or of a disabled user is undefined. */
export async function openSetupLinkOf(db: Database, tokenHash: string, now: number): Promise<OpenSetupLink | undefined> {
  const [row] = await db
    .select({ user: users, createdBy: setupTokens.createdBy })
    .from(setupTokens)
    .innerJoin(users, eq(users.id, setupTokens.userId))
    .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now), isNull(users.disabledAt)))
    .limit(1);
  return row === undefined ? undefined : { user: row.user, reset: row.createdBy === row.user.id };
}
