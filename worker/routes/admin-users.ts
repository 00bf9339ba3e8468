import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { setUserDisabled } from '../../db/queries/users.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize, signedInUser } from '../auth/authorize.ts';
import { closeLiveSockets, SOCKET_CLOSE_REASONS } from '../auth/live-socket-closing.ts';
import { SUPER_ADMIN } from '../auth/policy.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../http/audit.ts';
import { errorResponses, IdParam, jsonBody } from './openapi-helpers.ts';
import { forgetSessions } from '../auth/forget-sessions.ts';

const setAccess = createRoute({
  method: 'put',
  path: '/admin/users/{userId}/access',
  tags: ['admin'],
  summary: 'Disable a user (their sessions end at once) or enable them again',
  middleware: [authorize(SUPER_ADMIN)] as const,
  request: { params: z.object({ userId: IdParam }), ...jsonBody(z.strictObject({ disabled: z.boolean() })) },
  responses: { 204: { description: 'Done' }, ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT') },
});

export const adminUserRoutes = new OpenAPIHono<AppEnv>().openapi(setAccess, async (c) => {
  const { userId } = c.req.valid('param');
  const { disabled } = c.req.valid('json');
  if (disabled && userId === signedInUser(c).user.id) throw new AppError('CONFLICT', 'You cannot disable yourself');
  const found = await setUserDisabled(c.var.services.db, userId, disabled, c.var.services.clock.now());
  await recordAudit(c, { action: disabled ? 'user_disable' : 'user_enable', targetType: 'user', targetId: userId, success: found, errorCode: found ? null : 'NOT_FOUND' });
  if (!found) throw new AppError('NOT_FOUND', 'No such user');
  await forgetSessions(c.var.services, { userId });
  if (disabled) await closeLiveSockets(c.var.services, { userId }, SOCKET_CLOSE_REASONS.disabled);
  return c.body(null, 204);
});
