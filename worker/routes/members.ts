import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { clinicMembers, removeMembership } from '../../db/queries/users.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize } from '../auth/authorize.ts';
import { closeLiveSockets, SOCKET_CLOSE_REASONS } from '../auth/live-socket-closing.ts';
import { CLINIC_OWNERS } from '../auth/policy.ts';
import { CLINIC_ROLES } from '../domain/vocabulary.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../http/audit.ts';
import { ClinicParams, clinicRoute } from './guarded-routes.ts';
import { errorResponses, IdParam, jsonContent } from './openapi-helpers.ts';
import { forgetSessions } from '../auth/forget-sessions.ts';


const MemberSchema = z.object({ userId: z.string(), email: z.string(), role: z.enum(CLINIC_ROLES) }).openapi('Member');

const listMembers = clinicRoute(CLINIC_OWNERS, '/members', {
  method: 'get',
  tags: ['clinics'],
  summary: "The clinic's members and their roles (owners and the super admin)",
  responses: { 200: jsonContent(z.object({ members: z.array(MemberSchema) }), 'Members'), ...errorResponses('UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND') },
});

const removeMember = clinicRoute(CLINIC_OWNERS, '/members/{userId}', {
  method: 'delete',
  tags: ['clinics'],
  summary: "Remove someone's access to the clinic: their open live screens close at once; audited",
  request: { params: ClinicParams.extend({ userId: IdParam }) },
  responses: { 204: { description: 'Removed' }, ...errorResponses('UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT') },
});

export const memberRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listMembers, async (c) => c.json({ members: await clinicMembers(c.var.services.db, c.var.clinicId) }, 200))
  .openapi(removeMember, async (c) => {
    const { userId } = c.req.valid('param');
    const clinicId = c.var.clinicId;
    const { db } = c.var.services;
    const members = await clinicMembers(db, clinicId);
    const member = members.find((candidate) => candidate.userId === userId);
    if (member === undefined) throw new AppError('NOT_FOUND', 'No such member of this clinic');
    // A clinic keeps someone who can invite and manage it.
    if (member.role === 'clinic_owner' && members.filter((candidate) => candidate.role === 'clinic_owner').length === 1) {
      throw new AppError('CONFLICT', 'The last owner of a clinic cannot be removed');
    }
    if (!(await removeMembership(db, userId, clinicId))) throw new AppError('NOT_FOUND', 'No such member of this clinic');
    await forgetSessions(c.var.services, { userId });
    await closeLiveSockets(c.var.services, { userId }, SOCKET_CLOSE_REASONS.membershipRemoved, clinicId);
    await recordAudit(c, { action: 'membership_remove', clinicId, targetType: 'user', targetId: userId, success: true, detail: { role: member.role } });
    return c.body(null, 204);
  });
