import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { bareClinic } from '../../tests/support/bare-clinic.ts';
import { eventually } from '../../tests/support/eventually.ts';
import { LIVE_CLOSE_CODES, LiveMessageSchema, mergeLiveEntries, type LiveMessage, type TodayEntry } from '../domain/live-messages.ts';
import type { QueueEvent } from '../domain/queue-events.ts';
import { metricsObjectOf } from '../metrics/stub.ts';
import { clinicQueueOf } from './stub.ts';

/** A phone watching a clinic's queue: what it was sent and how its socket ended. */
interface Phone {
  socket: WebSocket;
  messages: LiveMessage[];
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens a live socket on the clinic's queue as the `live` route does once it has authorised the session. */
async function openPhone(clinicId: string, owner: { session: string; user: string }): Promise<Phone> {
  const url = new URL('https://clinic-queue/live');
  url.searchParams.set('clinicId', clinicId);
  url.searchParams.set('session', owner.session);
  url.searchParams.set('user', owner.user);
  const response = await clinicQueueOf(env, clinicId).fetch(new Request(url, { headers: { Upgrade: 'websocket' } }));
  const socket = response.webSocket;
  if (response.status !== 101 || socket === null) throw new Error(`live refused: ${response.status}`);
  socket.accept();
  const phone: Phone = {
    socket,
    messages: [],
    closed: new Promise((resolve) => socket.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason }))),
  };
  socket.addEventListener('message', (event) => {
    phone.messages.push(LiveMessageSchema.parse(JSON.parse(String(event.data))));
  });
  return phone;
}

const stillOpen = (phone: Phone) => Promise.race([phone.closed, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), 100))]);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let walkIns = 0;
/** One patient walking in, now. */
const walkIn = (clinicId: string): QueueEvent => {
  walkIns += 1;
  return { id: `${clinicId}-walk-in-${walkIns}`, type: 'patient_added', entryId: `${clinicId}-entry-${walkIns}`, method: 'manual', occurredAt: new Date().toISOString() };
};

describe("who a clinic's live sockets belong to", () => {
  it('should tag each socket with its session and user, and close one session, then a user, saying how many it closed', async () => {
    const clinicId = await bareClinic('owners');
    // Nadia has the queue open on her phone and in two tabs at the desk; Karim on his phone.
    const nadiaPhone = await openPhone(clinicId, { session: 'nadia-phone', user: 'nadia' });
    const desk = [await openPhone(clinicId, { session: 'nadia-desk', user: 'nadia' }), await openPhone(clinicId, { session: 'nadia-desk', user: 'nadia' })];
    const karim = await openPhone(clinicId, { session: 'karim-phone', user: 'karim' });
    const queue = clinicQueueOf(env, clinicId);
    const tags = await runInDurableObject(queue, (_instance, state) => state.getWebSockets().map((socket) => state.getTags(socket).join(' ')).sort());
    expect(tags).toEqual(['session:karim-phone user:karim', 'session:nadia-desk user:nadia', 'session:nadia-desk user:nadia', 'session:nadia-phone user:nadia']);

    expect(await queue.closeSockets({ sessionTokenHash: 'nadia-desk' }, 'Session ended: signed out')).toBe(2);
    for (const tab of desk) expect(await tab.closed).toEqual({ code: LIVE_CLOSE_CODES.sessionEnded, reason: 'Session ended: signed out' });
    expect(await stillOpen(nadiaPhone)).toBe('still open');

    // Her account is disabled: her phone goes; the desk tabs already went and are not counted again.
    expect(await queue.closeSockets({ userId: 'nadia' }, 'Session ended: this account was disabled')).toBe(1);
    expect(await nadiaPhone.closed).toEqual({ code: LIVE_CLOSE_CODES.sessionEnded, reason: 'Session ended: this account was disabled' });
    expect(await queue.closeSockets({ sessionTokenHash: 'nadia-desk' }, 'Session ended: signed out')).toBe(0);

    // Karim still watches, and is still told.
    expect(await stillOpen(karim)).toBe('still open');
    expect(await queue.ingest(clinicId, [walkIn(clinicId)], Date.now())).toMatchObject({ accepted: 1 });
    await eventually(async () => karim.messages.length, (count) => count >= 2);
    expect(karim.messages.map((message) => [message.type, message.figures.waiting])).toEqual([['snapshot', 0], ['update', 1]]);
    expect(await queue.closeSockets({ userId: 'karim' }, 'Session ended: signed out')).toBe(1);
  });
});

describe('the phones a clinic reports as connected', () => {
  it('should leave out a phone that hangs up, and the sockets a logout closed', async () => {
    const clinicId = await bareClinic('connected');
    const metrics = metricsObjectOf(env);
    const sockets = () => metrics.status(Date.now()).then((status) => status.queues.sockets);
    const before = await sockets();
    const phones = [
      await openPhone(clinicId, { session: 'amal-phone', user: 'amal' }),
      await openPhone(clinicId, { session: 'amal-desk', user: 'amal' }),
      await openPhone(clinicId, { session: 'sami-phone', user: 'sami' }),
    ];
    expect(await eventually(sockets, (count) => count === before + 3)).toBe(before + 3);
    // Its close handler runs while the socket still reads as open: it must not count itself.
    phones[0]?.socket.close(1000, 'bye');
    expect(await eventually(sockets, (count) => count === before + 2)).toBe(before + 2);
    expect(await clinicQueueOf(env, clinicId).closeSockets({ userId: 'amal' }, 'Session ended: signed out')).toBe(1);
    expect(await eventually(sockets, (count) => count === before + 1)).toBe(before + 1);
    phones[2]?.socket.close(1000, 'bye');
    expect(await eventually(sockets, (count) => count === before)).toBe(before);
  });
});

describe("the updates of a busy clinic's live queue", () => {
  it('should send at most one update per 250 ms, the last with everything that happened, and the next at once after a quiet spell', async () => {
    const clinicId = await bareClinic('busy');
    const queue = clinicQueueOf(env, clinicId);
    const phone = await openPhone(clinicId, { session: 'desk', user: 'leila' });
    await eventually(async () => phone.messages.length, (count) => count >= 1);

    // Twenty walk-ins at once: the first is told at once, the others gathered into updates at least 250 ms apart.
    await Promise.all(Array.from({ length: 20 }, () => queue.ingest(clinicId, [walkIn(clinicId)], Date.now())));
    await eventually(async () => phone.messages.at(-1)?.figures.waiting, (waiting) => waiting === 20);
    await pause(400);
    const [snapshot, first, ...later] = phone.messages;
    expect([snapshot?.type, snapshot?.figures.waiting, first?.type]).toEqual(['snapshot', 0, 'update']);
    // However the twenty arrived on a busy machine, they were not twenty messages, and the last says all of them.
    expect(later.length).toBeLessThan(19);
    expect(phone.messages.at(-1)?.figures.waiting).toBe(20);
    // Measured where they are sent: `asOf` is the object's clock when it built the message.
    const sentAt = phone.messages.slice(1).map((message) => Date.parse(message.figures.asOf));
    sentAt.slice(1).forEach((at, index) => expect(at - (sentAt[index] ?? 0)).toBeGreaterThanOrEqual(250));

    // Quiet for more than 250 ms: the next change is not held back.
    const told = phone.messages.length;
    const changedAt = Date.now();
    await queue.ingest(clinicId, [walkIn(clinicId)], changedAt);
    await eventually(async () => phone.messages.length, (count) => count > told);
    expect(phone.messages.at(-1)?.figures.waiting).toBe(21);
    // Held back, it would have been built 250 ms or more after the change.
    expect(Date.parse(phone.messages.at(-1)?.figures.asOf ?? '') - changedAt).toBeLessThan(250);
    phone.socket.close(1000, 'bye');
  });
});

describe("the updates of a long day's live queue", () => {
  it('should send the changed and open entries only, and leave a phone with the list a fresh snapshot shows', async () => {
    const clinicId = await bareClinic('long-day');
    const queue = clinicQueueOf(env, clinicId);
    const at = Date.now();
    // Forty patients already seen this morning, before anyone watched.
    const seen: QueueEvent[] = Array.from({ length: 40 }, (_, index) => [
      { id: `${clinicId}-add-${index}`, type: 'patient_added' as const, entryId: `${clinicId}-seen-${index}`, method: 'qr' as const, occurredAt: new Date(at - 60_000 + index * 3).toISOString() },
      { id: `${clinicId}-call-${index}`, type: 'patient_called' as const, entryId: `${clinicId}-seen-${index}`, occurredAt: new Date(at - 60_000 + index * 3 + 1).toISOString() },
      { id: `${clinicId}-done-${index}`, type: 'patient_completed' as const, entryId: `${clinicId}-seen-${index}`, occurredAt: new Date(at - 60_000 + index * 3 + 2).toISOString() },
    ]).flat();
    expect(await queue.ingest(clinicId, seen, at)).toMatchObject({ accepted: 120 });
    const phone = await openPhone(clinicId, { session: 'long-day', user: 'hedi' });
    await eventually(async () => phone.messages.length, (count) => count >= 1);
    expect(phone.messages[0]).toMatchObject({ type: 'snapshot' });
    expect(phone.messages[0]?.entries).toHaveLength(40);

    // Two walk in, then the first of them is called.
    const [first, second] = [walkIn(clinicId), walkIn(clinicId)];
    await queue.ingest(clinicId, [first, second], Date.now());
    await eventually(async () => phone.messages.at(-1)?.figures.waiting, (waiting) => waiting === 2);
    const firstEntry = first.type === 'patient_added' ? first.entryId : '';
    await pause(300);
    await queue.ingest(clinicId, [{ id: `${firstEntry}-called`, type: 'patient_called', entryId: firstEntry, occurredAt: new Date().toISOString() }], Date.now());
    await eventually(async () => phone.messages.at(-1)?.figures.waiting, (waiting) => waiting === 1);

    const updates = phone.messages.slice(1);
    expect(updates.every((message) => message.type === 'update')).toBe(true);
    // None carries the forty finished entries again: only the two that are open.
    expect(updates.map((message) => message.entries.map((entry) => entry.state).sort())).toContainEqual(['called', 'waiting']);
    expect(Math.max(...updates.map((message) => message.entries.length))).toBe(2);

    // Merged in order, the phone's list is the one a phone connecting now is sent.
    const merged = phone.messages.reduce<TodayEntry[]>((known, message) => mergeLiveEntries(known, message), []);
    const fresh = await openPhone(clinicId, { session: 'long-day-2', user: 'hedi' });
    await eventually(async () => fresh.messages.length, (count) => count >= 1);
    const comparable = (entries: TodayEntry[]) => entries.map(({ entryId, ticketNumber, state, position }) => ({ entryId, ticketNumber, state, position }));
    expect(comparable(merged)).toEqual(comparable(fresh.messages[0]?.entries ?? []));
    expect(merged).toHaveLength(42);
    phone.socket.close(1000, 'bye');
    fresh.socket.close(1000, 'bye');
  });
});
