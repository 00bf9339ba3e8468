import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { authorize, signedInUser } from '../auth/authorize.ts';
import { invite } from '../auth/invite.ts';
import { CLINIC_OWNERS, SUPER_ADMIN } from '../auth/policy.ts';
import { CLINIC_ROLES, LOCALES, type ClinicRole } from '../domain/vocabulary.ts';
import { recordAudit } from '../http/audit.ts';
import { EmailSchema } from './account-schemas.ts';
import { clinicRoute } from './guarded-routes.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from './openapi-helpers.ts';

const InviteBody = z.strictObject({ email: EmailSchema, locale: z.enum(LOCALES).default('fr') });

const InvitationSchema = z
  .object({
    email: z.string(),
    role: z.enum(CLINIC_ROLES),
    expiresAt: z.string().datetime(),
    setupUrl: z.string().url().optional().openapi({ description: 'The super admin only: the one-time link that was e-mailed, when one was made' }),
  })
  .openapi('Invitation');

const inviteResponses = {
  201: jsonContent(InvitationSchema, 'Invited and told by e-mail; the same answer whether the e-mail already had an account or not'),
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

async function answerInvitation(c: Context<AppEnv>, clinicId: string, role: ClinicRole, body: z.infer<typeof InviteBody>) {
  const invitation = await invite(c.var.services, {
    clinicId,
    role,
    email: body.email,
    locale: body.locale,
    invitedBy: signedInUser(c).user.id,
    origin: new URL(c.req.url).origin,
  });
  await recordAudit(c, { action: 'invitation', clinicId, targetType: 'user', targetId: invitation.userId, success: true, detail: { role } });
  const answer = { email: invitation.email, role: invitation.role, expiresAt: new Date(invitation.expiresAt).toISOString() };
  const superAdmin = signedInUser(c).user.role === 'super_admin';
  return superAdmin && invitation.setupUrl !== null ? { ...answer, setupUrl: invitation.setupUrl } : answer;
}

export const invitationRoutes = new OpenAPIHono<AppEnv>()
  .openapi(inviteOwner, async (c) => {
    const { clinicId } = c.req.valid('param');
    return c.json(await answerInvitation(c, clinicId, 'clinic_owner', c.req.valid('json')), 201);
  })
  .openapi(inviteStaff, async (c) => c.json(await answerInvitation(c, c.var.clinicId, 'staff', c.req.valid('json')), 201));
