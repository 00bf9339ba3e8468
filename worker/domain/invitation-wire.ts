/**
 * The answers of the invitation routes, shared by the Worker and the PWA (which checks them at run
 * time: the deployed API may be older or newer than the page).
 */
import { z } from 'zod';
import { INVITATION_STATES } from './invitation-state.ts';
import { CLINIC_ROLES } from './vocabulary.ts';

export const InvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(CLINIC_ROLES),
  state: z.enum(INVITATION_STATES),
  invitedAt: z.iso.datetime(),
  /** When the latest e-mail went out: the invitation or its last resend. */
  sentAt: z.iso.datetime(),
  /** When the latest link stops opening (7 days after `sentAt`). */
  expiresAt: z.iso.datetime(),
  /**
   * The link this answer's call e-mailed: only to the super admin, and only when mail goes to the
   * local outbox (a deployment without mail can still onboard). Never in a list.
   */
  setupUrl: z.url().optional(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const InvitationListSchema = z.object({ invitations: z.array(InvitationSchema) });
export type InvitationList = z.infer<typeof InvitationListSchema>;
