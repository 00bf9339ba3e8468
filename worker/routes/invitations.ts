import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { authorize, signedInUser } from '../auth/authorize.ts';
import { CLINIC_OWNERS, SUPER_ADMIN } from '../auth/policy.ts';
import { InvitationListSchema, InvitationSchema, type Invitation } from '../domain/invitation-wire.ts';
import { CLINIC_ROLES, LOCALES, type ClinicRole } from '../domain/vocabulary.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../http/audit.ts';
import { inviteToClinic, listInvitations, resendInvitation, revokeClinicInvitation, type InvitationView } from '../use-cases/invitations.ts';
import { EmailSchema } from './account-schemas.ts';
import { ClinicParams, clinicRoute } from './guarded-routes.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from './openapi-helpers.ts';
import { valueOr } from './refusals.ts';

const InviteBody = z.strictObject({
  email: EmailSchema,
  locale: z.enum(LOCALES).optional().openapi({ description: "The e-mail's language for someone who has no password yet; French when left out" }),
});

const InvitationAnswer = InvitationSchema.openapi('Invitation');

const inviteResponses = {
  201: jsonContent(InvitationAnswer, 'Invited and told by e-mail: `pending` with a link, or `accepted` at once for someone who already had a password'),
  ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'),
};

const inviteOwner = createRoute({
  method: 'post',
  path: '/admin/clinics/{clinicId}/owners',
  tags: ['admin'],
  summary: "Invite a clinic's owner (the doctor)",
  middleware: [authorize(SUPER_ADMIN)] as const,
  request: { params: z.object({ clinicId: IdParam }), ...jsonBody(InviteBody) },
  responses: inviteResponses,
});

const inviteStaff = clinicRoute(CLINIC_OWNERS, '/staff', {
  method: 'post',
  tags: ['clinics'],
  summary: 'Invite a receptionist to the clinic',
  request: { ...jsonBody(InviteBody) },
  responses: inviteResponses,
});

const listClinicInvitations = clinicRoute(CLINIC_OWNERS, '/invitations', {
  method: 'get',
  tags: ['clinics'],
  summary: "The clinic's invitations and their state, newest first: staff ones to its owners, every one to the super admin",
  responses: { 200: jsonContent(InvitationListSchema.openapi('InvitationList'), 'Invitations'), ...errorResponses('UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND') },
});

const InvitationParams = ClinicParams.extend({ invitationId: IdParam });
const actionResponses = (done: string) => ({
  200: jsonContent(InvitationAnswer, done),
  ...errorResponses('UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'),
});

const resend = clinicRoute(CLINIC_OWNERS, '/invitations/{invitationId}/resend', {
  method: 'post',
  tags: ['clinics'],
  summary: 'Send a pending or expired invitation again: a new link valid 7 days, the one before dead; audited',
  request: { params: InvitationParams },
  responses: actionResponses('Sent again'),
});

const revoke = clinicRoute(CLINIC_OWNERS, '/invitations/{invitationId}', {
  method: 'delete',
  tags: ['clinics'],
  summary: 'Revoke a pending or expired invitation: its link dead, the access it gave removed; audited',
  request: { params: InvitationParams },
  responses: actionResponses('Revoked'),
});

/** The roles whose invitations the caller manages: every one for the super admin, staff for an owner. */
function managedRoles(c: Context<AppEnv>): readonly ClinicRole[] {
  return signedInUser(c).user.role === 'super_admin' ? CLINIC_ROLES : ['staff'];
}

/**
 * An invitation on the wire. The link a call made goes to the person by e-mail; only the super
 * admin, who sees every account anyway, is also shown it, and only when mail goes no further than
 * the outbox — how a deployment without mail still onboards its first doctors.
 */
function answerOf(c: Context<AppEnv>, invitation: InvitationView): Invitation {
  const iso = (at: number) => new Date(at).toISOString();
  const { id, email, role, state } = invitation;
  const answer = { id, email, role, state, invitedAt: iso(invitation.invitedAt), sentAt: iso(invitation.sentAt), expiresAt: iso(invitation.expiresAt) };
  const showLink = signedInUser(c).user.role === 'super_admin' && c.var.services.config.mail.transport.kind === 'outbox';
  return showLink && invitation.setupUrl !== null ? { ...answer, setupUrl: invitation.setupUrl } : answer;
}

async function invite(c: Context<AppEnv>, clinicId: string, role: ClinicRole, body: z.infer<typeof InviteBody>): Promise<Invitation> {
  const result = await inviteToClinic(c.var.services, {
    clinicId, role, email: body.email, locale: body.locale, invitedBy: signedInUser(c).user.id, origin: c.var.services.config.publicUrl,
  });
  const invitation = valueOr(result, {
    NO_CLINIC: () => new AppError('NOT_FOUND', 'No such clinic'),
    ALREADY_MEMBER: () => new AppError('CONFLICT', 'This person already has access to the clinic'),
  });
  await recordAudit(c, { action: 'invitation', clinicId, targetType: 'user', targetId: invitation.userId, success: true, detail: { role, invitationId: invitation.id } });
  return answerOf(c, invitation);
}

const actionRefusals = {
  NOT_FOUND: () => new AppError('NOT_FOUND', 'No such invitation'),
  NOT_OPEN: () => new AppError('CONFLICT', 'Only a pending or expired invitation can be sent again or revoked'),
};

function actionOf(c: Context<AppEnv>, invitationId: string) {
  return { clinicId: c.var.clinicId, invitationId, roles: managedRoles(c), actorId: signedInUser(c).user.id, origin: c.var.services.config.publicUrl };
}

export const invitationRoutes = new OpenAPIHono<AppEnv>()
  .openapi(inviteOwner, async (c) => c.json(await invite(c, c.req.valid('param').clinicId, 'clinic_owner', c.req.valid('json')), 201))
  .openapi(inviteStaff, async (c) => c.json(await invite(c, c.var.clinicId, 'staff', c.req.valid('json')), 201))
  .openapi(listClinicInvitations, async (c) => {
    const invitations = await listInvitations(c.var.services, c.var.clinicId, managedRoles(c));
    return c.json({ invitations: invitations.map((invitation) => answerOf(c, invitation)) }, 200);
  })
  .openapi(resend, async (c) => {
    const invitation = valueOr(await resendInvitation(c.var.services, actionOf(c, c.req.valid('param').invitationId)), actionRefusals);
    await recordAudit(c, { action: 'invitation_resend', clinicId: c.var.clinicId, targetType: 'invitation', targetId: invitation.id, success: true, detail: { role: invitation.role } });
    return c.json(answerOf(c, invitation), 200);
  })
  .openapi(revoke, async (c) => {
    const invitation = valueOr(await revokeClinicInvitation(c.var.services, actionOf(c, c.req.valid('param').invitationId)), actionRefusals);
    await recordAudit(c, { action: 'invitation_revoke', clinicId: c.var.clinicId, targetType: 'invitation', targetId: invitation.id, success: true, detail: { role: invitation.role } });
    return c.json(answerOf(c, invitation), 200);
  });
