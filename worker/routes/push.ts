import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { MAX_PUSH_SUBSCRIPTIONS_PER_USER } from '../../db/queries/push-subscriptions.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize, signedInUser } from '../auth/authorize.ts';
import { SIGNED_IN } from '../auth/policy.ts';
import { AppError } from '../errors.ts';
import { sendTestNotification, subscribeDevice, unsubscribeDevice } from '../use-cases/push-devices.ts';
import { errorResponses, jsonBody, jsonContent } from './openapi-helpers.ts';
import { valueOr } from './refusals.ts';

const Base64Url = z.string().regex(/^[A-Za-z0-9_-]+=*$/, 'must be base64url');

/** What `PushSubscription.toJSON()` gives in the browser; `expirationTime` is accepted and unused. */
const SubscriptionSchema = z
  .strictObject({
    // RFC 8030 push resources are https; anything else could point the Worker at internal hosts.
    endpoint: z.string().max(2_048).url().refine((value) => value.startsWith('https://'), 'must be an https URL'),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({
      // An uncompressed P-256 point: 65 bytes, 87 base64url characters.
      p256dh: Base64Url.min(86).max(90),
      // The 16-byte auth secret of RFC 8291.
      auth: Base64Url.min(22).max(24),
    }),
  })
  .openapi('PushSubscription');

const EndpointSchema = z.strictObject({ endpoint: z.string().min(1).max(2_048) });

const publicKey = createRoute({
  method: 'get',
  path: '/push/public-key',
  tags: ['push'],
  summary: "The server's VAPID public key, the browser's applicationServerKey for subscribing",
  middleware: [authorize(SIGNED_IN)] as const,
  responses: { 200: jsonContent(z.object({ publicKey: z.string() }), 'Key'), ...errorResponses('UNAUTHORIZED') },
});

const subscribe = createRoute({
  method: 'post',
  path: '/push/subscriptions',
  tags: ['push'],
  summary: 'Register this browser for push notifications (again with the same endpoint: updates it)',
  description:
    `An endpoint belongs to the user who registered it: another user's answers 409 CONFLICT and changes nothing. ` +
    `A user keeps at most ${MAX_PUSH_SUBSCRIPTIONS_PER_USER} browsers; registering one more drops the oldest.`,
  middleware: [authorize(SIGNED_IN)] as const,
  request: jsonBody(SubscriptionSchema),
  responses: { 204: { description: 'Saved' }, ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'CONFLICT') },
});

const unsubscribe = createRoute({
  method: 'delete',
  path: '/push/subscriptions',
  tags: ['push'],
  summary: 'Stop push notifications to one of your browsers',
  middleware: [authorize(SIGNED_IN)] as const,
  request: jsonBody(EndpointSchema),
  responses: { 204: { description: 'Removed' }, ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND') },
});

const sendTest = createRoute({
  method: 'post',
  path: '/push/test',
  tags: ['push'],
  summary: 'Send a test notification to every one of your browsers',
  middleware: [authorize(SIGNED_IN)] as const,
  responses: {
    200: jsonContent(
      z.object({
        delivered: z.number().int(),
        removed: z.number().int(),
        failed: z.number().int(),
      }),
      'What each device answered',
    ),
    ...errorResponses('UNAUTHORIZED', 'FORBIDDEN'),
  },
});

export const pushRoutes = new OpenAPIHono<AppEnv>()
  .openapi(publicKey, (c) => c.json({ publicKey: c.var.services.config.vapid.publicKey }, 200))
  .openapi(subscribe, async (c) => {
    const saved = await subscribeDevice(c.var.services, signedInUser(c).user.id, c.req.valid('json'));
    valueOr(saved, {
      not_a_push_service: () => new AppError('VALIDATION_FAILED', 'The endpoint is not a browser push service', { field: 'endpoint' }),
      // Its user turns push off on that browser first (the PWA also drops a refused subscription, so
      // the browser's next one has a new endpoint); the old one then answers 410 and is forgotten.
      endpoint_taken: () => new AppError('CONFLICT', 'This browser receives the notifications of another account'),
    });
    return c.body(null, 204);
  })
  .openapi(unsubscribe, async (c) => {
    const removed = await unsubscribeDevice(c.var.services, signedInUser(c).user.id, c.req.valid('json').endpoint);
    valueOr(removed, { no_such_subscription: () => new AppError('NOT_FOUND', 'No such subscription of yours') });
    return c.body(null, 204);
  })
  .openapi(sendTest, async (c) => c.json(await sendTestNotification(c.var.services, signedInUser(c).user), 200));
