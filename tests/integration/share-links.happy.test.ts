import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowsAbout } from '../../db/queries/audit-rows.ts';
import { addClinicDays, clinicDayOf } from '../../worker/domain/clinic-time.ts';
import type { AnalyticsAnswer } from '../../worker/domain/history-wire.ts';
import { emptyRollupCounters } from '../../worker/domain/rollup.ts';
import type { SharedToday } from '../../worker/domain/share-links.ts';
import type { TodayFigures } from '../../worker/domain/today-figures.ts';
import { drainOutbox, eventId, ingest } from '../support/queue-story.ts';
import { freshIp, listShareLinks, makeShareLink, readShared, shareTokenOf } from '../support/share-links.ts';
import { storeRollups } from '../support/stored-rollups.ts';
import { apiJson, changeClinic, createWorld, sessionFor, testDatabase, type World } from '../support/world.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * A fixed-offset zone in which it is about noon now: the morning told below (an hour ago until
 * now) falls in today whenever the test runs. `Etc/GMT-3` is UTC+3 (POSIX signs are inverted).
 */
function zoneAtNoon(now: number): string {
  const offset = 12 - new Date(now).getUTCHours();
  return offset >= 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

/** What freshness says of an answer, not what it answers: two reads a moment apart differ there only. */
function withoutFreshness<T extends { lastUpdated?: unknown; dataFreshness?: unknown }>(answer: T) {
  const { lastUpdated: _lastUpdated, dataFreshness: _dataFreshness, ...rest } = answer;
  return rest;
}

describe("a clinic owner sharing the clinic's day and history with someone without an account", () => {
  let world: World;
  let owner: string;
  let zone: string;
  const visitor = freshIp('visitor');

  beforeAll(async () => {
    world = await createWorld();
    owner = await sessionFor(world.ownerA);
    const now = Date.now();
    zone = zoneAtNoon(now);
    await changeClinic(world, world.clinicA, { timezone: zone, name: `Cabinet Ennour ${world.suffix}` });
    const at = (minutesAgo: number) => new Date(now - minutesAgo * MINUTE).toISOString();
    // a waits 40 min and is seen for 10; b waits 10 and is in consultation; d leaves; c waits.
    const morning = [
      { id: eventId('share'), type: 'doctor_presence_changed', present: true, occurredAt: at(61) },
      { id: eventId('share'), type: 'patient_added', entryId: 'a', method: 'qr', occurredAt: at(60) },
      { id: eventId('share'), type: 'patient_added', entryId: 'd', method: 'qr', occurredAt: at(30) },
      { id: eventId('share'), type: 'patient_no_show', entryId: 'd', occurredAt: at(25) },
      { id: eventId('share'), type: 'patient_called', entryId: 'a', occurredAt: at(20) },
      { id: eventId('share'), type: 'consultation_started', entryId: 'a', occurredAt: at(19) },
      { id: eventId('share'), type: 'patient_added', entryId: 'b', method: 'manual', occurredAt: at(15) },
      { id: eventId('share'), type: 'patient_completed', entryId: 'a', occurredAt: at(9) },
      { id: eventId('share'), type: 'patient_called', entryId: 'b', occurredAt: at(5) },
      { id: eventId('share'), type: 'patient_added', entryId: 'c', method: 'qr', occurredAt: at(3) },
    ];
    expect((await ingest(world, world.keyA, morning)).body).toMatchObject({ accepted: morning.length });
    await drainOutbox(world.clinicA);
    // Two days ago (in this window of 7 days) and nine days ago (in the window before).
    const today = clinicDayOf(now, zone);
    const past = (offset: number, counters: Partial<ReturnType<typeof emptyRollupCounters>>) => ({
      clinicId: world.clinicA, day: addClinicDays(today, offset), ...emptyRollupCounters(), ...counters, updatedAt: 0, finalizedAt: null,
    });
    await storeRollups({ daily: [past(-2, { checkinsQr: 2, checkinsManual: 1, seen: 3 }), past(-9, { checkinsQr: 1, seen: 1 })] });
  });

  it('should make a link on PUBLIC_URL, valid for the days asked, shown once and listed without its token', async () => {
    const before = Date.now();
    const made = await makeShareLink(world, owner, world.clinicA, { expiresInDays: 7, scope: 'today' });
    expect(made.status).toBe(201);
    expect(made.response.headers.get('Cache-Control')).toBe('no-store');
    expect(Object.keys(made.body).sort()).toEqual(['expiresAt', 'id', 'scope', 'url']);
    expect(made.body.scope).toBe('today');
    const token = shareTokenOf(made.body.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const expiresAt = Date.parse(made.body.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 7 * DAY);

    const { status, body, response } = await listShareLinks(world, owner, world.clinicA);
    expect(status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(body.links).toEqual([
      { id: made.body.id, scope: 'today', createdAt: new Date(expiresAt - 7 * DAY).toISOString(), expiresAt: made.body.expiresAt, revokedAt: null, createdBy: world.ownerA.email, state: 'active' },
    ]);
    expect(JSON.stringify(body)).not.toContain(token);

    const [audited] = (await auditRowsAbout(testDatabase(), made.body.id)).filter((row) => row.action === 'share_link_create');
    expect(audited).toMatchObject({ actorId: world.ownerA.id, actorRole: 'clinic_owner', clinicId: world.clinicA, targetType: 'share_link', success: true });
    expect(JSON.parse(audited?.detail ?? 'null')).toEqual({ scope: 'today', expiresInDays: 7 });
  });

  it("should show a visitor the clinic's name and today's figures, as the members read them, without a session", async () => {
    const made = await makeShareLink(world, owner, world.clinicA, { expiresInDays: 1, scope: 'today' });
    const shared = await readShared<SharedToday>(shareTokenOf(made.body.url), 'today', visitor);
    const members = await apiJson<TodayFigures>(world, `/clinics/${world.clinicA}/stats/today`, { token: owner });
    expect(shared.status).toBe(200);
    expect(shared.body.clinic).toEqual({ name: `Cabinet Ennour ${world.suffix}`, timezone: zone });
    expect(shared.body.scope).toBe('today');
    expect(shared.body.expiresAt).toBe(made.body.expiresAt);
    expect(shared.body.figures).toMatchObject({
      waiting: 1,
      seenToday: 1,
      noShowsToday: 1,
      avgWaitMinutes: 25,
      maxWaitMinutes: 40,
      avgConsultationMinutes: 10,
      checkIns: { qr: 3, manual: 1, qrShare: 0.75 },
      doctorPresent: true,
      serviceLevel: { targetMinutes: 30, called: 2, calledWithinTarget: 1, share: 0.5 },
      day: clinicDayOf(Date.now(), zone),
      timezone: zone,
    });
    // Every figure the visitor sees is the members' own, read a moment apart (only the clock moved).
    const moving = ['asOf', 'estimatedEndAt'];
    const kept = Object.keys(shared.body.figures).filter((key) => !moving.includes(key));
    expect(Object.fromEntries(kept.map((key) => [key, Reflect.get(shared.body.figures, key)]))).toEqual(Object.fromEntries(kept.map((key) => [key, Reflect.get(members.body, key)])));
    expect(shared.body.figures.estimatedEndAt).not.toBeNull();
  });

  it('should answer with no cache, no referrer and no search engine', async () => {
    const made = await makeShareLink(world, owner, world.clinicA, { expiresInDays: 1, scope: 'history' });
    const token = shareTokenOf(made.body.url);
    for (const view of ['today', 'analytics?timeframe=7d']) {
      const { response } = await readShared(token, view, visitor);
      expect(response.headers.get('Cache-Control'), view).toBe('no-store');
      expect(response.headers.get('Referrer-Policy'), view).toBe('no-referrer');
      expect(response.headers.get('X-Robots-Tag'), view).toBe('noindex');
      expect(response.headers.get('ETag'), view).toBeNull();
    }
    const refused = await readShared(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'today', visitor);
    expect(refused.status).toBe(404);
    expect(refused.response.headers.get('Cache-Control')).toBe('no-store');
    expect(refused.response.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it("should give a history link the members' analytics of each window, figure for figure", async () => {
    const made = await makeShareLink(world, owner, world.clinicA, { expiresInDays: 30, scope: 'history' });
    const token = shareTokenOf(made.body.url);
    expect((await readShared<SharedToday>(token, 'today', visitor)).body.scope).toBe('history');
    const shared = await readShared<AnalyticsAnswer>(token, 'analytics?timeframe=7d', visitor);
    const members = await apiJson<AnalyticsAnswer>(world, `/clinics/${world.clinicA}/analytics?timeframe=7d`, { token: owner });
    expect(shared.status).toBe(200);
    // Two days ago (3 patients, 3 seen) and this morning (4 patients, 1 seen); 1 patient the week before.
    expect(shared.body.current).toMatchObject({ patients: 7, seen: 4, noShows: 1, checkInsQr: 5, checkInsManual: 2 });
    expect(shared.body.previous).toMatchObject({ patients: 1, seen: 1 });
    expect(shared.body.periodComparison).toMatchObject({ patients: 600, seen: 300 });
    expect(withoutFreshness(shared.body)).toEqual(withoutFreshness(members.body));
    // Another window, the default one when none is asked: 30 days.
    const month = await readShared<AnalyticsAnswer>(token, 'analytics', visitor);
    expect(month.body.timeframe).toBe('30d');
    expect(month.body.current).toMatchObject({ patients: 8, seen: 5 });
  });
});
