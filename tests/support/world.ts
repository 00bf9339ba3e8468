import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll } from 'vitest';
import { createDatabase, type Database } from '../../db/client.ts';
import { saveClinicChange, type NewClinicRow } from '../../db/queries/admin-clinics.ts';
import { firstPrices } from '../../db/queries/clinic-prices.ts';
import { apiKeys, clinicPrices, clinics, memberships, sessions, users } from '../../db/schema/index.ts';
import { newApiKey } from '../../worker/auth/api-key-format.ts';
import { hashPassword } from '../../worker/auth/password.ts';
import { sha256Hex } from '../../worker/auth/secrets.ts';
import { sessionDirectoryOf } from '../../worker/session-directory/stub.ts';

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
  const clinicRows = [
    { id: clinicA, name: `Cabinet A ${suffix}`, timezone: 'Africa/Tunis', planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: now },
    { id: clinicB, name: `Cabinet B ${suffix}`, timezone: 'Europe/Paris', planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: now },
  ];
  await db.batch([
    db.insert(clinics).values(clinicRows),
    db.insert(clinicPrices).values(firstPrices(clinicRows)),
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

/** A request to the API: `token` becomes a bearer `Authorization`, `json` the JSON body. */
export type ApiInit = RequestInit & { token?: string | undefined; json?: unknown };

/** The request a browser or client at `ip` sends to `path` of the API (same origin). */
function apiRequest(path: string, init: ApiInit, ip?: string): Request {
  const { token, json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (ip !== undefined && !headers.has('CF-Connecting-IP')) headers.set('CF-Connecting-IP', ip);
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
  let body = rest.body;
  if (json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(json);
  }
  return new Request(`${ORIGIN}/api/v1${path}`, { ...rest, headers, body });
}

/** Calls the API as a browser or client of this world would (same origin, its IP). */
export function api(world: World, path: string, init: ApiInit = {}): Promise<Response> {
  return SELF.fetch(apiRequest(path, init, world.ip));
}

/** An answer with its body read as JSON of the shape the caller expects. */
export interface JsonAnswer<T> {
  response: Response;
  status: number;
  body: T;
}

export async function jsonOf<T>(response: Response): Promise<JsonAnswer<T>> {
  return { response, status: response.status, body: await response.json<T>() };
}

/** `api`, its answer read as JSON. */
export async function apiJson<T>(world: World, path: string, init: ApiInit = {}): Promise<JsonAnswer<T>> {
  return jsonOf<T>(await api(world, path, init));
}

/** An app built by the test itself (a pinned clock), run with an environment of its own (another database). */
export interface OwnApp {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response>;
}

/**
 * Calls `app` as `api` calls the deployed Worker, and waits for what the request left running
 * (`waitUntil`) before answering: the test reads the database right after.
 */
export async function callOwnApp(app: OwnApp, appEnv: Env, path: string, init: ApiInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await app.fetch(apiRequest(path, init), appEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/**
 * Changes one of the world's clinics as the admin console saves a change (a line on its timeline
 * included): another zone, archived, restored.
 */
export async function changeClinic(world: World, clinicId: string, set: Partial<NewClinicRow>): Promise<void> {
  await saveClinicChange(testDatabase(), { clinicId, set, userId: world.superAdmin.id, at: Date.now(), detail: { change: 'edited', by: 'test' } });
}

/**
 * Asks for clinic A's live WebSocket as a browser does: the session cookie (none when `token` is
 * undefined) and an origin, ours unless told otherwise.
 */
export function openLiveSocket(world: World, token: string | undefined, origin = ORIGIN): Promise<Response> {
  const headers: Record<string, string> = { Upgrade: 'websocket', Origin: origin, 'CF-Connecting-IP': world.ip };
  if (token !== undefined) headers.Cookie = `pulse_session=${token}`;
  return SELF.fetch(`${ORIGIN}/api/v1/clinics/${world.clinicA}/live`, { headers });
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

/**
 * For a test that moves a session's times in libSQL to stand for time passing: the session's
 * directory forgets what it proved, as it would after a revocation, so the next request reads the
 * new times.
 */
export async function forgetProvenSession(token: string): Promise<void> {
  const tokenHash = await sha256Hex(token);
  await sessionDirectoryOf(env, tokenHash).forget({ tokenHash });
}

export type PersonName = 'superAdmin' | 'ownerA' | 'staffA' | 'ownerB';

/** A world and bearer tokens of some of its people, ready once the file's `beforeAll` has run. */
export interface SignedInWorld<P extends PersonName> {
  readonly world: World;
  /** The bearer token of one of the people signed in. */
  token(name: P): string;
}

/**
 * Registers a `beforeAll` that builds a fresh world and signs `people` in: through the login
 * route (`'login'`, audited and throttled like a browser's) or straight in the database
 * (`'session'`, no PBKDF2 to pay). Read `world` and `token` inside tests and hooks only.
 */
export function signedInWorld<const P extends PersonName>(people: readonly P[], how: 'login' | 'session' = 'session'): SignedInWorld<P> {
  let ready: { world: World; tokens: Map<P, string> } | undefined;
  beforeAll(async () => {
    const world = await createWorld();
    const tokens = await Promise.all(people.map(async (name) => [name, how === 'login' ? await signIn(world, world[name]) : await sessionFor(world[name])] as const));
    ready = { world, tokens: new Map(tokens) };
  });
  const built = () => {
    if (ready === undefined) throw new Error('signedInWorld is read before its beforeAll ran');
    return ready;
  };
  return {
    get world() {
      return built().world;
    },
    token(name) {
      const token = built().tokens.get(name);
      if (token === undefined) throw new Error(`${name} was not signed in by signedInWorld`);
      return token;
    },
  };
}
