// The Worker first (world.ts reads cloudflare:test): its routes extend zod with OpenAPI before live-messages.ts is read.
import { api, apiJson, createWorld, openLiveSocket, signIn, testDatabase, type World } from '../support/world.ts';
import { env, runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { clinicQueueOf } from '../../worker/clinic-queue/stub.ts';
import { LIVE_CLOSE_CODES } from '../../worker/domain/live-messages.ts';
import { emptyRollupCounters } from '../../worker/domain/rollup.ts';
import { addClinicDays, clinicDayOf } from '../../worker/domain/clinic-time.ts';
import { fillClinic, type FilledClinic } from '../support/erasure-story.ts';
import { rowsKeyedByClinic, rowsMentioning, rowsWhere } from '../support/erasure-probe.ts';
import { drainOutbox, eventId, ingest } from '../support/queue-story.ts';
import { newDevice } from '../support/push-devices.ts';
import { freshIp, readShared } from '../support/share-links.ts';
import { storeRollups } from '../support/stored-rollups.ts';

interface Erased {
  keptRollups: boolean;
  counts: Record<string, number>;
  liveSockets: number;
}

const eraseClinic = (world: World, token: string | undefined, clinicId: string, body: unknown) =>
  apiJson<Erased & { error?: { code: string } }>(world, `/admin/clinics/${clinicId}/erase`, { method: 'POST', token, json: body });

/** Whether the clinic's live queue object holds anything: every table of its storage but the version, and its alarm. */
async function queueObjectContents(clinicId: string): Promise<{ rows: number; alarm: number | null }> {
  return runInDurableObject(clinicQueueOf(env, clinicId), async (_instance, state) => {
    const tables = state.storage.sql.exec<{ name: string }>(`select name from sqlite_master where type = 'table' and name not like '_cf_%' and name not like 'sqlite_%'`).toArray();
    const rows = tables
      .filter(({ name }) => name !== 'storage_version')
      .reduce((sum, { name }) => sum + Number(state.storage.sql.exec<{ n: number }>(`select count(*) as n from "${name}"`).one().n), 0);
    return { rows, alarm: await state.storage.getAlarm() };
  });
}

async function auditCount(texts: readonly string[]): Promise<number> {
  return (await rowsMentioning(texts))['audit_log'] ?? 0;
}

describe('the super admin erasing a clinic and everything of it', () => {
  let world: World;
  let admin: string;
  let a: FilledClinic;
  let b: FilledClinic;
  let ownerA: string;
  let staffA: string;
  let ownerB: string;
  let socket: Promise<{ code: number; reason: string }>;
  let before: { keyedA: Record<string, number>; ofB: Record<string, number> };
  let erased: Awaited<ReturnType<typeof eraseClinic>>;

  beforeAll(async () => {
    world = await createWorld();
    [admin, ownerA, staffA, ownerB] = await Promise.all([signIn(world, world.superAdmin), signIn(world, world.ownerA), signIn(world, world.staffA), signIn(world, world.ownerB)]);
    a = await fillClinic(world, { clinicId: world.clinicA, name: `Cabinet A ${world.suffix}`, timezone: 'Africa/Tunis', key: world.keyA, owner: world.ownerA, ownerToken: ownerA });
    b = await fillClinic(world, { clinicId: world.clinicB, name: `Cabinet B ${world.suffix}`, timezone: 'Europe/Paris', key: world.keyB, owner: world.ownerB, ownerToken: ownerB });
    const live = await openLiveSocket(world, staffA);
    const ws = live.webSocket;
    if (live.status !== 101 || ws === null) throw new Error(`live refused: ${live.status}`);
    ws.accept();
    socket = new Promise((resolve) => ws.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason })));
    before = {
      keyedA: await rowsKeyedByClinic(a.clinicId, { except: ['audit_log'] }),
      ofB: await rowsMentioning([world.clinicB, world.ownerB.id, world.ownerB.email, b.inviteeEmail]),
    };
    erased = await eraseClinic(world, admin, a.clinicId, { confirm: a.name, keepRollups: false });
  });

  it('should have had rows of the clinic in every table a clinic keys, before', () => {
    expect(Object.keys(before.keyedA).sort()).toEqual([
      'alert_instances', 'alert_pending', 'alert_rules', 'annotations', 'api_keys', 'clinic_activity', 'clinic_prices', 'daily_rollups',
      'day_end_predictions', 'day_forecasts', 'events', 'hourly_rollups', 'invitations', 'memberships', 'queue_entries', 'session_sockets',
      'share_links', 'sms_messages',
    ]);
  });

  it('should answer what went, table by table, with the rows each table held of it', () => {
    expect(erased.status).toBe(200);
    expect(erased.response.headers.get('Cache-Control')).toBe('no-store');
    expect(erased.body.keptRollups).toBe(false);
    expect(erased.body.liveSockets).toBe(1);
    for (const [table, rows] of Object.entries(before.keyedA)) expect({ table, rows: erased.body.counts[table] }).toEqual({ table, rows });
    expect(erased.body.counts).toMatchObject({
      clinics: 1, events: 5, queue_entries: 1, sms_messages: 1, api_keys: 2, share_links: 1, annotations: 1, invitations: 1,
      setup_tokens: 1, memberships: 3, alert_rules: 1, alert_instances: 1, alert_pending: 1, alert_held_pushes: 1, alert_deliveries: 1,
      day_forecasts: 1, day_end_predictions: 1, digest_runs: 1, dead_letters: 1, mail_outbox: 1,
      // The owner's and the receptionist's sign-ins: A was their only clinic.
      sessions: 2,
      // The invitation detail that named the invitee.
      audit_log: 1,
    });
  });

  it('should leave no row that names the clinic or its people anywhere but the audit log (and the people themselves)', async () => {
    expect(await rowsKeyedByClinic(a.clinicId, { except: ['audit_log'] })).toEqual({});
    expect(await rowsMentioning([a.clinicId, a.name], { except: ['audit_log'] })).toEqual({});
    expect(await rowsMentioning([world.ownerA.email, world.staffA.email, a.inviteeEmail], { except: ['audit_log', 'users'] })).toEqual({});
  });

  it("should keep in the audit log that it happened and who did it, and none of its people's e-mails or its name", async () => {
    const db = testDatabase();
    const rows = await rowsWhere('audit_log', 'action', 'clinic_erase');
    const mine = rows.map((row) => JSON.parse(row) as Record<string, unknown>).filter((row) => row.clinic_id === a.clinicId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ actor_id: world.superAdmin.id, actor_role: 'super_admin', target_type: 'clinic', target_id: a.clinicId, success: 1 });
    expect(JSON.parse(String(mine[0]?.detail))).toEqual({ keepRollups: false, liveSockets: 1, ...erased.body.counts });
    expect(await auditCount([world.ownerA.email, world.staffA.email, a.inviteeEmail, a.name])).toBe(0);
    const invitation = await db.$client.execute({ sql: `select detail from audit_log where clinic_id = ? and action = 'invitation' and actor_id = ? order by id`, args: [a.clinicId, world.ownerA.id] });
    expect(invitation.rows.map((row) => row.detail)).toContain(JSON.stringify({ role: 'staff' }));
  });

  it("should empty the clinic's live queue and close its sockets, so it answers as a clinic that does not exist", async () => {
    expect(await socket).toEqual({ code: LIVE_CLOSE_CODES.clinicArchived, reason: 'This clinic was erased' });
    expect(await queueObjectContents(a.clinicId)).toEqual({ rows: 0, alarm: null });
    expect((await api(world, `/clinics/${a.clinicId}/stats/today`, { token: admin })).status).toBe(404);
    expect((await api(world, `/clinics/${a.clinicId}/queue`, { token: admin })).status).toBe(404);
    expect((await api(world, `/admin/clinics/${a.clinicId}`, { token: admin })).status).toBe(404);
  });

  it('should stop its keys, its share link and its people’s sessions at once', async () => {
    for (const key of a.keys) {
      expect((await ingest(world, key, [{ id: eventId('after'), type: 'patient_added', entryId: eventId('after'), method: 'qr', occurredAt: new Date().toISOString() }])).status).toBe(401);
    }
    expect((await readShared(a.shareToken, 'today', freshIp('erased'))).status).toBe(404);
    expect((await api(world, '/me/settings', { token: ownerA })).status).toBe(401);
    expect((await api(world, '/me/settings', { token: staffA })).status).toBe(401);
    expect((await api(world, '/me/settings', { token: admin })).status).toBe(200);
  });

  it('should leave the other clinic exactly as it was', async () => {
    expect(await rowsMentioning([world.clinicB, world.ownerB.id, world.ownerB.email, b.inviteeEmail])).toEqual(before.ofB);
    expect((await api(world, `/clinics/${world.clinicB}/stats/today`, { token: ownerB })).status).toBe(200);
  });

  it('should answer 404 when asked again, and change nothing', async () => {
    const again = await eraseClinic(world, admin, a.clinicId, { confirm: a.name, keepRollups: false });
    expect(again.status).toBe(404);
    expect(again.body.error?.code).toBe('NOT_FOUND');
    expect(await rowsWhere('audit_log', 'clinic_id', a.clinicId).then((rows) => rows.filter((row) => row.includes('clinic_erase')).length)).toBe(1);
  });
});

describe('erasing a clinic but keeping its daily figures', () => {
  let world: World;
  let admin: string;
  let a: FilledClinic;
  let rollups: { daily: string[]; hourly: string[]; prices: string[] };

  beforeAll(async () => {
    world = await createWorld();
    admin = await signIn(world, world.superAdmin);
    const owner = await signIn(world, world.ownerA);
    a = await fillClinic(world, { clinicId: world.clinicA, name: `Cabinet A ${world.suffix}`, timezone: 'Africa/Tunis', key: world.keyA, owner: world.ownerA, ownerToken: owner });
    const lastWeek = addClinicDays(clinicDayOf(Date.now(), 'Africa/Tunis'), -7);
    await storeRollups({ daily: [{ clinicId: a.clinicId, day: lastWeek, ...emptyRollupCounters(), checkinsQr: 14, checkinsManual: 3, seen: 15, updatedAt: 0, finalizedAt: 1 }] });
    const read = async () => ({
      daily: await rowsWhere('daily_rollups', 'clinic_id', a.clinicId),
      hourly: await rowsWhere('hourly_rollups', 'clinic_id', a.clinicId),
      prices: await rowsWhere('clinic_prices', 'clinic_id', a.clinicId),
    });
    rollups = await read();
    const erased = await eraseClinic(world, admin, a.clinicId, { confirm: a.name, keepRollups: true });
    expect(erased.status).toBe(200);
    expect(erased.body.keptRollups).toBe(true);
    expect(erased.body.counts).not.toHaveProperty('daily_rollups');
  });

  it('should keep the daily and hourly figures and the prices exactly as they were', async () => {
    expect(rollups.daily).toHaveLength(2);
    expect(rollups.hourly.length).toBeGreaterThan(0);
    expect(await rowsWhere('daily_rollups', 'clinic_id', a.clinicId)).toEqual(rollups.daily);
    expect(await rowsWhere('hourly_rollups', 'clinic_id', a.clinicId)).toEqual(rollups.hourly);
    expect(await rowsWhere('clinic_prices', 'clinic_id', a.clinicId)).toEqual(rollups.prices);
  });

  it('should keep the clinic archived under a neutral name, and nothing else of it', async () => {
    const [clinic] = (await rowsWhere('clinics', 'id', a.clinicId)).map((row) => JSON.parse(row) as Record<string, unknown>);
    expect(clinic?.name).toMatch(/^Cabinet effacé [0-9a-f]{6}$/);
    expect(clinic?.name_key).toMatch(/^cabinet efface [0-9a-f]{6}$/);
    expect(clinic?.archived_at).toEqual(expect.any(Number));
    expect(await rowsKeyedByClinic(a.clinicId, { except: ['audit_log'] })).toEqual({ daily_rollups: 2, hourly_rollups: rollups.hourly.length, clinic_prices: rollups.prices.length });
    expect(await rowsMentioning([a.name, world.ownerA.email, world.staffA.email, a.inviteeEmail], { except: ['audit_log', 'users'] })).toEqual({});
    expect(await queueObjectContents(a.clinicId)).toEqual({ rows: 0, alarm: null });
  });

  it('should refuse the old name afterwards: the clinic is no longer called so', async () => {
    const again = await eraseClinic(world, admin, a.clinicId, { confirm: a.name, keepRollups: true });
    expect(again.status).toBe(400);
    expect(again.body.error?.code).toBe('VALIDATION_FAILED');
  });
});

describe('an erasure refused', () => {
  let world: World;
  let tokens: { admin: string; owner: string; staff: string };
  let name: string;
  let snapshot: () => Promise<unknown>;
  let state: unknown;

  beforeAll(async () => {
    world = await createWorld();
    tokens = { admin: await signIn(world, world.superAdmin), owner: await signIn(world, world.ownerA), staff: await signIn(world, world.staffA) };
    name = `Cabinet A ${world.suffix}`;
    expect((await ingest(world, world.keyA, [{ id: eventId('kept'), type: 'patient_added', entryId: eventId('kept'), method: 'qr', occurredAt: new Date().toISOString() }])).status).toBe(200);
    await drainOutbox(world.clinicA);
    // Everything of the clinic but the audit log, which records refusals of its own kind.
    snapshot = async () => ({ keyed: await rowsKeyedByClinic(world.clinicA, { except: ['audit_log'] }), named: await rowsMentioning([world.clinicA, name], { except: ['audit_log'] }) });
    state = await snapshot();
  });

  it.each([
    ['its name in other letters', () => ({ confirm: name.toLowerCase(), keepRollups: false })],
    ['its name with a space after', () => ({ confirm: `${name} `, keepRollups: false })],
    ['its name with a space before', () => ({ confirm: ` ${name}`, keepRollups: false })],
    ['no name', () => ({ keepRollups: false })],
    ['an empty name', () => ({ confirm: '', keepRollups: true })],
    ['no keepRollups', () => ({ confirm: name })],
    ['keepRollups as text', () => ({ confirm: name, keepRollups: 'false' })],
    ['keepRollups as a number', () => ({ confirm: name, keepRollups: 0 })],
    ['a field it does not know', () => ({ confirm: name, keepRollups: false, everything: true })],
    ['no body at all', () => null],
  ])('should answer 400 to %s, and change nothing', async (_label, body) => {
    const refused = await eraseClinic(world, tokens.admin, world.clinicA, body());
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('VALIDATION_FAILED');
    expect(await snapshot()).toEqual(state);
  });

  it('should answer 404 for a clinic that does not exist, and to anyone but the super admin; 401 signed out', async () => {
    const body = { confirm: name, keepRollups: false };
    expect((await eraseClinic(world, tokens.admin, `no-such-${world.suffix}`, body)).status).toBe(404);
    expect((await eraseClinic(world, tokens.owner, world.clinicA, body)).status).toBe(404);
    expect((await eraseClinic(world, tokens.staff, world.clinicA, body)).status).toBe(404);
    expect((await eraseClinic(world, world.keyA, world.clinicA, body)).status).toBe(401);
    expect((await eraseClinic(world, undefined, world.clinicA, body)).status).toBe(401);
    expect(await snapshot()).toEqual(state);
    expect((await rowsWhere('audit_log', 'clinic_id', world.clinicA)).filter((row) => row.includes('clinic_erase'))).toEqual([]);
  });
});

describe('the super admin deleting a person', () => {
  let world: World;
  let admin: string;
  let staff: string;
  let socket: Promise<{ code: number; reason: string }>;
  const deleteUser = (token: string | undefined, userId: string) => api(world, `/admin/users/${userId}`, { method: 'DELETE', token });

  beforeAll(async () => {
    world = await createWorld();
    admin = await signIn(world, world.superAdmin);
    staff = await signIn(world, world.staffA);
    const owner = await signIn(world, world.ownerA);
    await fillClinic(world, { clinicId: world.clinicA, name: `Cabinet A ${world.suffix}`, timezone: 'Africa/Tunis', key: world.keyA, owner: world.ownerA, ownerToken: owner });
    // The receptionist's own traces: a note, settings, a phone, an audit detail that named them.
    expect((await api(world, `/clinics/${world.clinicA}/annotations`, { method: 'POST', token: staff, json: { day: clinicDayOf(Date.now(), 'Africa/Tunis'), text: 'Coupure de courant' } })).status).toBe(201);
    expect((await api(world, '/me/settings', { method: 'PATCH', token: staff, json: { weeklyDigest: false } })).status).toBe(200);
    expect((await api(world, '/push/subscriptions', { method: 'POST', token: staff, json: await newDevice() })).status).toBe(204);
    await testDatabase().$client.execute({
      sql: `insert into audit_log (at, actor_kind, actor_id, actor_role, action, clinic_id, target_type, target_id, success, detail) values (?, 'user', ?, 'clinic_owner', 'invitation', ?, 'user', ?, 1, ?)`,
      args: [Date.now(), world.ownerA.id, world.clinicA, world.staffA.id, JSON.stringify({ role: 'staff', email: world.staffA.email })],
    });
    const live = await openLiveSocket(world, staff);
    const ws = live.webSocket;
    if (live.status !== 101 || ws === null) throw new Error(`live refused: ${live.status}`);
    ws.accept();
    socket = new Promise((resolve) => ws.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason })));
    expect(await rowsMentioning([world.staffA.id])).toMatchObject({ users: 1, memberships: 1, sessions: 1, push_subscriptions: 1, annotations: 1 });
  });

  it('should refuse oneself, an unknown id, anyone but the super admin and the signed out, changing nothing', async () => {
    const self = await apiJson<{ error: { code: string } }>(world, `/admin/users/${world.superAdmin.id}`, { method: 'DELETE', token: admin });
    expect([self.status, self.body.error.code]).toEqual([409, 'CONFLICT']);
    expect((await deleteUser(admin, `no-such-${world.suffix}`)).status).toBe(404);
    expect((await deleteUser(staff, world.ownerA.id)).status).toBe(404);
    expect((await deleteUser(undefined, world.staffA.id)).status).toBe(401);
    expect((await rowsWhere('users', 'id', world.superAdmin.id)).length + (await rowsWhere('users', 'id', world.ownerA.id)).length).toBe(2);
    expect((await api(world, '/me/settings', { token: staff })).status).toBe(200);
  });

  it('should delete them with their sessions, phones, settings and notes, and close their live socket', async () => {
    expect((await deleteUser(admin, world.staffA.id)).status).toBe(204);
    expect(await socket).toEqual({ code: LIVE_CLOSE_CODES.sessionEnded, reason: 'Session ended: this account was deleted' });
    expect((await api(world, '/me/settings', { token: staff })).status).toBe(401);
    const login = await api(world, '/auth/login', { method: 'POST', json: { email: world.staffA.email, password: world.staffA.password, bearerToken: true } });
    expect(login.status).toBe(401);
    expect(await rowsMentioning([world.staffA.id], { except: ['audit_log'] })).toEqual({});
    expect(await rowsMentioning([world.staffA.email])).toEqual({});
  });

  it('should keep in the audit log who deleted whom, by id alone', async () => {
    const rows = (await rowsWhere('audit_log', 'target_id', world.staffA.id)).map((row) => JSON.parse(row) as Record<string, unknown>);
    const deletion = rows.filter((row) => row.action === 'user_delete');
    expect(deletion).toHaveLength(1);
    expect(deletion[0]).toMatchObject({ actor_id: world.superAdmin.id, actor_role: 'super_admin', target_type: 'user', success: 1, detail: null });
    expect(rows.find((row) => row.action === 'invitation')?.detail).toBe(JSON.stringify({ role: 'staff' }));
  });

  it('should delete another super admin, and the owner whose clinic keeps its key and invitations without them', async () => {
    const db = testDatabase();
    const other = `admin-two-${world.suffix}`;
    await db.$client.execute({ sql: `insert into users (id, email, role, locale, created_at) values (?, ?, 'super_admin', 'fr', ?)`, args: [other, `${other}@test.pulse`, Date.now()] });
    expect((await deleteUser(admin, other)).status).toBe(204);
    expect(await rowsWhere('users', 'id', other)).toEqual([]);
    await db.$client.execute({ sql: `update api_keys set created_by = ? where clinic_id = ?`, args: [world.ownerA.id, world.clinicA] });
    expect((await deleteUser(admin, world.ownerA.id)).status).toBe(204);
    expect(await rowsMentioning([world.ownerA.id, world.ownerA.email], { except: ['audit_log'] })).toEqual({});
    expect(await rowsMentioning([world.ownerA.email])).toEqual({});
    expect((await ingest(world, world.keyA, [{ id: eventId('still'), type: 'patient_added', entryId: eventId('still'), method: 'qr', occurredAt: new Date().toISOString() }])).status).toBe(200);
  });
});
