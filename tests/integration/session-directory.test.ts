import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema/index.ts';
import { sha256Hex } from '../../worker/auth/secrets.ts';
import { sessionDirectoryOf, SESSION_DIRECTORY_SHARDS } from '../../worker/session-directory/stub.ts';
import { api, createWorld, sessionFor, testDatabase, type World } from '../support/world.ts';

const LIFETIME = { idleMs: 3_600_000, absoluteMs: 30 * 86_400_000 };

/** Revokes a session in libSQL alone, as a write the directory was not told of. */
async function revokeBehindTheDirectory(tokenHash: string): Promise<void> {
  await testDatabase().update(sessions).set({ revokedAt: Date.now() }).where(eq(sessions.tokenHash, tokenHash));
}

describe('the session directories: a proven session is checked in memory, and every revocation told to them holds at once', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it('answers a proven session from memory, without reading libSQL again, until it is told to forget it', async () => {
    const token = await sessionFor(world.ownerA);
    const tokenHash = await sha256Hex(token);
    const directory = sessionDirectoryOf(env, tokenHash);
    const first = await directory.userOf(tokenHash, Date.now(), LIFETIME, env.LIBSQL_URL);
    expect(first.kind === 'user' && first.user.id).toBe(world.ownerA.id);
    expect(first.kind === 'user' && [...first.user.clinics]).toEqual([[world.clinicA, 'clinic_owner']]);
    // Revoked in libSQL only: the directory still answers from memory, which proves it no longer reads it.
    await revokeBehindTheDirectory(tokenHash);
    expect((await directory.userOf(tokenHash, Date.now(), LIFETIME, env.LIBSQL_URL)).kind).toBe('user');
    expect(await directory.forget({ tokenHash })).toBe(1);
    expect((await directory.userOf(tokenHash, Date.now(), LIFETIME, env.LIBSQL_URL)).kind).toBe('none');
  });

  it('forgets every session of a person, or all sessions, and leaves the others proven', async () => {
    const [mine, also, theirs] = await Promise.all([sessionFor(world.staffA), sessionFor(world.staffA), sessionFor(world.ownerB)]);
    const hashes = await Promise.all([mine, also, theirs].map((token) => sha256Hex(token)));
    for (const hash of hashes) expect((await sessionDirectoryOf(env, hash).userOf(hash, Date.now(), LIFETIME, env.LIBSQL_URL)).kind).toBe('user');
    for (const hash of hashes) await revokeBehindTheDirectory(hash);
    const forgotten = await Promise.all(Array.from({ length: SESSION_DIRECTORY_SHARDS }, (_, shard) => env.SESSION_DIRECTORY.get(env.SESSION_DIRECTORY.idFromName(`sessions-${shard}`)).forget({ userId: world.staffA.id })));
    expect(forgotten.reduce((sum, count) => sum + count, 0)).toBe(2);
    const kinds = await Promise.all(hashes.map(async (hash) => (await sessionDirectoryOf(env, hash).userOf(hash, Date.now(), LIFETIME, env.LIBSQL_URL)).kind));
    expect(kinds).toEqual(['none', 'none', 'user']);
    await sessionDirectoryOf(env, hashes[2] ?? '').forget({ all: true });
    expect((await sessionDirectoryOf(env, hashes[2] ?? '').userOf(hashes[2] ?? '', Date.now(), LIFETIME, env.LIBSQL_URL)).kind).toBe('none');
  });

  it('answers only for its own database: an app over another one is told to ask that one itself', async () => {
    const token = await sessionFor(world.ownerA);
    const tokenHash = await sha256Hex(token);
    expect(await sessionDirectoryOf(env, tokenHash).userOf(tokenHash, Date.now(), LIFETIME, 'http://127.0.0.1:9')).toEqual({ kind: 'other_database' });
  });

  it('refuses a session kept in memory once its own times end it, without being told', async () => {
    const token = await sessionFor(world.ownerB, 60_000);
    const tokenHash = await sha256Hex(token);
    const directory = sessionDirectoryOf(env, tokenHash);
    const now = Date.now();
    expect((await directory.userOf(tokenHash, now, LIFETIME, env.LIBSQL_URL)).kind).toBe('user');
    // An hour later (the idle lifetime is longer, but this session was written to end in a minute).
    expect((await directory.userOf(tokenHash, now + 3_600_000, LIFETIME, env.LIBSQL_URL)).kind).toBe('none');
  });

  it('ends or narrows a proven session at once through the API: a membership removed, logout, disabling', async () => {
    const owner = await sessionFor(world.ownerA);
    const staff = await sessionFor(world.staffA);
    const me = (token: string) => api(world, '/me', { token });
    expect((await me(staff)).status).toBe(200);
    expect((await api(world, `/clinics/${world.clinicA}/queue`, { token: staff })).status).toBe(200);
    // The owner removes the receptionist: their proven session no longer opens the clinic (not theirs: 404).
    expect((await api(world, `/clinics/${world.clinicA}/members/${world.staffA.id}`, { method: 'DELETE', token: owner })).status).toBe(204);
    expect((await api(world, `/clinics/${world.clinicA}/queue`, { token: staff })).status).toBe(404);
    // Logout ends the session it came from, proven a moment before.
    expect((await me(owner)).status).toBe(200);
    expect((await api(world, '/auth/logout', { method: 'POST', token: owner })).status).toBe(204);
    expect((await me(owner)).status).toBe(401);
    // Disabling ends every session of the person.
    const admin = await sessionFor(world.superAdmin);
    const ownerB = await sessionFor(world.ownerB);
    expect((await me(ownerB)).status).toBe(200);
    expect((await api(world, `/admin/users/${world.ownerB.id}/access`, { method: 'PUT', token: admin, json: { disabled: true } })).status).toBe(204);
    expect((await me(ownerB)).status).toBe(401);
    expect((await api(world, `/admin/users/${world.ownerB.id}/access`, { method: 'PUT', token: admin, json: { disabled: false } })).status).toBe(204);
  });
});
