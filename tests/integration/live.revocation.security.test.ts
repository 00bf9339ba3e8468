// The Worker first (world.ts reads cloudflare:test): its routes extend zod with OpenAPI before live-messages.ts is read.
import { api, createWorld, openLiveSocket, signIn, testDatabase, type Person, type World } from '../support/world.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { LIVE_CLOSE_CODES } from '../../worker/domain/live-messages.ts';
import { eq } from 'drizzle-orm';
import { sessionSockets } from '../../db/schema/index.ts';
import { eventId, ingest } from '../support/queue-story.ts';

/** PRODUCT (issue 1/8): a live socket closes within 5 s of its session losing access. */
const CLOSE_WITHIN_MS = 5_000;

interface OpenSocket {
  socket: WebSocket;
  messages: number;
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens clinic A's live socket as a browser would: the session cookie and our own origin. */
async function openLive(world: World, token: string): Promise<OpenSocket> {
  const response = await openLiveSocket(world, token);
  const socket = response.webSocket;
  if (response.status !== 101 || socket === null) throw new Error(`live refused: ${response.status}`);
  socket.accept();
  const open: OpenSocket = {
    socket,
    messages: 0,
    closed: new Promise((resolve) => socket.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason }))),
  };
  socket.addEventListener('message', () => {
    open.messages += 1;
  });
  return open;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'still open'> {
  return Promise.race([promise, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), ms))]);
}

/** A change of the queue, so that every socket still open gets an update. */
async function somethingHappens(world: World): Promise<void> {
  await ingest(world, world.keyA, [{ id: eventId('ev'), type: 'patient_added', entryId: eventId('entry'), method: 'qr', occurredAt: new Date().toISOString() }]);
}

describe('a live socket ends with the access that opened it', () => {
  let world: World;
  let owner: OpenSocket;
  beforeEach(async () => {
    world = await createWorld();
    // The owner watches too: their socket must stay open through the receptionist's events.
    owner = await openLive(world, await signIn(world, world.ownerA));
  });

  async function expectClosedAndOwnerLive(socket: OpenSocket, reason: RegExp): Promise<void> {
    expect(await within(socket.closed, CLOSE_WITHIN_MS)).toEqual({ code: LIVE_CLOSE_CODES.sessionEnded, reason: expect.stringMatching(reason) });
    const before = owner.messages;
    await somethingHappens(world);
    await expect.poll(() => owner.messages, { timeout: CLOSE_WITHIN_MS }).toBeGreaterThan(before);
    expect(await within(owner.closed, 0)).toBe('still open');
  }

  const staffSocket = async (person: Person = world.staffA) => {
    const token = await signIn(world, person);
    return { token, live: await openLive(world, token) };
  };

  it('should close on logout, that session only', async () => {
    const { token, live } = await staffSocket();
    const otherDevice = await staffSocket();
    expect((await api(world, '/auth/logout', { method: 'POST', token })).status).toBe(204);
    await expectClosedAndOwnerLive(live, /signed out/);
    expect(await within(otherDevice.live.closed, 0)).toBe('still open');
  });

  it('should close every session of a user who changes their password', async () => {
    const { token, live } = await staffSocket();
    const otherDevice = await staffSocket();
    const change = await api(world, '/auth/password', { method: 'POST', token, json: { currentPassword: world.staffA.password, newPassword: 'a new reception password' } });
    expect(change.status).toBe(200);
    await expectClosedAndOwnerLive(live, /password was changed/);
    expect(await within(otherDevice.live.closed, CLOSE_WITHIN_MS)).toMatchObject({ code: LIVE_CLOSE_CODES.sessionEnded });
  });

  it('should close when the super admin disables the user', async () => {
    const { live } = await staffSocket();
    const admin = await signIn(world, world.superAdmin);
    expect((await api(world, `/admin/users/${world.staffA.id}/access`, { method: 'PUT', token: admin, json: { disabled: true } })).status).toBe(204);
    await expectClosedAndOwnerLive(live, /disabled/);
  });

  it("should reach a user's sockets through their clinics even when the record of where they opened is gone", async () => {
    const { live } = await staffSocket();
    // As after a long-expired session's records were pruned.
    await testDatabase().delete(sessionSockets).where(eq(sessionSockets.clinicId, world.clinicA));
    const admin = await signIn(world, world.superAdmin);
    expect((await api(world, `/admin/users/${world.staffA.id}/access`, { method: 'PUT', token: admin, json: { disabled: true } })).status).toBe(204);
    await expectClosedAndOwnerLive(live, /disabled/);
  });

  it('should close when the owner removes the membership, and refuse to open again', async () => {
    const { token, live } = await staffSocket();
    const ownerToken = await signIn(world, world.ownerA);
    expect((await api(world, `/clinics/${world.clinicA}/members/${world.staffA.id}`, { method: 'DELETE', token: ownerToken })).status).toBe(204);
    await expectClosedAndOwnerLive(live, /no longer a member/);
    await expect(openLive(world, token)).rejects.toThrow('live refused: 404');
  });

  it('should close a super admin socket on logout too (the clinics it opened are remembered)', async () => {
    const admin = await signIn(world, world.superAdmin);
    const live = await openLive(world, admin);
    expect((await api(world, '/auth/logout', { method: 'POST', token: admin })).status).toBe(204);
    await expectClosedAndOwnerLive(live, /signed out/);
  });
});

describe('clinic members', () => {
  it('should list the members to an owner, keep the last owner, and refuse staff', async () => {
    const world = await createWorld();
    const ownerToken = await signIn(world, world.ownerA);
    const listed = await api(world, `/clinics/${world.clinicA}/members`, { token: ownerToken });
    expect(await listed.json()).toEqual({
      members: [
        { userId: world.ownerA.id, email: world.ownerA.email, role: 'clinic_owner' },
        { userId: world.staffA.id, email: world.staffA.email, role: 'staff' },
      ],
    });
    const last = await api(world, `/clinics/${world.clinicA}/members/${world.ownerA.id}`, { method: 'DELETE', token: ownerToken });
    expect(last.status).toBe(409);
    const staffToken = await signIn(world, world.staffA);
    expect((await api(world, `/clinics/${world.clinicA}/members/${world.ownerA.id}`, { method: 'DELETE', token: staffToken })).status).toBe(403);
    expect((await api(world, `/clinics/${world.clinicA}/members/${world.ownerB.id}`, { method: 'DELETE', token: ownerToken })).status).toBe(404);
  });
});
