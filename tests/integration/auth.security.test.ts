import { env } from 'cloudflare:test';
import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { loginFailures, sessions } from '../../db/schema/index.ts';
import { keyedHash, sha256Hex } from '../../worker/auth/secrets.ts';
import { api, createWorld, ORIGIN, signIn, testDatabase, type World } from '../support/world.ts';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const login = (email: string, password: string, ip = world.ip) =>
  api(world, '/auth/login', { method: 'POST', json: { email, password }, headers: { 'CF-Connecting-IP': ip } });

describe('sessions', () => {
  it('should refuse a tampered token', async () => {
    const token = await signIn(world, world.ownerA);
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await api(world, '/me', { token: tampered })).status).toBe(401);
    expect((await api(world, '/me', { token })).status).toBe(200);
  });

  it('should refuse an expired session, and slide the expiry of a used one', async () => {
    const token = await signIn(world, world.ownerA);
    const db = testDatabase();
    const tokenHash = await sha256Hex(token);
    // Used a while ago: this request must push the expiry out by a full TTL (168 h).
    await db.update(sessions).set({ lastSeenAt: Date.now() - 3_600_000, expiresAt: Date.now() + 60_000 }).where(eq(sessions.tokenHash, tokenHash));
    expect((await api(world, '/me', { token })).status).toBe(200);
    const [slid] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
    expect(slid?.expiresAt).toBeGreaterThan(Date.now() + 167 * 3_600_000);

    await db.update(sessions).set({ expiresAt: Date.now() - 1 }).where(eq(sessions.tokenHash, tokenHash));
    const expired = await api(world, '/me', { token });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: 'Sign in to continue', details: {} } });
  });

  it('should end every session on password change, and open a new one', async () => {
    const first = await signIn(world, world.ownerA);
    const second = await signIn(world, world.ownerA);
    const newPassword = 'a much longer new password';
    const change = await api(world, '/auth/password', { method: 'POST', token: first, json: { currentPassword: world.ownerA.password, newPassword } });
    expect(change.status).toBe(200);
    const { token: fresh } = await change.json<{ token: string }>();
    expect((await api(world, '/me', { token: first })).status).toBe(401);
    expect((await api(world, '/me', { token: second })).status).toBe(401);
    expect((await api(world, '/me', { token: fresh })).status).toBe(200);
    expect((await login(world.ownerA.email, world.ownerA.password)).status).toBe(401);
    expect((await login(world.ownerA.email, newPassword)).status).toBe(200);
  });

  it('should refuse a password change with a wrong current password, or a short new one', async () => {
    const token = await signIn(world, world.ownerA);
    const wrong = await api(world, '/auth/password', { method: 'POST', token, json: { currentPassword: 'nope', newPassword: 'long enough password' } });
    expect(wrong.status).toBe(401);
    const short = await api(world, '/auth/password', { method: 'POST', token, json: { currentPassword: world.ownerA.password, newPassword: 'short' } });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'newPassword' }] } } });
    expect((await api(world, '/me', { token })).status).toBe(200);
  });

  it('should end the sessions of a user the super admin disables, and refuse their logins', async () => {
    const staffToken = await signIn(world, world.staffA);
    const adminToken = await signIn(world, world.superAdmin);
    const disable = await api(world, `/admin/users/${world.staffA.id}/access`, { method: 'PUT', token: adminToken, json: { disabled: true } });
    expect(disable.status).toBe(204);
    expect((await api(world, '/me', { token: staffToken })).status).toBe(401);
    expect((await login(world.staffA.email, world.staffA.password)).status).toBe(401);
    await api(world, `/admin/users/${world.staffA.id}/access`, { method: 'PUT', token: adminToken, json: { disabled: false } });
    expect((await login(world.staffA.email, world.staffA.password)).status).toBe(200);
  });
});

describe('CSRF: writes authenticated by the cookie', () => {
  const logoutWithCookie = (token: string, headers: Record<string, string>) =>
    api(world, '/auth/logout', { method: 'POST', headers: { Cookie: `pulse_session=${token}`, ...headers } });

  it('should refuse a write from another origin, or with no origin at all', async () => {
    const token = await signIn(world, world.ownerA);
    const foreign = await logoutWithCookie(token, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { reason: 'origin' } } });
    expect((await logoutWithCookie(token, {})).status).toBe(403);
    expect((await api(world, '/me', { token })).status).toBe(200);
  });

  it('should accept a write from our own origin', async () => {
    const token = await signIn(world, world.ownerA);
    expect((await logoutWithCookie(token, { Origin: ORIGIN })).status).toBe(204);
  });

  it('should not apply to bearer tokens, which a foreign page cannot send', async () => {
    const token = await signIn(world, world.ownerA);
    expect((await api(world, '/auth/logout', { method: 'POST', token, headers: { Origin: 'https://evil.example' } })).status).toBe(204);
  });
});

describe('login throttling', () => {
  it('should lock an e-mail after 5 failures in 15 minutes with Retry-After, even for the right password', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await login(world.ownerA.email, 'wrong password')).status).toBe(401);
    }
    const locked = await login(world.ownerA.email, world.ownerA.password);
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await locked.json()).toMatchObject({ error: { code: 'RATE_LIMITED', details: { retryAfterSeconds: retryAfter } } });
    // Another address changes nothing: the lock is on the account.
    expect((await login(world.ownerA.email, world.ownerA.password, `${world.ip}-elsewhere`)).status).toBe(429);
  });

  it('should lift the lock when the oldest failure leaves the 15-minute window', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) await login(world.ownerA.email, 'wrong password');
    expect((await login(world.ownerA.email, world.ownerA.password)).status).toBe(429);
    // Fifteen minutes pass for the oldest failure of this account.
    const db = testDatabase();
    const emailKey = await keyedHash(env.IP_HASH_KEY, `login-email:${world.ownerA.email}`);
    const [oldest] = await db.select().from(loginFailures).where(eq(loginFailures.keyHash, emailKey)).orderBy(asc(loginFailures.id)).limit(1);
    await db.update(loginFailures).set({ at: Date.now() - 16 * 60_000 }).where(eq(loginFailures.id, oldest?.id ?? -1));
    expect((await login(world.ownerA.email, world.ownerA.password)).status).toBe(200);
  });

  it('should lock an address after 20 failures across accounts', async () => {
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      expect((await login(`nobody-${attempt}-${world.suffix}@test.pulse`, 'wrong password')).status).toBe(401);
    }
    expect((await login(world.ownerB.email, world.ownerB.password)).status).toBe(429);
    expect((await login(world.ownerB.email, world.ownerB.password, `${world.ip}-other`)).status).toBe(200);
  });

  it('should answer an unknown e-mail exactly as a wrong password', async () => {
    const unknown = await login(`nobody-${world.suffix}@test.pulse`, 'whatever');
    const wrong = await login(world.ownerA.email, 'whatever');
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });
});
