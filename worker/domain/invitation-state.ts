/**
 * Where an invitation stands. Pure: the columns of an invitation, whether its person has a
 * password now, and the time.
 */

/** PRODUCT (issue 3/8): an invitation's link opens for 7 days, once. */
export const INVITATION_LINK_TTL_MS = 7 * 24 * 3_600_000;

/**
 * - `pending`: the link is out and still opens;
 * - `accepted`: the person has a password (chosen with the link, or they had one when invited);
 * - `expired`: the link has stopped opening and the person never chose a password;
 * - `revoked`: withdrawn before it was accepted (the link dead, the clinic's access removed).
 */
export const INVITATION_STATES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export interface InvitationStanding {
  acceptedAt: number | null;
  revokedAt: number | null;
  /** When the latest link stops opening (epoch ms): it opens while `now < expiresAt`. */
  expiresAt: number;
  /** The invited person has chosen a password (with this link or any other). */
  hasPassword: boolean;
}

export function invitationStateOf(invitation: InvitationStanding, now: number): InvitationState {
  if (invitation.revokedAt !== null) return 'revoked';
  if (invitation.acceptedAt !== null || invitation.hasPassword) return 'accepted';
  return now < invitation.expiresAt ? 'pending' : 'expired';
}

/** Only an invitation not yet accepted nor revoked may be sent again or revoked. */
export function isOpenInvitation(state: InvitationState): boolean {
  return state === 'pending' || state === 'expired';
}
