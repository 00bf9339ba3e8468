import { findUserByEmail, createInvitedMember } from '../../db/queries/users.ts';
import type { ClinicRole, Locale } from '../domain/vocabulary.ts';
import { AppError } from '../errors.ts';
import type { Services } from '../services/services.ts';
import { randomToken, sha256Hex } from './secrets.ts';

/** PRODUCT: a setup link is valid for 72 hours, once. */
export const SETUP_LINK_TTL_MS = 72 * 3_600_000;

export interface Invitation {
  userId: string;
  email: string;
  role: ClinicRole;
  /** The link to hand over; the token travels in the fragment so it never reaches a server log. */
  setupUrl: string;
  expiresAt: number;
}

/** Creates the person with a role in the clinic and a one-time setup link to choose a password. */
export async function invite(
  services: Services,
  invitation: { clinicId: string; role: ClinicRole; email: string; locale: Locale; invitedBy: string; origin: string },
): Promise<Invitation> {
  const { db, clock } = services;
  if (await findUserByEmail(db, invitation.email)) {
    throw new AppError('CONFLICT', 'A user with this e-mail already exists', { field: 'email' });
  }
  const token = randomToken();
  const now = clock.now();
  const userId = crypto.randomUUID();
  const expiresAt = now + SETUP_LINK_TTL_MS;
  await createInvitedMember(db, {
    userId,
    email: invitation.email,
    locale: invitation.locale,
    clinicId: invitation.clinicId,
    role: invitation.role,
    tokenHash: await sha256Hex(token),
    createdBy: invitation.invitedBy,
    now,
    expiresAt,
  });
  return { userId, email: invitation.email, role: invitation.role, setupUrl: `${invitation.origin}/setup#${token}`, expiresAt };
}
