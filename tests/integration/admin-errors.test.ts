import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertClinics } from '../../db/queries/clinic-prices.ts';
import { keepDeadLetters } from '../../db/queries/dead-letters.ts';
import { alertInstances, alertRules, clinicActivity, clinics, invitations, sessions, users } from '../../db/schema/index.ts';
import { createApp } from '../../worker/app.ts';
import { sha256Hex } from '../../worker/auth/secrets.ts';
import type { QuickActions, RecentError, RecentErrors } from '../../worker/domain/back-office-wire.ts';
import { eventually } from '../support/eventually.ts';
import { fetchWithEnv } from '../support/fetch-with-env.ts';
import { api, apiJson, callOwnApp, createWorld, jsonOf, sessionFor, signIn, testDatabase, type World } from '../support/world.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const db = testDatabase();

describe('recent errors in the back office', () => {
  let world: World;
  let admin: string;
  const listedErrors = async (query = 'days=1&limit=500') => (await apiJson<RecentErrors>(world, `/admin/errors?${query}`, { token: admin })).body;
  const recordOf = (requestId: string) => eventually(listedErrors, (answer) => answer.errors.some((error) => error.requestId === requestId)).then((answer) => answer.errors.find((error) => error.requestId === requestId));

  beforeAll(async () => {
    world = await createWorld();
    admin = await sessionFor(world.superAdmin);
  });

  it("should list a 5xx with its route pattern, request id and the error shape's words, and nothing the request carried", async () => {
    // libSQL cannot be reached: signing in answers 503. The address is in the query and in the body.
    const before = Date.now();
    const response = await fetchWithEnv('/api/v1/auth/login?email=leila.ben%40example.com&name=Leila', { LIBSQL_URL: 'http://127.0.0.1:9' }, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'leila.ben@example.com', password: 'Leila-secret-1' }),
    });
    expect(response.status).toBe(503);
    const answered = await response.json<{ error: { code: string; message: string } }>();
    const requestId = response.headers.get('X-Request-Id') ?? '-';
    const record = await recordOf(requestId);
    expect(record).toEqual({
      at: expect.any(String),
      requestId,
      route: '/api/v1/auth/login',
      method: 'POST',
      status: 503,
      code: answered.error.code,
      message: answered.error.message,
    } satisfies Record<keyof RecentError, unknown>);
    expect(answered.error).toEqual({ code: 'UNAVAILABLE', message: 'The database cannot be reached right now; try again shortly', details: {} });
    expect(Date.parse(record?.at ?? '')).toBeGreaterThanOrEqual(before);
    const listing = JSON.stringify(await listedErrors());
    expect(listing).not.toMatch(/leila|example\.com|Leila-secret|\?/i);
  });

  it('should list the route pattern of a clinic route, not its path, nor the query', async () => {
    const clinicId = `broken-${world.suffix}`;
    // A zone no runtime knows: the clinic's queue object cannot open its day, and the route answers 503.
    await db.insert(clinics).values({ id: clinicId, name: `Cassé ${world.suffix}`, timezone: 'Mars/Olympus_Mons', planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: Date.now() });
    const response = await api(world, `/clinics/${clinicId}/queue?contact=owner%40example.com`, { token: await signIn(world, world.superAdmin) });
    expect(response.status).toBe(503);
    const record = await recordOf(response.headers.get('X-Request-Id') ?? '-');
    expect(record).toMatchObject({ route: '/api/v1/clinics/:clinicId/queue', method: 'GET', status: 503, code: 'UNAVAILABLE', message: 'The live queue is not available right now; try again shortly' });
    const listing = JSON.stringify(await listedErrors());
    expect(listing).not.toContain(clinicId);
    expect(listing).not.toContain('example.com');
  });

  it('should refuse a window of 0 or more than 7 days, answer 404 to anyone but the super admin and 401 signed out', async () => {
    for (const query of ['days=0', 'days=8', 'days=x', 'days=1.5', 'limit=0', 'limit=501']) {
      const refused = await api(world, `/admin/errors?${query}`, { token: admin });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    expect((await listedErrors('days=7')).days).toBe(7);
    for (const person of [world.ownerA, world.staffA]) expect((await api(world, '/admin/errors', { token: await sessionFor(person) })).status).toBe(404);
    expect((await api(world, '/admin/errors')).status).toBe(401);
  });
});

/**
 * The admin home's quick actions on a hand-built past: at 12:00 UTC on 15 April 2003, long before
 * any other file's rows, only this file's rows had happened, so the counts are these rows alone.
 */
describe("the admin home's quick actions", () => {
  const NOW = Date.parse('2003-04-15T12:00:00Z');
  const app = createApp({ clock: { now: () => NOW } });
  const run = crypto.randomUUID().slice(0, 8);
  const id = (label: string) => `quick-${label}-${run}`;
  let world: World;
  let token: string;
  const quickActions = async (as: string | undefined) => jsonOf<QuickActions>(await callOwnApp(app, env, '/admin/quick-actions', { token: as }));

  beforeAll(async () => {
    world = await createWorld();
    token = `quick-session-${crypto.randomUUID()}`;
    await db.insert(sessions).values({ tokenHash: await sha256Hex(token), userId: world.superAdmin.id, createdAt: NOW, lastSeenAt: NOW, expiresAt: NOW + DAY });
    const clinic = (label: string, createdAt: number, archivedAt: number | null = null) => ({
      id: id(label), name: `Quick ${label} ${run}`, nameKey: `quick ${label} ${run}`, timezone: 'UTC', planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt, archivedAt,
    });
    await insertClinics(db, [
      clinic('opening', NOW - 10 * DAY),
      clinic('opening-last-hour', NOW - 30 * DAY + HOUR),
      clinic('logged-in', NOW - 5 * DAY),
      clinic('thirty-days', NOW - 30 * DAY),
      clinic('archived', NOW - 3 * DAY, NOW - DAY),
      clinic('later', NOW + HOUR),
    ]);
    await db.insert(clinicActivity).values({ clinicId: id('logged-in'), kind: 'clinic_login', occurredAt: NOW - 4 * DAY, userId: world.ownerA.id, detail: null });

    const letter = (label: string, receivedAt: number) => ({ messageId: id(label), queue: 'pulse-jobs', jobType: 'retention.run', body: '{"type":"retention.run","at":0}', attempts: 6, receivedAt, error: 'x', firstFailedAt: receivedAt, lastFailedAt: receivedAt });
    await keepDeadLetters(db, [letter('hour-ago', NOW - HOUR), letter('day-edge', NOW - DAY + 1), letter('day-ago', NOW - DAY), letter('later', NOW + 1)]);

    // A disabled rule of the clinic's own: its instances are rows only this file made, no job evaluates it.
    await db.insert(alertRules).values({ id: id('rule'), kind: 'queue_too_long', scope: 'clinic', clinicId: id('opening'), threshold: 30, channels: '["push"]', priority: 'P2', cooldownMinutes: 60, enabled: false, createdAt: NOW - 10 * DAY });
    const alert = (label: string, firedAt: number, resolvedAt: number | null) => ({ id: id(label), ruleId: id('rule'), subjectKey: id(label), clinicId: id('opening'), value: 31, firedAt, resolvedAt });
    await db.insert(alertInstances).values([
      alert('firing', NOW - 2 * HOUR, null),
      alert('firing-too', NOW - 26 * HOUR, null),
      alert('resolved-later', NOW - 3 * HOUR, NOW + HOUR),
      alert('resolved', NOW - 5 * HOUR, NOW - HOUR),
      alert('fires-later', NOW + HOUR, null),
    ]);

    const person = (label: string, passwordHash: string | null) => ({ id: id(label), email: `${id(label)}@quick.test`, role: 'member' as const, createdAt: NOW - 2 * DAY, passwordHash });
    await db.insert(users).values([person('invited', null), person('chose-password', 'chosen'), person('expired', null), person('revoked', null), person('accepted', null), person('invited-later', null)]);
    const invitation = (label: string, sentAt: number, more: { revokedAt?: number; acceptedAt?: number } = {}) => ({
      id: id(`invitation-${label}`), clinicId: id('opening'), userId: id(label), role: 'clinic_owner' as const, createdAt: sentAt, sentAt, expiresAt: sentAt + 7 * DAY, ...more,
    });
    await db.insert(invitations).values([
      invitation('invited', NOW - DAY),
      invitation('chose-password', NOW - DAY),
      invitation('expired', NOW - 7 * DAY),
      invitation('revoked', NOW - DAY, { revokedAt: NOW - HOUR }),
      invitation('accepted', NOW - DAY, { acceptedAt: NOW - HOUR }),
      invitation('invited-later', NOW + HOUR),
    ]);
  });

  it('should count the failed jobs of the last 24 hours, the alerts firing, the pending invitations and the clinics opening, exactly', async () => {
    const answer = await quickActions(token);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ failedJobs24h: 2, openAlerts: 3, pendingInvitations: 1, onboardingClinics: 2 });
  });

  it('should answer 404 to anyone but the super admin and 401 signed out', async () => {
    expect((await api(world, '/admin/quick-actions', { token: await sessionFor(world.ownerA) })).status).toBe(404);
    expect((await api(world, '/admin/quick-actions')).status).toBe(401);
    expect((await quickActions(undefined)).status).toBe(401);
  });
});
