import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../worker/app.ts';
import type { AppEnv } from '../../worker/app-env.ts';
import { authorize, routePolicies, type RoutePolicy } from '../../worker/auth/authorize.ts';
import { ErrorResponseSchema } from '../../worker/errors.ts';
import type { Policy } from '../../worker/auth/policy.ts';
import { api, createWorld, sessionFor, type World } from '../support/world.ts';

type Caller = 'anonymous' | 'staffA' | 'ownerA' | 'ownerB' | 'superAdmin' | 'keyA' | 'keyB';
const CALLERS: Caller[] = ['anonymous', 'staffA', 'ownerA', 'ownerB', 'superAdmin', 'keyA', 'keyB'];

/** What the policy must answer: let through, or refuse with this code. */
type Expected = 'allowed' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';

/**
 * @param asksForClinic whether the request names clinic A in its query, as a report route's may:
 *   without it, a report is the service's.
 */
function expectedAnswer(policy: Policy, caller: Caller, asksForClinic: boolean): Expected {
  if (policy.access === 'public') return 'allowed';
  // Only METRICS_TOKEN opens /metrics: no session or API key does (metrics.test.ts presents the token).
  if (policy.access === 'metrics_token') return 'UNAUTHORIZED';
  if (caller === 'anonymous') return 'UNAUTHORIZED';
  const isKey = caller === 'keyA' || caller === 'keyB';
  if (policy.access === 'clinic_api_key') return isKey ? 'allowed' : 'FORBIDDEN';
  if (isKey) return 'UNAUTHORIZED';
  switch (policy.access) {
    case 'signed_in':
      return 'allowed';
    case 'super_admin':
      return caller === 'superAdmin' ? 'allowed' : 'NOT_FOUND';
    case 'clinic':
    case 'report':
      if (caller === 'superAdmin') return 'allowed';
      if (caller === 'ownerB' || (policy.access === 'report' && !asksForClinic)) return 'NOT_FOUND';
      return policy.roles.includes(caller === 'ownerA' ? 'clinic_owner' : 'staff') ? 'allowed' : 'FORBIDDEN';
  }
}

/** A concrete path against clinic A's resources; other ids are ones that do not exist. */
function concretePath(pattern: string, world: World): string {
  // api() prefixes /api/v1; /metrics and /t/:token live outside it, and the URL resolves
  // /api/v1/../../metrics to /metrics.
  if (!pattern.startsWith('/api/v1')) return `/../..${pattern.replace(/:[A-Za-z]+/g, 'does-not-exist-0000')}`;
  return pattern
    .replace(/^\/api\/v1/, '')
    .replace(':clinicId', world.clinicA)
    .replace(/:[A-Za-z]+/g, 'does-not-exist-0000');
}

describe('access matrix: every registered route × every kind of caller', () => {
  let world: World;
  let routes: RoutePolicy[];
  const tokens = new Map<Caller, string | undefined>();

  beforeAll(async () => {
    world = await createWorld();
    routes = routePolicies(createApp().routes).filter((route) => route.path.startsWith('/api/') || route.path === '/metrics' || route.path.startsWith('/t/'));
  });

  it('should find the routes in the router, each with its policy', () => {
    const listed = routes.map((route) => `${route.method} ${route.path}`);
    expect(listed).toEqual(expect.arrayContaining(['GET /api/v1/health', 'POST /api/v1/auth/login', 'GET /api/v1/me', 'GET /api/v1/admin/audit']));
    expect(listed.length).toBeGreaterThanOrEqual(15);
  });

  it('should give each route the access the product intends (a change here must be deliberate)', () => {
    const describePolicy = (policy: Policy) => (policy.access === 'clinic' || policy.access === 'report' ? `${policy.access}:${policy.roles.join('+')}` : policy.access);
    expect(Object.fromEntries(routes.map((route) => [`${route.method} ${route.path}`, describePolicy(route.policy)]))).toEqual({
      'GET /api/v1/health': 'public',
      'GET /api/v1/health/live': 'public',
      'POST /api/v1/auth/login': 'public',
      'POST /api/v1/auth/logout': 'signed_in',
      'GET /api/v1/me': 'signed_in',
      'POST /api/v1/auth/password': 'signed_in',
      'POST /api/v1/auth/setup/read': 'public',
      'POST /api/v1/auth/setup': 'public',
      'POST /api/v1/auth/forgot-password': 'public',
      'GET /api/v1/clinics': 'signed_in',
      'POST /api/v1/clinics/:clinicId/api-keys': 'clinic:clinic_owner',
      'GET /api/v1/clinics/:clinicId/api-keys': 'clinic:clinic_owner',
      'DELETE /api/v1/clinics/:clinicId/api-keys/:keyId': 'clinic:clinic_owner',
      'POST /api/v1/admin/clinics/:clinicId/owners': 'super_admin',
      'POST /api/v1/clinics/:clinicId/staff': 'clinic:clinic_owner',
      'GET /api/v1/clinics/:clinicId/invitations': 'clinic:clinic_owner',
      'POST /api/v1/clinics/:clinicId/invitations/:invitationId/resend': 'clinic:clinic_owner',
      'DELETE /api/v1/clinics/:clinicId/invitations/:invitationId': 'clinic:clinic_owner',
      'GET /api/v1/clinics/:clinicId/members': 'clinic:clinic_owner',
      'DELETE /api/v1/clinics/:clinicId/members/:userId': 'clinic:clinic_owner',
      'PUT /api/v1/admin/users/:userId/access': 'super_admin',
      'DELETE /api/v1/admin/users/:userId': 'super_admin',
      'POST /api/v1/admin/clinics/:clinicId/erase': 'super_admin',
      'GET /api/v1/admin/audit': 'super_admin',
      'GET /api/v1/alerts': 'signed_in',
      'POST /api/v1/alerts/:alertId/ack': 'signed_in',
      'GET /api/v1/admin/metrics': 'super_admin',
      'GET /api/v1/admin/trends': 'super_admin',
      'GET /api/v1/admin/funnel': 'super_admin',
      'GET /api/v1/admin/revenue': 'super_admin',
      'GET /api/v1/admin/revenue.csv': 'super_admin',
      'GET /api/v1/admin/security': 'super_admin',
      'GET /api/v1/admin/jobs/failed': 'super_admin',
      'POST /api/v1/admin/jobs/failed/:id/retry': 'super_admin',
      'DELETE /api/v1/admin/jobs/failed/:id': 'super_admin',
      'GET /api/v1/admin/errors': 'super_admin',
      'GET /api/v1/admin/quick-actions': 'super_admin',
      'GET /api/v1/admin/clinics': 'super_admin',
      'GET /api/v1/admin/clinics.csv': 'super_admin',
      'GET /api/v1/admin/clinics/:clinicId': 'super_admin',
      'GET /api/v1/admin/clinics/:clinicId/activity': 'super_admin',
      'POST /api/v1/admin/clinics': 'super_admin',
      'PATCH /api/v1/admin/clinics/:clinicId': 'super_admin',
      'POST /api/v1/admin/clinics/:clinicId/:action': 'super_admin',
      'POST /api/v1/ingest/events': 'clinic_api_key',
      'POST /api/v1/ingest/tickets': 'clinic_api_key',
      'GET /api/v1/tickets/:token': 'public',
      'GET /api/v1/ticket-page.css': 'public',
      'GET /api/v1/ticket-page.js': 'public',
      'GET /t/:token': 'public',
      'GET /api/v1/clinics/:clinicId/stats/today': 'clinic:clinic_owner+staff',
      'GET /api/v1/clinics/:clinicId/queue': 'clinic:clinic_owner+staff',
      'POST /api/v1/clinics/:clinicId/queue/entries': 'clinic:clinic_owner+staff',
      'POST /api/v1/clinics/:clinicId/queue/call-next': 'clinic:clinic_owner+staff',
      'POST /api/v1/clinics/:clinicId/queue/entries/:entryId/:action': 'clinic:clinic_owner+staff',
      'POST /api/v1/clinics/:clinicId/queue/entries/:entryId/ticket': 'clinic:clinic_owner+staff',
      'PUT /api/v1/clinics/:clinicId/presence': 'clinic:clinic_owner+staff',
      'GET /api/v1/clinics/:clinicId/live': 'clinic:clinic_owner+staff',
      'GET /api/v1/clinics/:clinicId/analytics': 'clinic:clinic_owner+staff',
      'GET /api/v1/clinics/:clinicId/charts': 'clinic:clinic_owner+staff',
      'GET /api/v1/clinics/:clinicId/history.csv': 'clinic:clinic_owner',
      'POST /api/v1/clinics/:clinicId/annotations': 'clinic:clinic_owner+staff',
      'GET /api/v1/clinics/:clinicId/annotations': 'clinic:clinic_owner+staff',
      'DELETE /api/v1/clinics/:clinicId/annotations/:annotationId': 'clinic:clinic_owner+staff',
      'POST /api/v1/admin/annotations': 'super_admin',
      'GET /api/v1/admin/annotations': 'super_admin',
      'DELETE /api/v1/admin/annotations/:annotationId': 'super_admin',
      'GET /api/v1/clinics/:clinicId/stats/weekly': 'clinic:clinic_owner+staff',
      'GET /api/v1/clinics/:clinicId/stats/peak-hours': 'clinic:clinic_owner+staff',
      'GET /api/v1/clinics/:clinicId/stats/no-shows': 'clinic:clinic_owner+staff',
      'GET /api/v1/clinics/:clinicId/stats/estimates': 'clinic:clinic_owner+staff',
      'GET /api/v1/clinics/:clinicId/forecast': 'clinic:clinic_owner+staff',
      'GET /api/v1/clinics/:clinicId/stats/forecast-accuracy': 'clinic:clinic_owner+staff',
      'GET /api/v1/push/public-key': 'signed_in',
      'POST /api/v1/push/subscriptions': 'signed_in',
      'DELETE /api/v1/push/subscriptions': 'signed_in',
      'POST /api/v1/push/test': 'signed_in',
      'GET /api/v1/me/settings': 'signed_in',
      'PATCH /api/v1/me/settings': 'signed_in',
      'GET /api/v1/clinics/:clinicId/alert-settings': 'clinic:clinic_owner+staff',
      'PUT /api/v1/clinics/:clinicId/alert-settings': 'clinic:clinic_owner',
      'GET /api/v1/clinics/:clinicId/service-target': 'clinic:clinic_owner+staff',
      'PUT /api/v1/clinics/:clinicId/service-target': 'clinic:clinic_owner',
      'GET /api/v1/clinics/:clinicId/sms-budget': 'clinic:clinic_owner+staff',
      'PUT /api/v1/clinics/:clinicId/sms-budget': 'clinic:clinic_owner',
      'POST /api/v1/clinics/:clinicId/share-links': 'clinic:clinic_owner',
      'GET /api/v1/clinics/:clinicId/share-links': 'clinic:clinic_owner',
      'DELETE /api/v1/clinics/:clinicId/share-links/:linkId': 'clinic:clinic_owner',
      'GET /api/v1/shared/:token/today': 'public',
      'GET /api/v1/shared/:token/analytics': 'public',
      'GET /api/v1/reports/weekly/preview': 'report:clinic_owner',
      'POST /api/v1/reports/weekly/send': 'super_admin',
      'GET /api/v1/docs': 'public',
      'GET /api/v1/docs.css': 'public',
      'GET /api/v1/docs.js': 'public',
      'GET /api/v1/openapi.json': 'public',
      'GET /metrics': 'metrics_token',
    });
  });

  it('should answer each caller exactly as the route policy says', async () => {
    const mismatches: string[] = [];
    // A report route is asked for the service's report, then for clinic A's.
    const probes = routes.flatMap((route) => (route.policy.access === 'report' ? [false, true] : [false]).map((asksForClinic) => ({ route, asksForClinic })));
    for (const { route, asksForClinic } of probes) {
      for (const caller of CALLERS) {
        // Fresh sessions for every call: the logout route would otherwise end them mid-matrix.
        tokens.set(caller, await tokenOf(world, caller));
        const path = concretePath(route.path, world) + (asksForClinic ? `?clinicId=${world.clinicA}` : '');
        const response = await api(world, path, {
          method: route.method,
          token: tokens.get(caller),
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { json: {} }),
        });
        const text = await response.text();
        const parsed = ErrorResponseSchema.safeParse(response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null);
        const error = parsed.success ? parsed.data.error : undefined;
        const refusedByPolicy =
          error?.code === 'UNAUTHORIZED' || error?.code === 'FORBIDDEN' || (error?.code === 'NOT_FOUND' && (error.message === 'No such clinic' || error.message === 'No such report' || error.message.startsWith('No route for')));
        const actual: Expected = refusedByPolicy ? (error.code as Expected) : 'allowed';
        const expected = expectedAnswer(route.policy, caller, asksForClinic);
        if (actual !== expected) mismatches.push(`${route.method} ${route.path}${asksForClinic ? '?clinicId=A' : ''} as ${caller}: expected ${expected}, got ${actual} (${response.status})`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

async function tokenOf(world: World, caller: Caller): Promise<string | undefined> {
  switch (caller) {
    case 'anonymous':
      return undefined;
    case 'keyA':
      return world.keyA;
    case 'keyB':
      return world.keyB;
    default:
      return sessionFor(world[caller]);
  }
}

describe('a route without a policy', () => {
  it('cannot be registered: building the route table fails, naming it', () => {
    const app = new OpenAPIHono<AppEnv>();
    const guarded = createRoute({ method: 'get', path: '/guarded', middleware: [authorize({ access: 'signed_in' })] as const, responses: { 200: { description: 'ok' } } });
    const forgotten = createRoute({ method: 'get', path: '/forgotten', responses: { 200: { description: 'ok', content: { 'application/json': { schema: z.object({}) } } } } });
    app.openapi(guarded, (c) => c.body(null, 200));
    app.openapi(forgotten, (c) => c.json({}, 200));
    expect(() => routePolicies(app.routes)).toThrow('Route GET /forgotten has no policy');
  });
});
