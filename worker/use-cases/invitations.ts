/**
 * Invitations to a clinic (issue 3/8): an owner by the super admin, staff by an owner. Someone new
 * gets an account and a one-time link valid 7 days by e-mail; someone with a password gets the
 * clinic at once and a notice. Open invitations (pending or expired) can be sent again — a new
 * link, the old one dead — or revoked — the link dead and the clinic's access gone.
 */
import { clinicNameOf } from '../../db/queries/clinics.ts';
import {
  clinicInvitation,
  clinicInvitations,
  inviteNewPerson,
  invitePersonWithoutPassword,
  openInvitationOf,
  recordAcceptedInvitation,
  renewInvitationLink,
  revokeInvitation,
  type InvitationRecord,
} from '../../db/queries/invitations.ts';
import { addMembership, findUserByEmail } from '../../db/queries/users.ts';
import { mailInvitation, newSetupLink } from '../auth/invite.ts';
import { INVITATION_LINK_TTL_MS, invitationStateOf, isOpenInvitation, type InvitationState } from '../domain/invitation-state.ts';
import type { ClinicRole, Locale } from '../domain/vocabulary.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { failed, succeeded, type Result } from './result.ts';
import { forgetSessions } from '../auth/forget-sessions.ts';

/** An invitation as its clinic's managers see it. */
export interface InvitationView {
  id: string;
  /** For the audit log. */
  userId: string;
  email: string;
  role: ClinicRole;
  state: InvitationState;
  invitedAt: number;
  /** When the latest e-mail went out. */
  sentAt: number;
  expiresAt: number;
  /**
   * The link this very call made and e-mailed, if it made one; the route decides who may see it
   * (the super admin, when mail only goes to the outbox).
   */
  setupUrl: string | null;
}

function viewOf(invitation: InvitationRecord, now: number, setupUrl: string | null = null): InvitationView {
  const { id, userId, email, role, createdAt: invitedAt, sentAt, expiresAt } = invitation;
  return { id, userId, email, role, state: invitationStateOf(invitation, now), invitedAt, sentAt, expiresAt, setupUrl };
}

export interface InvitationRequest {
  clinicId: string;
  role: ClinicRole;
  email: string;
  /** The e-mail's language for someone without a password yet; French when not chosen. */
  locale: Locale | undefined;
  invitedBy: string;
  /** Where the link opens: the app the inviter uses. */
  origin: string;
}

/**
 * Invites `email` to the clinic. Someone new gets an account and a link; someone who has an account
 * but never chose a password gets one more link (or, already invited here and not yet in, that
 * invitation sent again); someone with a password gets the clinic at once and a notice, the
 * invitation `accepted` as made. Each is told by e-mail.
 */
export async function inviteToClinic(services: Runtime, request: InvitationRequest, retried = false): Promise<Result<InvitationView, 'NO_CLINIC' | 'ALREADY_MEMBER'>> {
  const { db, clock } = services;
  const clinicName = await clinicNameOf(db, request.clinicId);
  if (clinicName === undefined) return failed('NO_CLINIC');
  const now = clock.now();
  const expiresAt = now + INVITATION_LINK_TTL_MS;
  const base = { invitationId: crypto.randomUUID(), clinicId: request.clinicId, role: request.role, invitedBy: request.invitedBy, now, expiresAt };
  const existing = await findUserByEmail(db, request.email);
  const pendingView = (userId: string, setupUrl: string | null): InvitationView => ({
    id: base.invitationId, userId, email: request.email, role: request.role, state: 'pending', invitedAt: now, sentAt: now, expiresAt, setupUrl,
  });

  if (existing === undefined) {
    const userId = crypto.randomUUID();
    const locale = request.locale ?? 'fr';
    const link = await newSetupLink(request.origin);
    try {
      await inviteNewPerson(db, { ...base, userId, email: request.email, locale, tokenHash: link.tokenHash });
    } catch (error) {
      // Two invitations of the same new e-mail at once: the other one made the account first.
      if (retried || (await findUserByEmail(db, request.email)) === undefined) throw error;
      return inviteToClinic(services, request, true);
    }
    await mailInvitation(services, { to: request.email, locale, clinicName, role: request.role, setupUrl: link.url, expiresAt });
    return succeeded(pendingView(userId, link.url));
  }

  if (existing.passwordHash === null && existing.disabledAt === null) {
    const open = await openInvitationOf(db, existing.id, request.clinicId);
    if (open !== undefined) return succeeded(await sendAgain(services, open, { clinicName, sentBy: request.invitedBy, origin: request.origin }));
    const link = await newSetupLink(request.origin);
    await invitePersonWithoutPassword(db, { ...base, userId: existing.id, tokenHash: link.tokenHash });
    await mailInvitation(services, { to: request.email, locale: request.locale ?? existing.locale, clinicName, role: request.role, setupUrl: link.url, expiresAt });
    return succeeded(pendingView(existing.id, link.url));
  }

  // Even the super admin's address gets the membership: refusing it would tell which one it is.
  if (!(await addMembership(db, { userId: existing.id, clinicId: request.clinicId, role: request.role, now }))) return failed('ALREADY_MEMBER');
  await recordAcceptedInvitation(db, { ...base, userId: existing.id });
  // Their open sessions see the new clinic from the next request on.
  await forgetSessions(services, { userId: existing.id });
  // They chose their language themselves.
  await mailInvitation(services, { to: request.email, locale: existing.locale, clinicName, role: request.role, setupUrl: null, expiresAt });
  return succeeded({ ...pendingView(existing.id, null), state: 'accepted' });
}

async function sendAgain(services: Runtime, invitation: InvitationRecord, by: { clinicName: string; sentBy: string; origin: string }): Promise<InvitationView> {
  const now = services.clock.now();
  const expiresAt = now + INVITATION_LINK_TTL_MS;
  const link = await newSetupLink(by.origin);
  await renewInvitationLink(services.db, {
    invitationId: invitation.id, userId: invitation.userId, previousTokenHash: invitation.tokenHash, tokenHash: link.tokenHash, sentBy: by.sentBy, now, expiresAt,
  });
  await mailInvitation(services, { to: invitation.email, locale: invitation.locale, clinicName: by.clinicName, role: invitation.role, setupUrl: link.url, expiresAt });
  return viewOf({ ...invitation, sentAt: now, expiresAt }, now, link.url);
}

/** The clinic's invitations of the roles the caller manages (`roles`), newest first. */
export async function listInvitations(services: Runtime, clinicId: string, roles: readonly ClinicRole[]): Promise<InvitationView[]> {
  const now = services.clock.now();
  return (await clinicInvitations(services.db, clinicId, roles)).map((invitation) => viewOf(invitation, now));
}

/** Which invitation, asked by whom: `roles` are the ones the caller manages (another's is NOT_FOUND). */
export interface InvitationAction {
  clinicId: string;
  invitationId: string;
  roles: readonly ClinicRole[];
  actorId: string;
  origin: string;
}

type ActionFailure = 'NOT_FOUND' | 'NOT_OPEN';

async function openInvitationFor(services: Runtime, action: InvitationAction): Promise<Result<InvitationRecord, ActionFailure>> {
  const invitation = await clinicInvitation(services.db, action.clinicId, action.invitationId);
  if (invitation === undefined || !action.roles.includes(invitation.role)) return failed('NOT_FOUND');
  return isOpenInvitation(invitationStateOf(invitation, services.clock.now())) ? succeeded(invitation) : failed('NOT_OPEN');
}

/** Sends a pending or expired invitation again: a new link valid 7 days, the one before dead. */
export async function resendInvitation(services: Runtime, action: InvitationAction): Promise<Result<InvitationView, ActionFailure>> {
  const found = await openInvitationFor(services, action);
  if (!found.ok) return found;
  const clinicName = await clinicNameOf(services.db, action.clinicId);
  if (clinicName === undefined) return failed('NOT_FOUND');
  return succeeded(await sendAgain(services, found.value, { clinicName, sentBy: action.actorId, origin: action.origin }));
}

/** Revokes a pending or expired invitation: its link stops opening and the person loses the clinic. */
export async function revokeClinicInvitation(services: Runtime, action: InvitationAction): Promise<Result<InvitationView, ActionFailure>> {
  const found = await openInvitationFor(services, action);
  if (!found.ok) return found;
  const invitation = found.value;
  const now = services.clock.now();
  await revokeInvitation(services.db, { invitationId: invitation.id, userId: invitation.userId, clinicId: action.clinicId, tokenHash: invitation.tokenHash, now });
  const after = await clinicInvitation(services.db, action.clinicId, invitation.id);
  return succeeded(viewOf(after ?? { ...invitation, revokedAt: now }, now));
}
