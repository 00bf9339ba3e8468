import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TicketView } from '../../worker/domain/ticket-view.ts';
import { ErrorResponseSchema } from '../../worker/errors.ts';
import { eventId, ingest } from '../support/queue-story.ts';
import { receptionDesk } from '../support/reception-desk.ts';
import { openTicketPage, readTicketJson, tokenOf, wordsOf } from '../support/tickets.ts';
import { api, createWorld, jsonOf, sessionFor, type World } from '../support/world.ts';

interface ReceptionTicket {
  url: string;
  expiresAt: string;
}

async function errorOf(response: Response) {
  return ErrorResponseSchema.parse(await response.json()).error;
}

/**
 * Clinic A's desk this morning: the queue app checks Amine in by QR, then reception adds two
 * walk-ins by hand. The second walk-in has no phone for the SMS: reception shows them the link to
 * their ticket as a QR code, which they scan at the desk.
 */
describe("reception showing a patient the link to their ticket", () => {
  let world: World;
  let desk: ReturnType<typeof receptionDesk>;
  const amine = eventId('entry-amine');
  let walkIn = '';

  beforeAll(async () => {
    world = await createWorld();
    desk = receptionDesk(world, await sessionFor(world.staffA));
    const checkedIn = await ingest(world, world.keyA, [{ id: eventId('ev'), type: 'patient_added', entryId: amine, method: 'qr', occurredAt: new Date().toISOString() }]);
    expect(checkedIn.body.accepted).toBe(1);
    expect((await desk.post('/queue/entries', { method: 'manual' })).status).toBe(200);
    walkIn = (await (await desk.post('/queue/entries', { method: 'manual' })).json<{ entryId: string }>()).entryId;
  });

  const askAt = (clinicId: string, entryId: string, token: string | undefined) =>
    api(world, `/clinics/${clinicId}/queue/entries/${encodeURIComponent(entryId)}/ticket`, { method: 'POST', token });

  it("should give the staff a link on PUBLIC_URL whose ticket is that patient's, number 3, valid until the clinic's day ends", async () => {
    const { status, body, response } = await jsonOf<ReceptionTicket>(await askAt(world.clinicA, walkIn, desk.token));
    expect(status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'url']);
    expect(env.PUBLIC_URL).toBe('http://localhost:8787');
    expect(body.url).toMatch(/^http:\/\/localhost:8787\/t\/[A-Za-z0-9_-]{20,}$/);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());

    const ticket = await readTicketJson(tokenOf(body.url), world.ip);
    expect(ticket.status).toBe(200);
    expect(ticket.body).toMatchObject({ clinicName: `Cabinet A ${world.suffix}`, ticketNumber: 3, state: 'waiting', position: 3, expiresAt: body.expiresAt } satisfies Partial<TicketView>);
    const page = await openTicketPage(tokenOf(body.url), world.ip);
    expect(page.status).toBe(200);
    expect(wordsOf(await page.text())).toContain('Votre ticket 3');
  });

  it("should give the owner the very link the queue app is given for the same patient's SMS", async () => {
    const owner = await sessionFor(world.ownerA);
    const atTheDesk = await (await askAt(world.clinicA, amine, owner)).json<ReceptionTicket>();
    const forTheSms = await (await api(world, '/ingest/tickets', { method: 'POST', token: world.keyA, json: { entryIds: [amine] } })).json<{ tickets: ReceptionTicket[] }>();
    expect(forTheSms.tickets).toEqual([{ entryId: amine, ...atTheDesk }]);
    expect((await readTicketJson(tokenOf(atTheDesk.url), world.ip)).body).toMatchObject({ ticketNumber: 1 });
  });

  it("should answer 404 to another clinic's owner, as if clinic A did not exist", async () => {
    const answer = await askAt(world.clinicA, walkIn, await sessionFor(world.ownerB));
    expect(answer.status).toBe(404);
    expect(await errorOf(answer)).toEqual({ code: 'NOT_FOUND', message: 'No such clinic', details: {} });
  });

  it("should answer 404 for an entry of another clinic's queue, or of none, exactly alike", async () => {
    const elsewhere = eventId('entry-clinic-b');
    expect((await ingest(world, world.keyB, [{ id: eventId('ev'), type: 'patient_added', entryId: elsewhere, method: 'qr', occurredAt: new Date().toISOString() }])).body.accepted).toBe(1);
    // Clinic B's own owner gets its link at its own desk; through clinic A, nobody does.
    expect((await askAt(world.clinicB, elsewhere, await sessionFor(world.ownerB))).status).toBe(200);
    for (const entryId of [elsewhere, eventId('entry-never-sent')]) {
      const answer = await askAt(world.clinicA, entryId, desk.token);
      expect(answer.status, entryId).toBe(404);
      expect(await errorOf(answer)).toEqual({ code: 'NOT_FOUND', message: "No entry with this id in today's queue", details: {} });
    }
  });

  it('should refuse a caller not signed in, and the queue app’s key', async () => {
    expect((await errorOf(await askAt(world.clinicA, walkIn, undefined))).code).toBe('UNAUTHORIZED');
    expect((await errorOf(await askAt(world.clinicA, walkIn, world.keyA))).code).toBe('UNAUTHORIZED');
  });

  it('should refuse an entry id too long to be one, before reading the queue', async () => {
    const answer = await askAt(world.clinicA, 'e'.repeat(65), desk.token);
    expect(answer.status).toBe(400);
    expect((await errorOf(answer)).code).toBe('VALIDATION_FAILED');
  });
});

describe("an archived clinic's desk", () => {
  it('should give no more links: 404 to its members, and 409 to the super admin, as every reception action', async () => {
    const world = await createWorld();
    const entryId = eventId('entry');
    await ingest(world, world.keyA, [{ id: eventId('ev'), type: 'patient_added', entryId, method: 'qr', occurredAt: new Date().toISOString() }]);
    const [admin, staff] = await Promise.all([sessionFor(world.superAdmin), sessionFor(world.staffA)]);
    const ask = (token: string) => api(world, `/clinics/${world.clinicA}/queue/entries/${entryId}/ticket`, { method: 'POST', token });
    expect((await ask(admin)).status).toBe(200);

    expect((await api(world, `/admin/clinics/${world.clinicA}/archive`, { method: 'POST', token: admin })).status).toBe(200);
    const member = await ask(staff);
    expect(member.status).toBe(404);
    expect((await errorOf(member)).message).toBe('No such clinic');
    const superAdmin = await ask(admin);
    expect(superAdmin.status).toBe(409);
    expect(await errorOf(superAdmin)).toEqual({ code: 'INVALID_TRANSITION', message: 'This clinic is archived: restore it to take patients again', details: {} });
  });
});
