import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, openLiveSocket, sessionFor, type World } from '../support/world.ts';

describe("who may watch a clinic's live WebSocket", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it('should refuse the anonymous, a member of another clinic, and another origin', async () => {
    expect((await openLiveSocket(world, undefined)).status).toBe(401);
    expect((await openLiveSocket(world, await sessionFor(world.ownerB))).status).toBe(404);
    expect((await openLiveSocket(world, await sessionFor(world.ownerA), 'https://evil.example')).status).toBe(403);
  });
});
