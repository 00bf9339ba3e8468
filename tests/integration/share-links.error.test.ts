import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowsAbout } from '../../db/queries/audit-rows.ts';
import type { NewShareLink } from '../../worker/domain/share-links.ts';
import { ErrorResponseSchema } from '../../worker/errors.ts';
import { freshIp, listShareLinks, makeShareLink, readShared, shareTokenOf } from '../support/share-links.ts';
import { pinnedWorker } from '../support/tickets.ts';
import { api, createWorld, jsonOf, sessionFor, testDatabase, type World } from '../support/world.ts';

const DAY = 86_400_000;
/** What every link that does not open answers, whatever the reason: nobody learns which. */
const NOT_VALID = { error: { code: 'NOT_FOUND', message: 'This link is not valid', details: {} } };

describe('share links that are asked for wrongly', () => {
  let world: World;
  let owner: string;

  beforeAll(async () => {
    world = await createWorld();
    owner = await sessionFor(world.ownerA);
  });

  it('should refuse a lifetime outside 1–90 whole days, an unknown scope or field, and make nothing', async () => {
    const bodies = [
      { expiresInDays: 0, scope: 'today' },
      { expiresInDays: 91, scope: 'today' },
      { expiresInDays: 1.5, scope: 'history' },
      { expiresInDays: -3, scope: 'history' },
      { expiresInDays: '7', scope: 'today' },
      { expiresInDays: 7, scope: 'everything' },
      { expiresInDays: 7 },
      { scope: 'today' },
      { expiresInDays: 7, scope: 'today', clinicId: world.clinicB },
      [],
    ];
    for (const body of bodies) {
      const answer = await makeShareLink(world, owner, world.clinicA, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(ErrorResponseSchema.parse(answer.body).error.code).toBe('VALIDATION_FAILED');
    }
    expect((await listShareLinks(world, owner, world.clinicA)).body.links).toEqual([]);
    // The bounds themselves are accepted.
    expect((await makeShareLink(world, owner, world.clinicA, { expiresInDays: 1, scope: 'today' })).status).toBe(201);
    expect((await makeShareLink(world, owner, world.clinicA, { expiresInDays: 90, scope: 'history' })).status).toBe(201);
  });

  it("should answer a today link's analytics 404, exactly as an unknown link", async () => {
    const made = await makeShareLink(world, owner, world.clinicA, { expiresInDays: 3, scope: 'today' });
    const token = shareTokenOf(made.body.url);
    const ip = freshIp('scope');
    expect((await readShared(token, 'today', ip)).status).toBe(200);
    const refused = await readShared(token, 'analytics?timeframe=30d', ip);
    expect(refused.status).toBe(404);
    expect(refused.body).toEqual(NOT_VALID);
  });

  it('should answer the same 404 to unknown, malformed and altered tokens', async () => {
    const made = await makeShareLink(world, owner, world.clinicA, { expiresInDays: 3, scope: 'history' });
    const token = shareTokenOf(made.body.url);
    const ip = freshIp('garbage');
    const altered = `${token.slice(0, 10)}${token[10] === 'x' ? 'y' : 'x'}${token.slice(11)}`;
    for (const garbage of ['x', 'not-a-token', `${token}A`, token.slice(0, -1), altered, `${token.slice(0, -1)}=`, '%F0%9F%94%97', 'A'.repeat(2_000)]) {
      for (const view of ['today', 'analytics']) {
        const answer = await readShared(garbage, view, ip);
        expect(answer.status, `${view} ${garbage.slice(0, 50)}`).toBe(404);
        expect(answer.body).toEqual(NOT_VALID);
      }
    }
    expect((await readShared(token, 'today', ip)).status).toBe(200);
  });

  it('should refuse an unknown window on a history link with 400, before anything else', async () => {
    const made = await makeShareLink(world, owner, world.clinicA, { expiresInDays: 3, scope: 'history' });
    const answer = await readShared(shareTokenOf(made.body.url), 'analytics?timeframe=2y', freshIp('window'));
    expect(answer.status).toBe(400);
    expect(ErrorResponseSchema.parse(answer.body).error.code).toBe('VALIDATION_FAILED');
  });

  it('should stop answering at once when revoked, on both views, and say so in the list and the audit', async () => {
    const made = await makeShareLink(world, owner, world.clinicA, { expiresInDays: 30, scope: 'history' });
    const token = shareTokenOf(made.body.url);
    const ip = freshIp('revoked');
    expect((await readShared(token, 'today', ip)).status).toBe(200);
    expect((await readShared(token, 'analytics?timeframe=7d', ip)).status).toBe(200);

    const revoked = await api(world, `/clinics/${world.clinicA}/share-links/${made.body.id}`, { method: 'DELETE', token: owner });
    expect(revoked.status).toBe(204);
    for (const view of ['today', 'analytics?timeframe=7d']) {
      const answer = await readShared(token, view, ip);
      expect(answer.status, view).toBe(404);
      expect(answer.body).toEqual(NOT_VALID);
    }
    const listed = (await listShareLinks(world, owner, world.clinicA)).body.links.find((link) => link.id === made.body.id);
    expect(listed).toMatchObject({ state: 'revoked', revokedAt: expect.stringMatching(/^\d{4}-/) });
    // Revoked already: nothing left to revoke.
    const again = await jsonOf<unknown>(await api(world, `/clinics/${world.clinicA}/share-links/${made.body.id}`, { method: 'DELETE', token: owner }));
    expect(again.status).toBe(404);
    const audited = (await auditRowsAbout(testDatabase(), made.body.id)).map((row) => `${row.action}:${row.success}`);
    expect(audited).toEqual(['share_link_revoke:false', 'share_link_revoke:true', 'share_link_create:true']);
  });
});

describe('a clinic with 20 active links', () => {
  it('should refuse a 21st with 409 CONFLICT, and make one again once a link is revoked', async () => {
    const world = await createWorld();
    const owner = await sessionFor(world.ownerA);
    const made: NewShareLink[] = [];
    for (let n = 0; n < 20; n += 1) {
      const answer = await makeShareLink(world, owner, world.clinicA, { expiresInDays: 1 + n, scope: n % 2 === 0 ? 'today' : 'history' });
      expect(answer.status, `link ${n + 1}`).toBe(201);
      made.push(answer.body);
    }
    const refused = await makeShareLink(world, owner, world.clinicA, { expiresInDays: 7, scope: 'today' });
    expect(refused.status).toBe(409);
    expect(ErrorResponseSchema.parse(refused.body).error).toMatchObject({ code: 'CONFLICT', details: { maxActive: 20 } });
    // Another clinic's links are its own: B is not capped by A's.
    expect((await makeShareLink(world, await sessionFor(world.ownerB), world.clinicB, { expiresInDays: 7, scope: 'today' })).status).toBe(201);

    expect((await api(world, `/clinics/${world.clinicA}/share-links/${made[0]?.id}`, { method: 'DELETE', token: owner })).status).toBe(204);
    expect((await makeShareLink(world, owner, world.clinicA, { expiresInDays: 7, scope: 'today' })).status).toBe(201);
    expect((await listShareLinks(world, owner, world.clinicA)).body.links).toHaveLength(21);
  });
});

describe('a link past its end', () => {
  it('should answer until its last millisecond, then 404, and read as expired in the list', async () => {
    const world = await createWorld();
    // The session outlives the days the clock moves through.
    const owner = await sessionFor(world.ownerA, 10 * DAY);
    const worker = pinnedWorker(world, '10:00');
    const ip = freshIp('expiry');
    const made = await jsonOf<NewShareLink>(await worker.call(`/clinics/${world.clinicA}/share-links`, { method: 'POST', token: owner, json: { expiresInDays: 2, scope: 'history' } }));
    expect(made.status).toBe(201);
    const end = worker.now() + 2 * DAY;
    expect(made.body.expiresAt).toBe(new Date(end).toISOString());
    const token = shareTokenOf(made.body.url);

    worker.moveTo(end - 1);
    expect((await worker.call(`/shared/${token}/today`, {}, ip)).status).toBe(200);
    expect((await worker.call(`/shared/${token}/analytics?timeframe=7d`, {}, ip)).status).toBe(200);
    worker.moveTo(end);
    for (const view of ['today', 'analytics?timeframe=7d']) {
      const expired = await jsonOf<unknown>(await worker.call(`/shared/${token}/${view}`, {}, ip));
      expect(expired.status, view).toBe(404);
      expect(expired.body).toEqual(NOT_VALID);
    }
    const listed = await jsonOf<{ links: Array<{ state: string }> }>(await worker.call(`/clinics/${world.clinicA}/share-links`, { token: owner }));
    expect(listed.body.links.map((link) => link.state)).toEqual(['expired']);
  });
});

describe('too many shared reads from one address', () => {
  /** The SHARE_RATE_LIMITER's allowance (wrangler.toml): more than one window of it must meet a refusal. */
  const LIMIT = 120;

  it('should answer 429 with Retry-After to that address, and serve the others', async () => {
    const world = await createWorld();
    const owner = await sessionFor(world.ownerA);
    const made = await makeShareLink(world, owner, world.clinicA, { expiresInDays: 1, scope: 'today' });
    const token = shareTokenOf(made.body.url);
    const flooder = freshIp('flood');
    let refused: Awaited<ReturnType<typeof readShared>> | undefined;
    let sent = 0;
    while (refused === undefined && sent < 2 * LIMIT + 1) {
      // Guesses, not the link: a refusal must come before the database is asked.
      const batch = await Promise.all(Array.from({ length: 20 }, () => readShared('guess', 'today', flooder)));
      sent += batch.length;
      refused = batch.find((answer) => answer.status === 429);
    }
    expect(sent).toBeGreaterThan(LIMIT);
    expect(refused?.response.headers.get('Retry-After')).toBe('60');
    expect(ErrorResponseSchema.parse(refused?.body).error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 60 } });
    // The real link is refused to that address too, and served to another.
    expect((await readShared(token, 'today', flooder)).status).toBe(429);
    expect((await readShared(token, 'today', freshIp('neighbour'))).status).toBe(200);
  });
});
