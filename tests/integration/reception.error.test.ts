import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, sessionFor } from '../support/world.ts';
import { receptionDesk } from '../support/reception-desk.ts';

describe('reception asking the queue for what it cannot do', () => {
  let desk: ReturnType<typeof receptionDesk>;

  beforeAll(async () => {
    const world = await createWorld();
    desk = receptionDesk(world, await sessionFor(world.staffA));
    // One patient seen, nobody left waiting.
    const { entryId } = await (await desk.post('/queue/entries', { method: 'manual' })).json<{ entryId: string }>();
    for (const step of ['/queue/call-next', `/queue/entries/${entryId}/start`, `/queue/entries/${entryId}/complete`]) {
      expect((await desk.post(step)).status, step).toBe(200);
    }
  });

  it('should refuse what the queue cannot do, in words, and change nothing', async () => {
    const { post, figures } = desk;
    const nobody = await post('/queue/call-next');
    expect(nobody.status).toBe(409);
    expect(await nobody.json()).toEqual({ error: { code: 'INVALID_TRANSITION', message: 'Nobody is waiting', details: {} } });
    const ghost = await post('/queue/entries/no-such-entry/complete');
    expect(ghost.status).toBe(409);
    expect((await post('/queue/entries', { method: 'sms' })).status).toBe(400);
    expect(await figures()).toMatchObject({ waiting: 0, seenToday: 1 });
  });
});
