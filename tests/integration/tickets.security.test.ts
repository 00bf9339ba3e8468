import { beforeAll, describe, expect, it } from 'vitest';
import { eventId, ingest } from '../support/queue-story.ts';
import { byteLengthOf, flipBit, openTicketPage, readTicketJson, tokenOf, wordsOf } from '../support/tickets.ts';
import { api, changeClinic, createWorld, jsonOf, sessionFor, type World } from '../support/world.ts';
import type { IssuedTickets } from '../../worker/use-cases/tickets.ts';

/** Both clinics' queue apps chose the same id for an entry of theirs: ids are only unique per clinic. */
const SHARED_ENTRY_ID = `entry-shared-${crypto.randomUUID()}`;

async function ticketsFor(world: World, key: string, entryIds: string[]) {
  return jsonOf<IssuedTickets>(await api(world, '/ingest/tickets', { method: 'POST', token: key, json: { entryIds } }));
}

describe("a patient's ticket shows that entry, of that clinic, and nothing else", () => {
  let world: World;
  const onlyInA = eventId('entry-only-a');
  const tokens = { a: '', b: '', onlyInA: '' };

  beforeAll(async () => {
    world = await createWorld();
    // A name written to break out of the page: it must stay words.
    await changeClinic(world, world.clinicA, { name: `Cabinet A <script>alert(1)</script> "${world.suffix}"` });
    const now = new Date().toISOString();
    // A's queue: three patients before the shared id; B's: the shared id alone.
    const a = [eventId('a1'), eventId('a2'), onlyInA].map((entryId) => ({ id: eventId('ev'), type: 'patient_added', entryId, method: 'qr', occurredAt: now }));
    expect((await ingest(world, world.keyA, [...a, { id: eventId('ev'), type: 'patient_added', entryId: SHARED_ENTRY_ID, method: 'manual', occurredAt: now }])).body.accepted).toBe(4);
    expect((await ingest(world, world.keyB, [{ id: eventId('ev'), type: 'patient_added', entryId: SHARED_ENTRY_ID, method: 'qr', occurredAt: now }])).body.accepted).toBe(1);
    const fromA = await ticketsFor(world, world.keyA, [SHARED_ENTRY_ID, onlyInA]);
    const fromB = await ticketsFor(world, world.keyB, [SHARED_ENTRY_ID]);
    tokens.a = tokenOf(fromA.body.tickets[0]?.url ?? '');
    tokens.onlyInA = tokenOf(fromA.body.tickets[1]?.url ?? '');
    tokens.b = tokenOf(fromB.body.tickets[0]?.url ?? '');
  });

  it("should never give clinic B's key a link to clinic A's entry", async () => {
    const asked = await ticketsFor(world, world.keyB, [onlyInA]);
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ tickets: [], rejected: [{ entryId: onlyInA, error: { code: 'NOT_FOUND', message: "No entry with this id in today's queue" } }] });
  });

  it("should show each clinic's own entry for the same id: A's name and ticket 4, B's name and ticket 1", async () => {
    expect(tokens.a).not.toBe(tokens.b);
    const [a, b] = await Promise.all([readTicketJson(tokens.a, world.ip), readTicketJson(tokens.b, world.ip)]);
    expect(a.body).toMatchObject({ clinicName: `Cabinet A <script>alert(1)</script> "${world.suffix}"`, ticketNumber: 4, state: 'waiting', position: 4 });
    expect(b.body).toMatchObject({ clinicName: `Cabinet B ${world.suffix}`, ticketNumber: 1, state: 'waiting', position: 1 });
  });

  it('should answer nothing personal and nothing of another entry: not even its own id', async () => {
    const { body } = await readTicketJson(tokens.onlyInA, world.ip);
    expect(Object.keys(body as object).sort()).toEqual(['asOf', 'clinicName', 'estimate', 'expiresAt', 'position', 'state', 'ticketNumber']);
    const text = JSON.stringify(body);
    for (const secret of [onlyInA, SHARED_ENTRY_ID, world.clinicA, world.clinicB, 'checkedInAt', 'method']) expect(text).not.toContain(secret);
    // Nor does the link itself say whose entry it is.
    for (const token of Object.values(tokens)) {
      expect(token).not.toContain(world.suffix);
      expect(atob(token.replaceAll('-', '+').replaceAll('_', '/'))).not.toContain(world.suffix);
    }
  });

  it('should never open a token with a flipped bit onto another entry: every such token answers 404', async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}-${crypto.randomUUID()}`;
    const length = byteLengthOf(tokens.a);
    // Every byte, each time another bit: 55 reads from one address, within its allowance.
    for (let at = 0; at < length; at += 1) {
      const answer = await readTicketJson(flipBit(tokens.a, at, (at * 3) % 8), ip);
      expect(answer.status, `byte ${at}`).toBe(404);
      expect(answer.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such ticket', details: {} } });
    }
  });

  it("should write the clinic's name on the page as text, never as markup", async () => {
    const page = await (await openTicketPage(tokens.a, world.ip)).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('Cabinet A &lt;script&gt;alert(1)&lt;/script&gt; &quot;');
    expect(wordsOf(page)).toContain('Votre ticket 4 Position dans la file : 4');
  });

  it('should let no session and no other key issue links: only a clinic\'s queue app', async () => {
    const owner = await api(world, '/ingest/tickets', { method: 'POST', token: await sessionFor(world.ownerA), json: { entryIds: [onlyInA] } });
    expect(owner.status).toBe(403);
    const anonymous = await api(world, '/ingest/tickets', { method: 'POST', json: { entryIds: [onlyInA] } });
    expect(anonymous.status).toBe(401);
  });
});
