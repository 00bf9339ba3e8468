import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { sessionByTokenHash } from '../../db/queries/session-rows.ts';
import { loginFailures, sessions, users } from '../../db/schema/index.ts';
import { hashPassword } from '../../worker/auth/password.ts';
import { keyedHash, sha256Hex } from '../../worker/auth/secrets.ts';
import { api, createWorld, forgetProvenSession, ORIGIN, sessionFor, signIn, testDatabase, type World } from '../support/world.ts';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const login = (email: string, password: string, ip = world.ip, headers: Record<string, string> = {}) =>
  api(world, '/auth/login', { method: 'POST', json: { email, password }, headers: { 'CF-Connecting-IP': ip, ...headers } });

/** `n` failed sign-ins from `ip`, each answered 401 (none slowed yet). */
async function failFrom(ip: string, email: string, n: number): Promise<void> {
  for (let attempt = 1; attempt <= n; attempt += 1) expect((await login(email, 'wrong password', ip)).status).toBe(401);
}

function retryAfterOf(response: Response): number {
  return Number(response.headers.get('retry-after'));
}

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
    const slid = await sessionByTokenHash(db, tokenHash);
    expect(slid?.expiresAt).toBeGreaterThan(Date.now() + 167 * 3_600_000);

    await db.update(sessions).set({ expiresAt: Date.now() - 1 }).where(eq(sessions.tokenHash, tokenHash));
    await forgetProvenSession(token);
    const expired = await api(world, '/me', { token });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: 'Sign in to continue', details: {} } });
  });

  it('should end every session on password change, and open a new one', async () => {
    const first = await signIn(world, world.ownerA);
    const second = await signIn(world, world.ownerA);
    const newPassword = 'a much longer new password';
    const change = await api(world, '/auth/password', { method: 'POST', token: first, json: { currentPassword: world.ownerA.password, newPassword, bearerToken: true } });
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

describe('password throttling: growing delays on what the guesser controls, never a lock on the account', () => {
  it("should let the owner in from another address after a stranger's five failures", async () => {
    const stranger = `${world.ip}-stranger`;
    await failFrom(stranger, world.ownerA.email, 5);
    const slowed = await login(world.ownerA.email, 'sixth guess', stranger);
    expect(slowed.status).toBe(429);
    expect(retryAfterOf(slowed)).toBeGreaterThanOrEqual(1);
    expect(await slowed.json()).toMatchObject({ error: { code: 'RATE_LIMITED', details: { retryAfterSeconds: retryAfterOf(slowed) } } });
    // The owner, from their own address, is not held up by anything a stranger did.
    expect((await login(world.ownerA.email, world.ownerA.password)).status).toBe(200);
  });

  it('should double the delay with each further failure, and let the guess through once it has passed', async () => {
    const guesser = `${world.ip}-guesser`;
    await failFrom(guesser, world.ownerA.email, 5);
    const pairKey = await keyedHash(env.IP_HASH_KEY, `throttle:account-address:${world.ownerA.email}:${guesser}`);
    const db = testDatabase();
    // The sixth failure, as if the 1-second delay had been waited out.
    await db.update(loginFailures).set({ at: Date.now() - 1_500 }).where(eq(loginFailures.keyHash, pairKey));
    expect((await login(world.ownerA.email, 'sixth guess', guesser)).status).toBe(401);
    const afterSix = await login(world.ownerA.email, world.ownerA.password, guesser);
    expect(afterSix.status).toBe(429);
    expect(retryAfterOf(afterSix)).toBe(2);
    // Fifteen minutes later the failures have left the window: the right password gets in.
    await db.update(loginFailures).set({ at: Date.now() - 16 * 60_000 }).where(eq(loginFailures.keyHash, pairKey));
    expect((await login(world.ownerA.email, world.ownerA.password, guesser)).status).toBe(200);
  });

  it('should slow a burst of 100 failures from one address against 50 accounts, and leave every account open from elsewhere', async () => {
    const stored = await hashPassword('burst victim password');
    const accounts = Array.from({ length: 50 }, (_, index) => ({ id: `burst-${index}-${world.suffix}`, email: `burst-${index}-${world.suffix}@test.pulse` }));
    await testDatabase().insert(users).values(accounts.map(({ id, email }) => ({
      id, email, role: 'member' as const, createdAt: Date.now(), passwordAlgorithm: stored.algorithm,
      passwordIterations: stored.iterations, passwordSalt: stored.salt, passwordHash: stored.hash,
    })));
    const burst = `${world.ip}-burst`;
    const statuses: number[] = [];
    const retryAfters: number[] = [];
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const response = await login(accounts[attempt % 50]?.email ?? '', `guess ${attempt}`, burst);
      statuses.push(response.status);
      if (response.status === 429) retryAfters.push(retryAfterOf(response));
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses[20]).toBe(429);
    // Each further failure doubles the wait: within one burst only a handful more get through.
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(26);
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
    expect(Math.min(...retryAfters)).toBeGreaterThanOrEqual(1);
    const elsewhere: number[] = [];
    for (const { email } of accounts) elsewhere.push((await login(email, 'burst victim password', `${world.ip}-home`)).status);
    expect(elsewhere).toEqual(Array(50).fill(200));
  });

  it("should keep a clinic's own staff in when strangers fail 25 times from the clinic's shared address", async () => {
    const clinicRouter = `${world.ip}-clinic-router`;
    // The receptionist's phone signed in here before: it holds this account's device cookie.
    const first = await login(world.staffA.email, world.staffA.password, clinicRouter);
    const deviceCookie = first.headers.getSetCookie().find((cookie) => cookie.startsWith('pulse_device='))?.split(';')[0] ?? '';
    expect(deviceCookie).toMatch(/^pulse_device=[\w-]+\.[0-9a-f]{64}$/);
    for (let attempt = 1; attempt <= 25; attempt += 1) await login(`nobody-${attempt}-${world.suffix}@test.pulse`, 'wrong', clinicRouter);
    // A browser unknown to the account, from that address, waits like the guesser…
    expect((await login(world.staffA.email, world.staffA.password, clinicRouter)).status).toBe(429);
    // …the receptionist's own phone does not.
    expect((await login(world.staffA.email, world.staffA.password, clinicRouter, { Cookie: deviceCookie })).status).toBe(200);
    // A device cookie proves one account only: it opens no way around the address's delay for another.
    expect((await login(world.ownerA.email, world.ownerA.password, clinicRouter, { Cookie: deviceCookie })).status).toBe(429);
  });

  it('should count an IPv6 client by its /64: new addresses from the same block are the same guesser', async () => {
    const block = `2001:db8:${(Number.parseInt(world.suffix.slice(-4), 36) % 65_535).toString(16)}:7`;
    for (let attempt = 1; attempt <= 5; attempt += 1) expect((await login(world.ownerA.email, 'wrong', `${block}::${attempt}`)).status).toBe(401);
    expect((await login(world.ownerA.email, 'wrong', `${block}:ffff:ffff:ffff:6`)).status).toBe(429);
    expect((await login(world.ownerA.email, world.ownerA.password, '2001:db8:ffff:ffff::1')).status).toBe(200);
  });

  it('should slow guesses at one account spread over many addresses, never its known browsers', async () => {
    const first = await login(world.ownerA.email, world.ownerA.password, `${world.ip}-home`);
    const deviceCookie = first.headers.getSetCookie().find((cookie) => cookie.startsWith('pulse_device='))?.split(';')[0] ?? '';
    // A botnet: 50 addresses, one guess each.
    for (let bot = 1; bot <= 50; bot += 1) expect((await login(world.ownerA.email, 'wrong', `${world.ip}-bot-${bot}`)).status).toBe(401);
    const fiftyFirst = await login(world.ownerA.email, 'wrong', `${world.ip}-bot-51`);
    expect(fiftyFirst.status).toBe(429);
    expect(retryAfterOf(fiftyFirst)).toBeGreaterThanOrEqual(1);
    // The owner's own phone is known to the account: not held up at all.
    expect((await login(world.ownerA.email, world.ownerA.password, `${world.ip}-bot-52`, { Cookie: deviceCookie })).status).toBe(200);
  });

  it('should throttle password changes like sign-ins', async () => {
    const token = await signIn(world, world.ownerA);
    const change = (currentPassword: string) =>
      api(world, '/auth/password', { method: 'POST', token, json: { currentPassword, newPassword: 'a brand new password' } });
    for (let attempt = 1; attempt <= 5; attempt += 1) expect((await change(`wrong ${attempt}`)).status).toBe(401);
    const slowed = await change('wrong 6');
    expect(slowed.status).toBe(429);
    expect(retryAfterOf(slowed)).toBeGreaterThanOrEqual(1);
    // While the delay runs even the right password waits; nothing changed, the session still works.
    expect((await change(world.ownerA.password)).status).toBe(429);
    expect((await api(world, '/me', { token })).status).toBe(200);
    expect((await login(world.ownerA.email, world.ownerA.password, `${world.ip}-phone`)).status).toBe(200);
  });

  it('should answer an unknown e-mail exactly as a wrong password', async () => {
    const unknown = await login(`nobody-${world.suffix}@test.pulse`, 'whatever');
    const wrong = await login(world.ownerA.email, 'whatever');
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it('should read the client address from CF-Connecting-IP alone, never from X-Forwarded-For', async () => {
    const router = `${world.ip}-xff`;
    await failFrom(router, world.ownerA.email, 5);
    const spoofed = await login(world.ownerA.email, world.ownerA.password, router, { 'X-Forwarded-For': '203.0.113.9', 'X-Real-IP': '203.0.113.9' });
    expect(spoofed.status).toBe(429);
  });
});

describe('session lifetime', () => {
  it('should end a session 30 days after sign-in however busy, and never slide past that', async () => {
    const db = testDatabase();
    const token = await sessionFor(world.ownerA);
    const tokenHash = await sha256Hex(token);
    const day = 24 * 3_600_000;
    // Opened 30 days minus an hour ago, last used 2 hours ago: the slide stops at the 30th day.
    await db.update(sessions).set({ createdAt: Date.now() - 30 * day + 3_600_000, lastSeenAt: Date.now() - 2 * 3_600_000 }).where(eq(sessions.tokenHash, tokenHash));
    expect((await api(world, '/me', { token })).status).toBe(200);
    const slid = await sessionByTokenHash(db, tokenHash);
    expect(slid?.expiresAt).toBeLessThanOrEqual((slid?.createdAt ?? 0) + 30 * day);
    expect(slid?.expiresAt).toBeGreaterThan(Date.now());
    // The 30th day passes: over, even though its sliding expiry (set before) is still ahead.
    await db.update(sessions).set({ createdAt: Date.now() - 30 * day - 1_000, lastSeenAt: Date.now(), expiresAt: Date.now() + 3_600_000 }).where(eq(sessions.tokenHash, tokenHash));
    await forgetProvenSession(token);
    expect((await api(world, '/me', { token })).status).toBe(401);
  });
});
