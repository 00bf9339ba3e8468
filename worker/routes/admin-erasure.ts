import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { signedInUser } from '../auth/authorize.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../http/audit.ts';
import { deleteUser, eraseClinic, type ClinicErasureFailure, type ErasurePorts, type UserDeletionFailure } from '../use-cases/erasure.ts';
import { adminRoute, ClinicParams } from './guarded-routes.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from './openapi-helpers.ts';
import { valueOr } from './refusals.ts';

const EraseSchema = z.strictObject({
  confirm: z.string().max(200).openapi({ description: "The clinic's exact current name, typed to confirm", example: 'Cabinet El Amal' }),
  keepRollups: z.boolean().openapi({ description: 'Keep the daily and hourly figures (and plan prices), the clinic archived under a neutral name' }),
});

const ErasedSchema = z
  .object({
    keptRollups: z.boolean(),
    counts: z.record(z.string(), z.int().nonnegative()).openapi({ description: 'Rows deleted per table (updated, for the kept clinic row and the revoked sessions)' }),
    liveSockets: z.int().nonnegative(),
  })
  .openapi('ClinicErased');

/**
 * Registered before the clinic console's `/admin/clinics/{clinicId}/{action}` (archive, restore),
 * whose `action` would otherwise refuse `erase` as a bad value.
 */
const erase = adminRoute({
  method: 'post',
  path: '/admin/clinics/{clinicId}/erase',
  summary: "Erase a clinic's data for good (its name typed to confirm); its daily figures may be kept under a neutral name; audited",
  request: { params: ClinicParams, ...jsonBody(EraseSchema) },
  responses: { 200: jsonContent(ErasedSchema, 'Erased'), ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'UNAVAILABLE') },
});

const removeUser = adminRoute({
  method: 'delete',
  path: '/admin/users/{userId}',
  summary: 'Delete a person with their sessions, devices and settings (not oneself, not the last super admin); audited',
  request: { params: z.object({ userId: IdParam }) },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE') },
});

const eraseRefusals: { readonly [Failure in ClinicErasureFailure]: () => AppError } = {
  no_such_clinic: () => new AppError('NOT_FOUND', 'No such clinic'),
  confirm_mismatch: () =>
    new AppError('VALIDATION_FAILED', "Type the clinic's exact name to confirm", { issues: [{ path: 'confirm', message: "must be the clinic's exact current name" }] }),
};

const deletionRefusals: { readonly [Failure in UserDeletionFailure]: () => AppError } = {
  no_such_user: () => new AppError('NOT_FOUND', 'No such user'),
  self: () => new AppError('CONFLICT', 'You cannot delete yourself'),
  last_super_admin: () => new AppError('CONFLICT', 'The last super admin cannot be deleted'),
};

function erasurePorts(c: Context<AppEnv>): ErasurePorts {
  return { services: c.var.services, audit: (entry) => recordAudit(c, entry) };
}

export const adminErasureRoutes = new OpenAPIHono<AppEnv>()
  .openapi(erase, async (c) => {
    const erased = await eraseClinic(erasurePorts(c), c.req.valid('param').clinicId, c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(valueOr(erased, eraseRefusals), 200);
  })
  .openapi(removeUser, async (c) => {
    valueOr(await deleteUser(erasurePorts(c), signedInUser(c).user.id, c.req.valid('param').userId), deletionRefusals);
    return c.body(null, 204);
  });
