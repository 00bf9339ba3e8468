import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { authorize } from '../auth/authorize.ts';
import { SUPER_ADMIN, type Policy } from '../auth/policy.ts';
import { IdParam } from './openapi-helpers.ts';

/** The path parameters of every route under `/clinics/{clinicId}`; extend it for more. */
export const ClinicParams = z.object({ clinicId: IdParam });

type RouteRequest = NonNullable<RouteConfig['request']>;

/** A clinic route's request: `ClinicParams` unless it brings params of its own (an extension of them). */
function withClinicParams<Request extends RouteRequest>(request: Request | undefined): { params: typeof ClinicParams } & Request {
  return Object.assign({ params: ClinicParams }, request);
}

/**
 * A route of one clinic: `/clinics/{clinicId}` + `path`, guarded by `policy`, its params
 * `ClinicParams` unless the request extends them. The policy is a parameter, not a default: each
 * route still says who may call it.
 */
export function clinicRoute<const Path extends string, const Definition extends Omit<RouteConfig, 'path' | 'middleware' | 'request'>, const Request extends RouteRequest = {}>(
  policy: Policy,
  path: Path,
  definition: Definition & { request?: Request },
) {
  return createRoute({ ...definition, path: `/clinics/{clinicId}${path}`, middleware: [authorize(policy)] as const, request: withClinicParams(definition.request) });
}

/** A route of the admin console (`/admin/…`): the super admin's only, tagged `admin`. */
export function adminRoute<const Definition extends Omit<RouteConfig, 'middleware' | 'tags'>>(definition: Definition) {
  return createRoute({ tags: ['admin'], middleware: [authorize(SUPER_ADMIN)] as const, ...definition });
}
