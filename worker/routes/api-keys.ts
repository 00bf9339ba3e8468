import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { insertApiKey, listApiKeys, revokeApiKey } from '../../db/queries/api-keys.ts';
import type { AppEnv } from '../app-env.ts';
import { newApiKey } from '../auth/api-key-format.ts';
import { forgetApiKeys } from '../auth/authenticate.ts';
import { authorize, signedInUser } from '../auth/authorize.ts';
import { CLINIC_OWNERS } from '../auth/policy.ts';
import { sha256Hex } from '../auth/secrets.ts';
import { humanName } from '../domain/human-name.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../http/audit.ts';
import { ClinicParams, clinicRoute } from './guarded-routes.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from './openapi-helpers.ts';


/** Which device or integration holds the key ("Tablette accueil"): the one rule for names. */
const NewApiKeySchema = z.strictObject({ name: humanName({ min: 1, max: 80 }) }).openapi('NewApiKeyRequest');

const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string().datetime(),
    lastUsedAt: z.string().datetime().nullable(),
    revokedAt: z.string().datetime().nullable(),
  })
  .openapi('ApiKey');

const createKey = clinicRoute(CLINIC_OWNERS, '/api-keys', {
  method: 'post',
  tags: ['api keys'],
  summary: "Create an API key for the clinic's queue app; the key is shown only in this answer",
  request: { ...jsonBody(NewApiKeySchema) },
  responses: {
    201: jsonContent(ApiKeySchema.extend({ key: z.string() }).openapi('NewApiKey'), 'Created'),
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

const listKeys = clinicRoute(CLINIC_OWNERS, '/api-keys', {
  method: 'get',
  tags: ['api keys'],
  summary: "The clinic's API keys (prefix, created, last used), never their secrets",
  responses: { 200: jsonContent(z.object({ apiKeys: z.array(ApiKeySchema) }), 'Keys'), ...errorResponses('UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND') },
});

const revokeKey = clinicRoute(CLINIC_OWNERS, '/api-keys/{keyId}', {
  method: 'delete',
  tags: ['api keys'],
  summary: 'Revoke an API key: it stops working at once',
  request: { params: ClinicParams.extend({ keyId: IdParam }) },
  responses: { 204: { description: 'Revoked' }, ...errorResponses('UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND') },
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const apiKeyRoutes = new OpenAPIHono<AppEnv>()
  .openapi(createKey, async (c) => {
    const { db, clock } = c.var.services;
    const clinicId = c.var.clinicId;
    const { name } = c.req.valid('json');
    const { prefix, secret, key } = newApiKey();
    const id = crypto.randomUUID();
    const now = clock.now();
    await insertApiKey(db, { id, clinicId, name, prefix, secretHash: await sha256Hex(secret), createdBy: signedInUser(c).user.id, createdAt: now });
    await recordAudit(c, { action: 'api_key_create', clinicId, targetType: 'api_key', targetId: id, success: true });
    return c.json({ id, name, prefix, key, createdAt: iso(now) ?? '', lastUsedAt: null, revokedAt: null }, 201);
  })
  .openapi(listKeys, async (c) => {
    const rows = await listApiKeys(c.var.services.db, c.var.clinicId);
    return c.json(
      {
        apiKeys: rows.map((row) => ({
          id: row.id, name: row.name, prefix: row.prefix,
          createdAt: iso(row.createdAt) ?? '', lastUsedAt: iso(row.lastUsedAt), revokedAt: iso(row.revokedAt),
        })),
      },
      200,
    );
  })
  .openapi(revokeKey, async (c) => {
    const { db, clock } = c.var.services;
    const clinicId = c.var.clinicId;
    const { keyId } = c.req.valid('param');
    const revoked = await revokeApiKey(db, clinicId, keyId, clock.now());
    forgetApiKeys({ keyId });
    await recordAudit(c, { action: 'api_key_revoke', clinicId, targetType: 'api_key', targetId: keyId, success: revoked, errorCode: revoked ? null : 'NOT_FOUND' });
    if (!revoked) throw new AppError('NOT_FOUND', 'No such active API key in this clinic');
    return c.body(null, 204);
  });
