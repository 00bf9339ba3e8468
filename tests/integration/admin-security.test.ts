import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertAudit, type NewAuditRow } from '../../db/queries/audit.ts';
import { sessions } from '../../db/schema/index.ts';
import { createApp } from '../../worker/app.ts';
import { sha256Hex } from '../../worker/auth/secrets.ts';
import { callOwnApp, createWorld, jsonOf, testDatabase, type ApiInit, type Person, type World } from '../support/world.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A Tuesday morning far from every other test's clock: the audit log is shared, this window is ours alone. */
const NOW = Date.parse('2031-03-04T12:20:00Z');
const at = (iso: string) => Date.parse(`2031-03-04T${iso}Z`);

interface Counts {
  failedLogins: number;
  throttledLogins: number;
  exports: number;
  adminActions: number;
}
interface SecurityFigures {
  hours: (Counts & { hour: string })[];
  totals: Counts;
}

const zero: Counts = { failedLogins: 0, throttledLogins: 0, exports: 0, adminActions: 0 };

describe('the security figures per hour (GET /admin/security)', () => {
  let world: World;
  let now = NOW;
  const app = createApp({ clock: { now: () => now } });
  const tokens = new Map<string, string>();

  /** The Worker as it answers at `instant`. */
  const callAt = (instant: number, path: string, init: ApiInit = {}) => {
    now = instant;
    return callOwnApp(app, env, path, { ...init, headers: { 'CF-Connecting-IP': world.ip, ...init.headers } });
  };
  /** A session opened at the pinned morning's start, so the pinned clock finds it live. */
  const sessionAtDawn = async (person: Person) => {
    const token = `security-${crypto.randomUUID()}`;
    const opened = at('05:00:00');
    await testDatabase().insert(sessions).values({ tokenHash: await sha256Hex(token), userId: person.id, createdAt: opened, lastSeenAt: opened, expiresAt: opened + 12 * HOUR });
    tokens.set(person.id, token);
    return token;
  };
  const scripted = async (rows: readonly NewAuditRow[]) => {
    for (const row of rows) await insertAudit(testDatabase(), row);
  };
  const login = (instant: number, email: string, password: string, ip: string) =>
    callAt(instant, '/auth/login', { method: 'POST', json: { email, password }, headers: { 'CF-Connecting-IP': ip } });

  beforeAll(async () => {
    world = await createWorld();
    const admin = await sessionAtDawn(world.superAdmin);
    await sessionAtDawn(world.ownerA);

    await scripted([
      // One millisecond before the 6-hour window: only the 24-hour one sees it.
      { at: at('06:59:59.999'), actorKind: 'user', actorId: null, actorRole: null, action: 'login', success: false, errorCode: 'UNAUTHORIZED' },
      // The first millisecond of the window: an owner's history export.
      { at: at('07:00:00'), actorKind: 'user', actorId: world.ownerA.id, actorRole: 'clinic_owner', action: 'history_export', clinicId: world.clinicA, success: true },
      // An owner's audited action is no admin action: 10:00 stays at zero.
      { at: at('10:15:00'), actorKind: 'user', actorId: world.ownerA.id, actorRole: 'clinic_owner', action: 'api_key_create', clinicId: world.clinicA, success: true },
      // Right now, and one millisecond in the future (a skewed writer): only the first counts.
      { at: NOW, actorKind: 'user', actorId: null, actorRole: null, action: 'login', success: false, errorCode: 'UNAUTHORIZED' },
      { at: NOW + 1, actorKind: 'user', actorId: null, actorRole: null, action: 'login', success: false, errorCode: 'UNAUTHORIZED' },
    ]);

    // 09:10, a guesser: five wrong passwords, then two tries refused unheard; an unknown e-mail fails too.
    const guesser = `203.0.113.9-${world.suffix}`;
    for (let attempt = 1; attempt <= 5; attempt += 1) expect((await login(at('09:10:00') + attempt * 1000, world.ownerA.email, `guess ${attempt}`, guesser)).status).toBe(401);
    expect((await login(at('09:10:05.100'), world.ownerA.email, 'guess 6', guesser)).status).toBe(429);
    expect((await login(at('09:10:05.500'), world.ownerA.email, 'guess 7', guesser)).status).toBe(429);
    expect((await login(at('09:40:00'), `nobody-${world.suffix}@example.test`, 'whatever', world.ip)).status).toBe(401);
    // 09:50, the super admin signs in: a sign-in, not an admin action.
    expect((await login(at('09:50:00'), world.superAdmin.email, world.superAdmin.password, world.ip)).status).toBe(200);

    // 11:00–11:59, the super admin at work: disables and enables staff, fails on a user that does not exist, exports the audit log.
    expect((await callAt(at('11:05:00'), `/admin/users/${world.staffA.id}/access`, { method: 'PUT', token: admin, json: { disabled: true } })).status).toBe(204);
    expect((await callAt(at('11:06:00'), `/admin/users/${world.staffA.id}/access`, { method: 'PUT', token: admin, json: { disabled: false } })).status).toBe(204);
    expect((await callAt(at('11:30:00'), '/admin/users/no-such-user-0000/access', { method: 'PUT', token: admin, json: { disabled: true } })).status).toBe(404);
    const exported = await callAt(at('11:59:59.999'), `/admin/audit?format=csv&action=nothing-${world.suffix}`, { token: admin });
    expect(exported.status).toBe(200);
    await exported.text();
    // Disabling ended the staff member's sessions: theirs is opened after.
    await sessionAtDawn(world.staffA);
    // Eight password checks (PBKDF2) at about a second each.
  }, 60_000);

  const figures = async (query: string, instant = NOW) => {
    const answer = await jsonOf<SecurityFigures>(await callAt(instant, `/admin/security${query}`, { token: tokens.get(world.superAdmin.id) }));
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('should count each clock hour of the last 6, oldest first, hours without rows at zero', async () => {
    const { hours, totals } = await figures('?hours=6');
    expect(hours).toEqual([
      { hour: '2031-03-04T07:00:00.000Z', ...zero, exports: 1 },
      { hour: '2031-03-04T08:00:00.000Z', ...zero },
      { hour: '2031-03-04T09:00:00.000Z', ...zero, failedLogins: 6, throttledLogins: 2 },
      { hour: '2031-03-04T10:00:00.000Z', ...zero },
      { hour: '2031-03-04T11:00:00.000Z', ...zero, exports: 1, adminActions: 4 },
      { hour: '2031-03-04T12:00:00.000Z', ...zero, failedLogins: 1 },
    ]);
    expect(totals).toEqual({ failedLogins: 7, throttledLogins: 2, exports: 2, adminActions: 4 });
  });

  it('should default to 24 hours, the current one last, and see the failure just before the 6-hour window', async () => {
    const { hours, totals } = await figures('');
    expect(hours).toHaveLength(24);
    expect(hours[0]?.hour).toBe('2031-03-03T13:00:00.000Z');
    expect(hours.at(-1)?.hour).toBe('2031-03-04T12:00:00.000Z');
    expect(hours.find((hour) => hour.hour === '2031-03-04T06:00:00.000Z')).toEqual({ hour: '2031-03-04T06:00:00.000Z', ...zero, failedLogins: 1 });
    expect(totals).toEqual({ failedLogins: 8, throttledLogins: 2, exports: 2, adminActions: 4 });
  });

  it('should move with the clock: an hour later, 07:00 has left the 6-hour window and the future row has come in', async () => {
    const { hours, totals } = await figures('?hours=6', NOW + HOUR);
    expect(hours.map((hour) => hour.hour)).toEqual(['08', '09', '10', '11', '12', '13'].map((h) => `2031-03-04T${h}:00:00.000Z`));
    expect(hours[4]).toEqual({ hour: '2031-03-04T12:00:00.000Z', ...zero, failedLogins: 2 });
    // Reading the figures is no admin action: nothing was audited by the reads above.
    expect(totals).toEqual({ failedLogins: 8, throttledLogins: 2, exports: 1, adminActions: 4 });
  });

  it('should answer 404 to clinic owners and staff, 401 to the signed out', async () => {
    for (const person of [world.ownerA, world.staffA]) {
      const refused = await jsonOf<{ error: { code: string } }>(await callAt(NOW, '/admin/security', { token: tokens.get(person.id) }));
      expect(refused.status, person.email).toBe(404);
      expect(refused.body.error.code).toBe('NOT_FOUND');
    }
    const anonymous = await jsonOf<{ error: { code: string } }>(await callAt(NOW, '/admin/security'));
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHORIZED');
  });

  it('should refuse an hours count outside 1–168 or not a whole number', async () => {
    for (const hours of ['0', '169', '2.5', 'abc', '-1']) {
      const refused = await jsonOf<{ error: { code: string } }>(await callAt(NOW, `/admin/security?hours=${hours}`, { token: tokens.get(world.superAdmin.id) }));
      expect(refused.status, hours).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await figures('?hours=168')).hours).toHaveLength(168);
    expect((await figures('?hours=1')).hours).toEqual([{ hour: '2031-03-04T12:00:00.000Z', ...zero, failedLogins: 1 }]);
  });
});
