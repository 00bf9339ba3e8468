import { beforeAll, describe, expect, it } from 'vitest';
import { api, createWorld, sessionFor, type World } from '../support/world.ts';
import { receptionDesk } from '../support/reception-desk.ts';

describe('reception at the desk, through the same path as the queue app', () => {
  let world: World;
  let desk: ReturnType<typeof receptionDesk>;

  beforeAll(async () => {
    world = await createWorld();
    desk = receptionDesk(world, await sessionFor(world.staffA));
  });

  it('should add walk-ins, call the lowest ticket next, and move an entry to the end', async () => {
    const { post, figures } = desk;
    const first = await (await post('/queue/entries', { method: 'manual' })).json<{ entryId: string }>();
    const second = await (await post('/queue/entries', { method: 'qr' })).json<{ entryId: string }>();
    expect(await figures()).toMatchObject({ waiting: 2, checkIns: { qr: 1, manual: 1 } });

    const called = await post('/queue/call-next');
    expect(await called.json()).toEqual({ entryId: first.entryId });
    expect((await post(`/queue/entries/${first.entryId}/start`)).status).toBe(200);
    expect((await post(`/queue/entries/${first.entryId}/complete`)).status).toBe(200);
    expect((await post(`/queue/entries/${second.entryId}/no-show`)).status).toBe(200);
    expect(await figures()).toMatchObject({ waiting: 0, seenToday: 1, noShowsToday: 1 });
  });

  it("should record the doctor's presence", async () => {
    const response = await api(world, `/clinics/${world.clinicA}/presence`, { method: 'PUT', token: desk.token, json: { present: true } });
    expect(response.status).toBe(200);
    expect((await desk.figures()).doctorPresent).toBe(true);
  });
});
