import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, createWorld, ORIGIN, signIn, testDatabase, type World } from '../support/world.ts';
import { userActivityOf } from '../../db/queries/activity-rows.ts';

describe('signing in and out', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it('should sign a doctor in with an HttpOnly Lax session cookie, and no token in the answer', async () => {
    const response = await api(world, '/auth/login', { method: 'POST', json: { email: world.ownerA.email.toUpperCase(), password: world.ownerA.password } });
    expect(response.status).toBe(200);
    // Page scripts never see the token: the browser holds it in the cookie alone.
    expect(await response.json()).toEqual({ user: { id: world.ownerA.id, email: world.ownerA.email, role: 'member', locale: 'fr' } });
    const cookie = sessionCookieOf(response);
    expect(cookie).toMatch(/^pulse_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // plain http here; https adds Secure
    const token = /^pulse_session=([\w-]{43});/.exec(cookie)?.[1];
    expect((await api(world, '/me', { headers: { Cookie: `pulse_session=${token}` } })).status).toBe(200);
  });

  it('should answer the token to an API client that asks for one', async () => {
    const response = await api(world, '/auth/login', { method: 'POST', json: { email: world.ownerA.email, password: world.ownerA.password, bearerToken: true } });
    const { token } = await response.json<{ token: string }>();
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(sessionCookieOf(response)).toContain(`pulse_session=${token}`);
  });

  it('should name the cookie __Host- and mark it Secure over https, and read only that name there', async () => {
    const https = await fetchHttpsLogin(world);
    expect(https.status).toBe(200);
    const cookie = https.headers.getSetCookie().find((value) => value.startsWith('__Host-pulse_session=')) ?? '';
    expect(cookie).toMatch(/^__Host-pulse_session=[\w-]{43}; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const token = /=([\w-]{43});/.exec(cookie)?.[1] ?? '';
    const me = (name: string) => SELF.fetch(`${ORIGIN.replace('http:', 'https:')}/api/v1/me`, { headers: { Cookie: `${name}=${token}` } });
    expect((await me('__Host-pulse_session')).status).toBe(200);
    expect((await me('pulse_session')).status).toBe(401);
  });

  it("should record a clinic_login activity for each of the user's clinics", async () => {
    await signIn(world, world.ownerA);
    const rows = await userActivityOf(testDatabase(), world.ownerA.id, 'clinic_login');
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(new Set(rows.map((row) => row.clinicId))).toEqual(new Set([world.clinicA]));
  });

  it('should show a member only their clinics, with their role, and the super admin every clinic', async () => {
    const staff = await (await api(world, '/me', { token: await signIn(world, world.staffA) })).json<{ clinics: Array<{ id: string; role: string }> }>();
    expect(staff.clinics).toEqual([{ id: world.clinicA, name: `Cabinet A ${world.suffix}`, timezone: 'Africa/Tunis', role: 'staff' }]);

    const ownerB = await (await api(world, '/clinics', { token: await signIn(world, world.ownerB) })).json<{ clinics: Array<{ id: string }> }>();
    expect(ownerB.clinics.map((clinic) => clinic.id)).toEqual([world.clinicB]);

    const admin = await (await api(world, '/me', { token: await signIn(world, world.superAdmin) })).json<{ user: { role: string }; clinics: Array<{ id: string; role: string }> }>();
    expect(admin.user.role).toBe('super_admin');
    expect(admin.clinics.filter((clinic) => clinic.id === world.clinicA || clinic.id === world.clinicB).map((clinic) => clinic.role)).toEqual(['super_admin', 'super_admin']);
  });

  it('should accept the session cookie instead of the bearer token', async () => {
    const token = await signIn(world, world.ownerA);
    const response = await api(world, '/me', { headers: { Cookie: `pulse_session=${token}` } });
    expect(response.status).toBe(200);
  });

  it('should end the session on logout: the token no longer works', async () => {
    const token = await signIn(world, world.ownerA);
    const logout = await api(world, '/auth/logout', { method: 'POST', token });
    expect(logout.status).toBe(204);
    expect(sessionCookieOf(logout)).toMatch(/pulse_session=;.*Max-Age=0/);
    expect(logout.headers.get('Clear-Site-Data')).toBe('"cache"');
    const after = await api(world, '/me', { token });
    expect(after.status).toBe(401);
  });
});

function sessionCookieOf(response: Response): string {
  return response.headers.getSetCookie().find((cookie) => /^(__Host-)?pulse_session=/.test(cookie)) ?? '';
}

function fetchHttpsLogin(world: World): Promise<Response> {
  return SELF.fetch(`${ORIGIN.replace('http:', 'https:')}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': world.ip },
    body: JSON.stringify({ email: world.staffA.email, password: world.staffA.password }),
  });
}
