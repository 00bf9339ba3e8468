import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '../../worker/errors.ts';
import { eventId, ingest } from '../support/queue-story.ts';
import { byteLengthOf, flipBit, openTicketPage, pinnedWorker, readTicketJson, tokenOf, wordsOf } from '../support/tickets.ts';
import { api, createWorld, sessionFor, type World } from '../support/world.ts';

/** A token of the right shape that this deployment never sealed: 55 random bytes. */
function strangerToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(55));
  bytes[0] = 1;
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

async function errorOf(response: Response) {
  return ErrorResponseSchema.parse(await response.json()).error;
}

describe('ticket links that do not open', () => {
  let world: World;
  let worker: ReturnType<typeof pinnedWorker>;
  const today = eventId('entry-today');
  const yesterday = eventId('entry-yesterday');
  let token = '';

  beforeAll(async () => {
    world = await createWorld();
    // Yesterday evening first: the clinic's live queue only ever moves forward in time.
    worker = pinnedWorker(world, '18:00');
    worker.moveTo(worker.at('18:00', -1));
    await worker.ingest(world.keyA, [{ id: eventId('ev'), type: 'patient_added', entryId: yesterday, method: 'qr', occurredAt: worker.iso('18:00', -1) }]);
    worker.moveTo(worker.at('10:00'));
    await worker.ingest(world.keyA, [{ id: eventId('ev'), type: 'patient_added', entryId: today, method: 'qr', occurredAt: worker.iso('10:00') }]);
    const { body } = await worker.tickets(world.keyA, [today]);
    token = tokenOf(body.tickets[0]?.url ?? '');
  });

  it("should refuse a link for an entry of another day, or never sent, and give the others theirs", async () => {
    const unknown = eventId('entry-never-sent');
    const { status, body } = await worker.tickets(world.keyA, [yesterday, today, unknown]);
    expect(status).toBe(200);
    expect(body.tickets.map((ticket) => ticket.entryId)).toEqual([today]);
    expect(body.rejected).toEqual([
      { entryId: yesterday, error: { code: 'NOT_FOUND', message: "No entry with this id in today's queue" } },
      { entryId: unknown, error: { code: 'NOT_FOUND', message: "No entry with this id in today's queue" } },
    ]);
  });

  it('should answer 404 in the error shape to a token this deployment never sealed, and say so on the page', async () => {
    const stranger = strangerToken();
    const answer = await worker.ticket(stranger);
    expect(answer.status).toBe(404);
    expect(ErrorResponseSchema.parse(answer.body).error).toEqual({ code: 'NOT_FOUND', message: 'No such ticket', details: {} });
    // Refusals are not kept by any cache either: the answers of a link change with the queue.
    expect(answer.response.headers.get('Cache-Control')).toBe('no-store');
    for (const garbage of ['x', 'not-a-token', `${token}A`, token.slice(0, -2), '%F0%9F%8E%AB']) {
      expect((await readTicketJson(garbage, world.ip)).status, garbage).toBe(404);
    }
    const page = await worker.page(stranger);
    expect(page.status).toBe(404);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(wordsOf(await page.text())).toContain('Lien non valide Vérifiez que le lien est complet');
  });

  it('should answer 404 to a token with any byte changed', async () => {
    expect((await readTicketJson(token, world.ip)).status).toBe(200);
    for (let at = 0; at < byteLengthOf(token); at += 1) {
      const answer = await readTicketJson(flipBit(token, at, at % 8), world.ip);
      expect(answer.status, `byte ${at}`).toBe(404);
    }
  });

  it("should open until the clinic's midnight, to the millisecond, then answer 404 as expired", async () => {
    const midnight = worker.at('00:00', 1);
    worker.moveTo(midnight - 1);
    expect((await worker.ticket(token)).status).toBe(200);
    worker.moveTo(midnight);
    const expired = await worker.ticket(token);
    expect(expired.status).toBe(404);
    expect(ErrorResponseSchema.parse(expired.body).error).toEqual({
      code: 'NOT_FOUND',
      message: 'This ticket has expired: it was valid until the end of its clinic day',
      details: { reason: 'expired' },
    });
    const page = await worker.page(token, 'en');
    expect(page.status).toBe(404);
    expect(wordsOf(await page.text())).toContain('Link expired This link was valid until the end of the clinic’s day.');
  });

  it('should refuse bodies that are not a list of 1 to 50 entry ids, before reading the queue', async () => {
    for (const body of [{}, { entryIds: [] }, { entryIds: 'e1' }, { entryIds: [''] }, { entryIds: ['x'.repeat(65)] }, { entryIds: [42] }, { entryIds: Array.from({ length: 51 }, (_, n) => `e${n}`) }, { entryIds: ['e1'], clinicId: world.clinicB }]) {
      const answer = await api(world, '/ingest/tickets', { method: 'POST', token: world.keyA, json: body });
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((await errorOf(answer)).code).toBe('VALIDATION_FAILED');
    }
    const notJson = await api(world, '/ingest/tickets', { method: 'POST', token: world.keyA, body: '{"entryIds": [', headers: { 'Content-Type': 'application/json' } });
    expect(notJson.status).toBe(400);
    const overlong = await api(world, `/tickets/${'A'.repeat(800)}`);
    expect(overlong.status).toBe(400);
    expect((await errorOf(overlong)).code).toBe('VALIDATION_FAILED');
  });

  it('should refuse a caller without the clinic\'s API key', async () => {
    expect((await errorOf(await api(world, '/ingest/tickets', { method: 'POST', json: { entryIds: [today] } }))).code).toBe('UNAUTHORIZED');
  });
});

describe('an archived clinic', () => {
  it('should give its queue app no more links', async () => {
    const world = await createWorld();
    const entryId = eventId('entry');
    await ingest(world, world.keyA, [{ id: eventId('ev'), type: 'patient_added', entryId, method: 'qr', occurredAt: new Date().toISOString() }]);
    const admin = await sessionFor(world.superAdmin);
    expect((await api(world, `/admin/clinics/${world.clinicA}/archive`, { method: 'POST', token: admin })).status).toBe(200);
    const refused = await api(world, '/ingest/tickets', { method: 'POST', token: world.keyA, json: { entryIds: [entryId] } });
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).code).toBe('UNAUTHORIZED');
  });
});

describe('too many ticket reads from one address', () => {
  /** More than one window of the limiter (300 a minute): one of them must be refused, wherever the window starts. */
  const LIMIT = 300;

  it('should answer 429 with Retry-After to the address, in the error shape and on the page, and serve the others', async () => {
    const flooder = `203.0.113.${Math.floor(Math.random() * 250)}-${crypto.randomUUID()}`;
    const token = strangerToken();
    let refused: Response | undefined;
    let sent = 0;
    while (refused === undefined && sent < 2 * LIMIT + 1) {
      const batch = await Promise.all(Array.from({ length: 20 }, () => openTicketPage(token, flooder)));
      sent += batch.length;
      for (const answer of batch) {
        if (answer.status === 429 && refused === undefined) refused = answer;
        else await answer.body?.cancel();
      }
    }
    expect(refused?.status).toBe(429);
    expect(sent).toBeGreaterThan(LIMIT);
    expect(refused?.headers.get('Retry-After')).toBe('60');
    expect(wordsOf((await refused?.text()) ?? '')).toContain('Trop de demandes');

    const json = await readTicketJson(token, flooder);
    expect(json.status).toBe(429);
    expect(json.response.headers.get('Retry-After')).toBe('60');
    expect(ErrorResponseSchema.parse(json.body).error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 60 } });

    // Another address is served as before.
    expect((await openTicketPage(token, `198.51.100.77-${crypto.randomUUID()}`)).status).toBe(404);
  });
});
