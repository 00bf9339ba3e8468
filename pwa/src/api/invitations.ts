/**
 * A clinic's invitations (`/api/v1/clinics/{id}/invitations`): the list with each one's state, and
 * sending one again or revoking it. Answers checked against the Worker's own schemas
 * (worker/domain/invitation-wire.ts); the link is in an answer only for the super admin when the
 * deployment sends no mail.
 */
import { InvitationListSchema, InvitationSchema, type Invitation } from '../../../worker/domain/invitation-wire.ts';
import type { z } from 'zod';
import { parseAnswer } from './answer';
import { api, callApi, clinicParams, segment } from './client';
import type { OwnerInvitationAnswer } from './contract';

export { INVITATION_STATES, type InvitationState } from '../../../worker/domain/invitation-state.ts';
export type { Invitation };

const invitations = api.clinics[':clinicId'].invitations;

/** The routes answer with the shared schema: should either side change alone, this stops compiling. */
const CheckedInvitationSchema = InvitationSchema satisfies z.ZodType<OwnerInvitationAnswer>;

export const parseInvitation = (value: unknown): Invitation => parseAnswer(CheckedInvitationSchema, 'invitation', value);
export const parseInvitationList = (value: unknown): Invitation[] => parseAnswer(InvitationListSchema, 'invitations', value).invitations;

/** `GET …/invitations`: newest first; the super admin sees every one, an owner the staff ones. */
export async function fetchClinicInvitations(clinicId: string): Promise<Invitation[]> {
  return parseInvitationList(await callApi(invitations.$get({ param: clinicParams(clinicId) })));
}

/** Sends a pending or expired invitation again: a new link, the one before dead (audited). */
export async function resendInvitation(clinicId: string, invitationId: string): Promise<Invitation> {
  return parseInvitation(await callApi(invitations[':invitationId'].resend.$post({ param: { ...clinicParams(clinicId), invitationId: segment(invitationId) } })));
}

/** Revokes a pending or expired invitation: the link dead, the access it gave removed (audited). */
export async function revokeInvitation(clinicId: string, invitationId: string): Promise<Invitation> {
  return parseInvitation(await callApi(invitations[':invitationId'].$delete({ param: { ...clinicParams(clinicId), invitationId: segment(invitationId) } })));
}
