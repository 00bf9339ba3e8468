import type { Context, MiddlewareHandler } from 'hono';
import { clinicExists } from '../../db/queries/clinics.ts';
import type { AppEnv } from '../app-env.ts';
import { AppError } from '../errors.ts';
import { authenticate } from './authenticate.ts';
import { timingSafeEqualText } from './secrets.ts';
import type { Policy } from './policy.ts';
import type { Principal } from './principal.ts';

const POLICY = Symbol('policy');

/** The one authorisation middleware, carrying its policy so the route table can be audited. */
export type PolicyMiddleware = MiddlewareHandler<AppEnv> & { readonly [POLICY]: Policy };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route's first middleware: `middleware: [authorize(POLICY)]` in its definition.
 * It authenticates (unless public), applies the CSRF check to cookie-authenticated writes, and
 * enforces the policy; it puts `principal` (and, for clinic routes, `clinicId`) on `c.var`.
 */
export function authorize(policy: Policy): PolicyMiddleware {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (policy.access === 'metrics_token') assertMetricsToken(c);
    else if (policy.access !== 'public') {
      const principal = await authenticate(c);
      if (principal === null) throw new AppError('UNAUTHORIZED', 'Sign in to continue');
      if (principal.kind === 'user' && principal.via === 'cookie' && !SAFE_METHODS.has(c.req.method)) assertSameOrigin(c);
      await enforce(c, policy, principal);
      c.set('principal', principal);
    }
    await next();
  };
  return Object.assign(middleware, { [POLICY]: policy });
}

async function enforce(c: Context<AppEnv>, policy: Policy, principal: Principal): Promise<void> {
  if (policy.access === 'clinic_api_key') {
    if (principal.kind !== 'api_key') throw new AppError('FORBIDDEN', 'Only the queue app, with its API key, sends events');
    c.set('clinicId', principal.clinicId);
    return;
  }
  if (principal.kind !== 'user') throw new AppError('UNAUTHORIZED', 'API keys only authenticate event ingestion');
  const { user } = principal;
  switch (policy.access) {
    case 'signed_in':
      return;
    case 'super_admin':
      // The admin console does not exist for anyone else: the same answer as an unknown route.
      if (user.role !== 'super_admin') throw new AppError('NOT_FOUND', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`);
      return;
    case 'clinic': {
      const clinicId = c.req.param('clinicId');
      if (clinicId === undefined) throw new Error('a clinic policy on a route without :clinicId');
      const notFound = new AppError('NOT_FOUND', 'No such clinic');
      if (user.role === 'super_admin') {
        if (!(await clinicExists(c.var.services.db, clinicId))) throw notFound;
      } else {
        const role = user.clinics.get(clinicId);
        // Not a member: the same answer as a clinic that does not exist, so ids cannot be probed.
        if (role === undefined) throw notFound;
        if (!policy.roles.includes(role)) throw new AppError('FORBIDDEN', 'Your role in this clinic does not allow this');
      }
      c.set('clinicId', clinicId);
      return;
    }
    case 'report': {
      const clinicId = c.req.query('clinicId');
      if (clinicId === undefined) {
        // The service's report does not exist for anyone but the super admin.
        if (user.role !== 'super_admin') throw new AppError('NOT_FOUND', 'No such report');
        return;
      }
      // Whether the clinic exists is the report's to answer, once its query is checked.
      if (user.role === 'super_admin') return;
      const role = user.clinics.get(clinicId);
      if (role === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
      if (!policy.roles.includes(role)) throw new AppError('FORBIDDEN', policy.refusal);
      return;
    }
    case 'public':
    case 'metrics_token':
      return;
  }
}

/**
 * Prometheus presents METRICS_TOKEN as a bearer token; no session or API key opens /metrics, and
 * without a configured token nothing does. The token comes from the validated configuration,
 * which refuses one too short to resist guessing (worker/env.ts).
 */
function assertMetricsToken(c: Context<AppEnv>): void {
  const expected = c.var.services.config.metricsToken;
  const presented = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
  if (expected === undefined || presented === undefined || !timingSafeEqualText(presented, expected)) {
    throw new AppError('UNAUTHORIZED', 'Present the metrics token as a bearer token');
  }
}

/** Cookie-authenticated writes must come from our own pages (CSRF): the browser's Origin says so. */
export function assertSameOrigin(c: Context<AppEnv>): void {
  const origin = c.req.header('Origin');
  const expected = new URL(c.req.url).origin;
  const sameSite = c.req.header('Sec-Fetch-Site') === 'same-origin';
  if (origin === undefined ? !sameSite : origin !== expected) {
    throw new AppError('FORBIDDEN', 'Cross-site request refused', { reason: 'origin' });
  }
}

/** The policy a handler chain carries, if any. */
export function policyOf(handler: unknown): Policy | undefined {
  return typeof handler === 'function' && POLICY in handler ? (Reflect.get(handler, POLICY) as Policy) : undefined;
}

export interface RoutePolicy {
  method: string;
  path: string;
  policy: Policy;
}

/**
 * Reads the policy of every registered route from the router, and refuses to build an app in which
 * any route has none: a route without a policy cannot be registered.
 */
export function routePolicies(routes: ReadonlyArray<{ method: string; path: string; handler: unknown }>): RoutePolicy[] {
  const byRoute = new Map<string, { method: string; path: string; policy?: Policy | undefined }>();
  for (const route of routes) {
    if (route.method === 'ALL') continue;
    const key = `${route.method} ${route.path}`;
    const entry = byRoute.get(key) ?? { method: route.method, path: route.path };
    entry.policy ??= policyOf(route.handler);
    byRoute.set(key, entry);
  }
  return [...byRoute.values()].map((entry) => {
    if (entry.policy === undefined) throw new Error(`Route ${entry.method} ${entry.path} has no policy: add middleware: [authorize(…)]`);
    return { method: entry.method, path: entry.path, policy: entry.policy };
  });
}

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** The signed-in person on a route whose policy admits only people (never an API key). */
export function signedInUser(c: Context<AppEnv>): UserPrincipal {
  const principal = c.var.principal;
  if (principal.kind !== 'user') throw new AppError('UNAUTHORIZED', 'Sign in to continue');
  return principal;
}
