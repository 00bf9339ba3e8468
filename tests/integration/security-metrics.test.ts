import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.ts';
import { countOf, parseExposition, sampleOf, type Exposition } from '../support/prometheus-text.ts';
import { api, createWorld, ORIGIN, sessionFor, type World } from '../support/world.ts';

// vitest.config.ts gives the Worker this METRICS_TOKEN.
const METRICS_TOKEN = 'test-metrics-token-of-at-least-32-characters';

async function scrape(): Promise<Exposition> {
  const response = await SELF.fetch(`${ORIGIN}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  if (response.status !== 200) throw new Error(`scrape answered ${response.status}: ${await response.text()}`);
  return parseExposition(await response.text());
}

/** The security figures of one scrape: what the failed-login alert and the admin's eye read. */
const figuresOf = (exposition: Exposition) => ({
  ok: countOf(exposition, 'pulse_logins_total', { outcome: 'ok' }),
  failed: countOf(exposition, 'pulse_logins_total', { outcome: 'failed' }),
  throttled: countOf(exposition, 'pulse_logins_total', { outcome: 'throttled' }),
  adminSucceeded: countOf(exposition, 'pulse_admin_actions_total', { result: 'success' }),
  adminFailed: countOf(exposition, 'pulse_admin_actions_total', { result: 'failure' }),
});
type Figures = ReturnType<typeof figuresOf>;

const minus = (after: Figures, before: Figures): Figures => ({
  ok: after.ok - before.ok,
  failed: after.failed - before.failed,
  throttled: after.throttled - before.throttled,
  adminSucceeded: after.adminSucceeded - before.adminSucceeded,
  adminFailed: after.adminFailed - before.adminFailed,
});

describe('security figures on GET /metrics', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  const login = (email: string, password: string, ip: string) =>
    api(world, '/auth/login', { method: 'POST', json: { email, password }, headers: { 'CF-Connecting-IP': ip } });

  it('should declare every login outcome and admin action result at zero, so the alert works from the start', async () => {
    const exposition = await scrape();
    for (const outcome of ['ok', 'failed', 'throttled']) expect(sampleOf(exposition, 'pulse_logins_total', { outcome }), outcome).toBeDefined();
    for (const result of ['success', 'failure']) expect(sampleOf(exposition, 'pulse_admin_actions_total', { result }), result).toBeDefined();
  });

  it('should count a guesser\'s five failures and two throttled tries, the owner\'s sign-in, and an unknown e-mail as a failure', async () => {
    const before = figuresOf(await scrape());
    const guesser = `203.0.113.7-${world.suffix}`;
    for (let attempt = 1; attempt <= 5; attempt += 1) expect((await login(world.ownerA.email, `guess ${attempt}`, guesser)).status).toBe(401);
    // The account and address now owe a delay: the next two tries are refused unheard.
    expect((await login(world.ownerA.email, 'guess 6', guesser)).status).toBe(429);
    expect((await login(world.ownerA.email, 'guess 7', guesser)).status).toBe(429);
    // The owner, from the clinic's own address, is not held up; an unknown e-mail fails like a wrong password.
    expect((await login(world.ownerA.email, world.ownerA.password, world.ip)).status).toBe(200);
    expect((await login(`nobody-${world.suffix}@example.test`, 'whatever', world.ip)).status).toBe(401);

    const after = await eventually(scrape, (exposition) => figuresOf(exposition).ok - before.ok >= 1 && figuresOf(exposition).failed - before.failed >= 6);
    expect(minus(figuresOf(after), before)).toEqual({ ok: 1, failed: 6, throttled: 2, adminSucceeded: 0, adminFailed: 0 });
  });

  it("should count a super admin's audited actions by result, and neither an owner's nor anyone's sign-in", async () => {
    const before = figuresOf(await scrape());
    const admin = await sessionFor(world.superAdmin);
    const owner = await sessionFor(world.ownerA);
    expect((await api(world, `/admin/users/${world.staffA.id}/access`, { method: 'PUT', token: admin, json: { disabled: true } })).status).toBe(204);
    expect((await api(world, `/admin/users/${world.staffA.id}/access`, { method: 'PUT', token: admin, json: { disabled: false } })).status).toBe(204);
    expect((await api(world, '/admin/users/no-such-user/access', { method: 'PUT', token: admin, json: { disabled: true } })).status).toBe(404);
    // Audited too, but not by a super admin: no admin action.
    expect((await api(world, '/auth/logout', { method: 'POST', token: owner })).status).toBe(204);
    // A super admin's sign-in is a login, not an admin action.
    expect((await login(world.superAdmin.email, world.superAdmin.password, world.ip)).status).toBe(200);

    const after = await eventually(scrape, (exposition) => figuresOf(exposition).adminFailed - before.adminFailed >= 1 && figuresOf(exposition).ok - before.ok >= 1);
    expect(minus(figuresOf(after), before)).toEqual({ ok: 1, failed: 0, throttled: 0, adminSucceeded: 2, adminFailed: 1 });
  });
});
