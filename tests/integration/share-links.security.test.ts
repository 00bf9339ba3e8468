import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { shareLinks } from '../../db/schema/index.ts';
import { sha256Hex } from '../../worker/auth/secrets.ts';
import type { SharedToday } from '../../worker/domain/share-links.ts';
import { ErrorResponseSchema } from '../../worker/errors.ts';
import { eventId, ingest } from '../support/queue-story.ts';
import { freshIp, listShareLinks, makeShareLink, readShared, shareTokenOf } from '../support/share-links.ts';
import { api, changeClinic, createWorld, sessionFor, testDatabase, type World } from '../support/world.ts';

/** Everything a shared "Aujourd'hui" may carry, to the last field: any other is a leak. */
const SHARED_TODAY_FIELDS = ['clinic', 'expiresAt', 'figures', 'scope'];
const SHARED_FIGURES = [
  'asOf', 'avgConsultationMinutes', 'avgWaitMinutes', 'checkIns', 'day', 'doctorPresent', 'estimatedEndAt', 'estimates',
  'maxWaitMinutes', 'noShowsToday', 'seenToday', 'serviceLevel', 'timezone', 'unusual', 'waiting',
];

describe('share links: who may make them, and what a link shows', () => {
  let world: World;
  const people = { ownerA: '', staffA: '', ownerB: '', superAdmin: '' };
  const entryA = `entry-private-${crypto.randomUUID()}`;
  const entryB = `entry-private-${crypto.randomUUID()}`;

  beforeAll(async () => {
    world = await createWorld();
    for (const name of ['ownerA', 'staffA', 'ownerB', 'superAdmin'] as const) people[name] = await sessionFor(world[name]);
    await changeClinic(world, world.clinicA, { name: `Cabinet A <b>${world.suffix}</b>` });
    const now = new Date().toISOString();
    expect((await ingest(world, world.keyA, [
      { id: eventId('sec'), type: 'patient_added', entryId: entryA, method: 'qr', occurredAt: now },
      { id: eventId('sec'), type: 'patient_added', entryId: `${entryA}-2`, method: 'manual', occurredAt: now },
    ])).body.accepted).toBe(2);
    expect((await ingest(world, world.keyB, [{ id: eventId('sec'), type: 'patient_added', entryId: entryB, method: 'qr', occurredAt: now }])).body.accepted).toBe(1);
  });

  const path = (clinicId: string, rest = '') => `/clinics/${clinicId}/share-links${rest}`;

  it("should let A's owners and the super admin make links, and refuse staff 403 and strangers 401", async () => {
    expect((await makeShareLink(world, people.ownerA, world.clinicA, { expiresInDays: 7, scope: 'today' })).status).toBe(201);
    expect((await makeShareLink(world, people.superAdmin, world.clinicA, { expiresInDays: 7, scope: 'history' })).status).toBe(201);
    for (const [init, status, code] of [
      [{ method: 'POST', token: people.staffA, json: { expiresInDays: 7, scope: 'today' } }, 403, 'FORBIDDEN'],
      [{ token: people.staffA }, 403, 'FORBIDDEN'],
      [{ method: 'POST', json: { expiresInDays: 7, scope: 'today' } }, 401, 'UNAUTHORIZED'],
      [{}, 401, 'UNAUTHORIZED'],
    ] as const) {
      const answer = await api(world, path(world.clinicA), init);
      expect(answer.status, `${init.method ?? 'GET'} ${status}`).toBe(status);
      expect(ErrorResponseSchema.parse(await answer.json()).error.code).toBe(code);
    }
    const listed = await listShareLinks(world, people.ownerA, world.clinicA);
    expect(listed.body.links.map((link) => link.createdBy).sort()).toEqual([world.ownerA.email, world.superAdmin.email].sort());
  });

  it("should answer another clinic's owner 404 on A's links, as if A did not exist, and leave the link working", async () => {
    const made = await makeShareLink(world, people.ownerA, world.clinicA, { expiresInDays: 7, scope: 'today' });
    const token = shareTokenOf(made.body.url);
    for (const answer of [
      await api(world, path(world.clinicA), { token: people.ownerB }),
      await api(world, path(world.clinicA), { method: 'POST', token: people.ownerB, json: { expiresInDays: 7, scope: 'today' } }),
      await api(world, path(world.clinicA, `/${made.body.id}`), { method: 'DELETE', token: people.ownerB }),
      // B's own clinic in the path does not reach A's link either.
      await api(world, path(world.clinicB, `/${made.body.id}`), { method: 'DELETE', token: people.ownerB }),
    ]) {
      expect(answer.status).toBe(404);
      expect(ErrorResponseSchema.parse(await answer.json()).error.code).toBe('NOT_FOUND');
    }
    expect((await api(world, path(world.clinicA, `/${made.body.id}`), { method: 'DELETE', token: people.staffA })).status).toBe(403);
    expect((await api(world, path(world.clinicA, `/${made.body.id}`), { method: 'DELETE' })).status).toBe(401);
    expect((await readShared(token, 'today', freshIp('still'))).status).toBe(200);
    expect((await listShareLinks(world, people.ownerB, world.clinicB)).body.links.map((link) => link.id)).not.toContain(made.body.id);
  });

  it("should show each clinic's link its own clinic only: A's name and 2 waiting, B's name and 1", async () => {
    const a = shareTokenOf((await makeShareLink(world, people.ownerA, world.clinicA, { expiresInDays: 1, scope: 'today' })).body.url);
    const b = shareTokenOf((await makeShareLink(world, people.ownerB, world.clinicB, { expiresInDays: 1, scope: 'today' })).body.url);
    const ip = freshIp('isolation');
    const [fromA, fromB] = await Promise.all([readShared<SharedToday>(a, 'today', ip), readShared<SharedToday>(b, 'today', ip)]);
    expect(fromA.body.clinic).toEqual({ name: `Cabinet A <b>${world.suffix}</b>`, timezone: 'Africa/Tunis' });
    expect(fromA.body.figures.waiting).toBe(2);
    expect(fromB.body.clinic).toEqual({ name: `Cabinet B ${world.suffix}`, timezone: 'Europe/Paris' });
    expect(fromB.body.figures.waiting).toBe(1);
    expect(JSON.stringify(fromA.body)).not.toContain(`Cabinet B ${world.suffix}`);
    expect(JSON.stringify(fromB.body)).not.toContain(`Cabinet A`);
  });

  it('should answer nothing personal or operational: no entries, tickets, ids, people or money', async () => {
    const token = shareTokenOf((await makeShareLink(world, people.ownerA, world.clinicA, { expiresInDays: 1, scope: 'history' })).body.url);
    const { body } = await readShared<SharedToday>(token, 'today', freshIp('fields'));
    expect(Object.keys(body).sort()).toEqual(SHARED_TODAY_FIELDS);
    expect(Object.keys(body.clinic).sort()).toEqual(['name', 'timezone']);
    expect(Object.keys(body.figures).sort()).toEqual(SHARED_FIGURES);
    const text = JSON.stringify(body);
    for (const secret of [entryA, world.clinicA, world.ownerA.email, world.ownerA.id, 'entries', 'entryId', 'ticketNumber', 'checkedInAt', '"phone', '"email', '"sms', 'Minor"']) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it('should keep only the SHA-256 of a token, so the database alone opens nothing', async () => {
    const made = await makeShareLink(world, people.ownerA, world.clinicA, { expiresInDays: 1, scope: 'today' });
    const token = shareTokenOf(made.body.url);
    const [row] = await testDatabase().select().from(shareLinks).where(eq(shareLinks.id, made.body.id));
    expect(row?.tokenHash).toBe(await sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    // The digest is no token: it opens nothing.
    expect((await readShared(row?.tokenHash ?? '', 'today', freshIp('digest'))).status).toBe(404);
  });

  it('should not open a link of an archived clinic, and open it again once restored', async () => {
    const world2 = await createWorld();
    const owner = await sessionFor(world2.ownerA);
    const admin = await sessionFor(world2.superAdmin);
    const token = shareTokenOf((await makeShareLink(world2, owner, world2.clinicA, { expiresInDays: 1, scope: 'today' })).body.url);
    const ip = freshIp('archived');
    expect((await api(world2, `/admin/clinics/${world2.clinicA}/archive`, { method: 'POST', token: admin })).status).toBe(200);
    expect((await readShared(token, 'today', ip)).status).toBe(404);
    expect((await api(world2, `/admin/clinics/${world2.clinicA}/restore`, { method: 'POST', token: admin })).status).toBe(200);
    expect((await readShared(token, 'today', ip)).status).toBe(200);
  });
});
