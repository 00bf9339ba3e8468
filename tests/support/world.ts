import { env, SELF } from 'cloudflare:test';
import { createDatabase, type Database } from '../../db/client.ts';
import { apiKeys, clinics, memberships, sessions, users } from '../../db/schema/index.ts';
import { newApiKey } from '../../worker/auth/api-key-format.ts';
import { hashPassword } from '../../worker/auth/password.ts';
import { sha256Hex } from '../../worker/auth/secrets.ts';

export const ORIGIN = 'http://pulse.test';

/** The test's own handle on the real database the Worker uses. */
export function testDatabase(): Database {
  return createDatabase({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN });
}

export interface Person {
  id: string;
  email: string;
  password: string;
}

/**
 * Two clinics (A in Tunis, B in Paris) and the people around them: a super admin, A's owner and
 * receptionist, B's owner, and each clinic's queue-app key. Every name carries a fresh suffix, so
 * test files sharing one database never see each other's world.
 */
export interface World {
  suffix: string;
  /** A per-world client address, so login throttling by IP stays within one test. */
  ip: string;
  clinicA: string;
  clinicB: string;
  superAdmin: Person;
  ownerA: Person;
  staffA: Person;
  ownerB: Person;
  keyA: string;
  keyB: string;
  keyAId: string;
}

let worlds = 0;

export async function createWorld(): Promise<World> {
  const suffix = `${Date.now().toString(36)}-${(worlds += 1)}-${crypto.randomUUID().slice(0, 8)}`;
  const db = testDatabase();
  const now = Date.now();
  const clinicA = `clinic-a-${suffix}`;
  const clinicB = `clinic-b-${suffix}`;
  const person = async (name: string, role: 'super_admin' | 'member'): Promise<Person & { row: typeof users.$inferInsert }> => {
    const password = `${name}-password-${suffix}`;
    const stored = await hashPassword(password);
    const id = `${name}-${suffix}`;
    const email = `${name}-${suffix}@test.pulse`;
    return {
      id, email, password,
      row: {
        id, email, role, locale: 'fr', createdAt: now, passwordAlgorithm: stored.algorithm, passwordIterations: stored.iterations,
        passwordSalt: stored.salt, passwordHash: stored.hash, passwordChangedAt: now,
      },
    };
  };
  const [superAdmin, ownerA, staffA, ownerB] = await Promise.all([
    person('admin', 'super_admin'), person('owner-a', 'member'), person('staff-a', 'member'), person('owner-b', 'member'),
  ]);
  const keyA = newApiKey();
  const keyB = newApiKey();
  const keyAId = `key-a-${suffix}`;
  await db.batch([
    db.insert(clinics).values([
      { id: clinicA, name: `Cabinet A ${suffix}`, timezone: 'Africa/Tunis', planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: now },
      { id: clinicB, name: `Cabinet B ${suffix}`, timezone: 'Europe/Paris', planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: now },
    ]),
    db.insert(users).values([superAdmin.row, ownerA.row, staffA.row, ownerB.row]),
    db.insert(memberships).values([
      { userId: ownerA.id, clinicId: clinicA, role: 'clinic_owner', createdAt: now },
      { userId: staffA.id, clinicId: clinicA, role: 'staff', createdAt: now },
      { userId: ownerB.id, clinicId: clinicB, role: 'clinic_owner', createdAt: now },
    ]),
    db.insert(apiKeys).values([
      { id: keyAId, clinicId: clinicA, name: 'queue app', prefix: keyA.prefix, secretHash: await sha256Hex(keyA.secret), createdAt: now },
      { id: `key-b-${suffix}`, clinicId: clinicB, name: 'queue app', prefix: keyB.prefix, secretHash: await sha256Hex(keyB.secret), createdAt: now },
    ]),
  ]);
  const strip = ({ id, email, password }: Person): Person => ({ id, email, password });
  return {
    suffix, ip: `198.51.100.${worlds % 250}-${suffix}`, clinicA, clinicB,
    superAdmin: strip(superAdmin), ownerA: strip(ownerA), staffA: strip(staffA), ownerB: strip(ownerB),
    keyA: keyA.key, keyB: keyB.key, keyAId,
  };
}

/** Calls the API as a browser or client of this world would (same origin, its IP). */
export function api(world: World, path: string, init: RequestInit & { token?: string; json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('CF-Connecting-IP')) headers.set('CF-Connecting-IP', world.ip);
  if (init.token !== undefined) headers.set('Authorization', `Bearer ${init.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(init.json);
  }
  return SELF.fetch(`${ORIGIN}/api/v1${path}`, { ...init, headers, body });
}

/** Signs a person in and returns their bearer token. */
export async function signIn(world: World, person: Person): Promise<string> {
  const response = await api(world, '/auth/login', { method: 'POST', json: { email: person.email, password: person.password, bearerToken: true } });
  if (response.status !== 200) throw new Error(`sign-in of ${person.email} failed: ${response.status} ${await response.text()}`);
  const body = await response.json<{ token: string }>();
  return body.token;
}

/**
 * A live session for a person, written straight to the database: for tests that need many
 * signed-in callers without paying a PBKDF2 login for each.
 */
export async function sessionFor(person: Person, ttlMs = 3_600_000): Promise<string> {
  const token = `test-session-${crypto.randomUUID()}`;
  const now = Date.now();
  await testDatabase().insert(sessions).values({ tokenHash: await sha256Hex(token), userId: person.id, createdAt: now, lastSeenAt: now, expiresAt: now + ttlMs });
  return token;
}
