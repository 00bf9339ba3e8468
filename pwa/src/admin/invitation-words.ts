/**
 * An invitation in the clinic page's words: its state, what was sent when and until when its link
 * opens, and what may still be done with it (resend and revoke while it is pending or expired).
 */
import { isOpenInvitation } from '../../../worker/domain/invitation-state.ts';
import type { Invitation } from '../api/invitations';
import type { Messages } from '../i18n/fr';
import type { Locale } from '../i18n/locale';

/** "24 nov. 2026, 09:30" in the reader's language; `timeZone` pinned by tests, the device's otherwise. */
export function invitationTime(iso: string, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone === undefined ? {} : { timeZone }) }).format(new Date(iso));
}

export function invitationStateWords(invitation: Pick<Invitation, 'state'>, messages: Messages): string {
  return messages.invitationStates[invitation.state];
}

/** The line under the address: the last sending and its link's end while it matters, else when it was made. */
export function invitationDetailWords(invitation: Invitation, messages: Messages, locale: Locale, timeZone?: string): string {
  const at = (iso: string) => invitationTime(iso, locale, timeZone);
  switch (invitation.state) {
    case 'pending':
      return messages.invitationSent(at(invitation.sentAt), at(invitation.expiresAt));
    case 'expired':
      return messages.invitationLinkExpired(at(invitation.sentAt), at(invitation.expiresAt));
    case 'accepted':
    case 'revoked':
      return messages.invitationInvitedOn(at(invitation.invitedAt));
  }
}

/** Resend and revoke are offered for a pending or an expired invitation only (the API refuses the others). */
export function canManageInvitation(invitation: Pick<Invitation, 'state'>): boolean {
  return isOpenInvitation(invitation.state);
}
