// The Worker first (world.ts reads cloudflare:test): its routes extend zod with OpenAPI before live-messages.ts is read.
import { createWorld, openLiveSocket, sessionFor, type World } from '../support/world.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { LiveMessageSchema, type LiveMessage } from '../../worker/domain/live-messages.ts';
import { eventId, ingest } from '../support/queue-story.ts';

/** Collects the messages a socket receives, parsed as the PWA parses them. */
function listen(socket: WebSocket) {
  const messages: LiveMessage[] = [];
  const waiters: Array<() => void> = [];
  socket.addEventListener('message', (event) => {
    if (event.data === 'pong') return;
    messages.push(LiveMessageSchema.parse(JSON.parse(String(event.data))));
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    messages,
    async next(count: number): Promise<LiveMessage> {
      while (messages.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      const message = messages[count - 1];
      if (message === undefined) throw new Error('no message');
      return message;
    },
  };
}

describe("the clinic's live WebSocket", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it('should send a member a snapshot, then an update after a change', async () => {
    const response = await openLiveSocket(world, await sessionFor(world.staffA));
    expect(response.status).toBe(101);
    const socket = response.webSocket;
    if (socket === null) throw new Error('no socket');
    socket.accept();
    const inbox = listen(socket);
    const snapshot = await inbox.next(1);
    expect(snapshot).toMatchObject({ type: 'snapshot', figures: { waiting: 0 } });

    await ingest(world, world.keyA, [{ id: eventId('ev'), type: 'patient_added', entryId: eventId('entry'), method: 'qr', occurredAt: new Date().toISOString() }]);
    const update = await inbox.next(2);
    expect(update).toMatchObject({ type: 'update', figures: { waiting: 1, checkIns: { qr: 1, manual: 0 } } });
    expect(update.entries).toHaveLength(1);
    // The patient's range travels with the list: quoted at check-in, estimated live, first in line.
    expect(update.entries[0]).toMatchObject({ state: 'waiting', position: 1, estimate: { waitMinutes: expect.any(Number) }, quote: { waitMinutes: expect.any(Number) } });
    expect(update.figures).toMatchObject({ estimates: { called: 0 }, serviceLevel: { targetMinutes: 30, called: 0 } });

    socket.send('ping');
    socket.close(1000, 'done');
  });
});
