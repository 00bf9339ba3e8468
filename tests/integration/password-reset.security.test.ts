// The Worker first (password-resets.ts builds the app): its routes extend zod with OpenAPI before live-messages.ts is read.
import { appAt, askForReset, auditFrom, callFrom } from '../support/password-resets.ts';
import { linkMailedTo, tokenOf } from '../support/setup-links.ts';
import { smtpMessagesTo } from '../support/smtp-inbox.ts';
import { createWorld, openLiveSocket, ORIGIN, signIn } from '../support/world.ts';
import { describe, expect, it } from 'vitest';
import { LIVE_CLOSE_CODES } from '../../worker/domain/live-messages.ts';

/** What an answer says, headers included, less what differs for every answer (its date, its id). */
async function answerOf(response: Response) {
  const headers = [...response.headers].filter(([name]) => name !== 'date' && name !== 'x-request-id');
  return { status: response.status, headers, body: await response.text() };
}

describe('asking for a reset link gives nothing away', () => {
  it('should answer a known and an unknown address with the same status, headers and body', async () => {
    const world = await createWorld();
    const app = appAt();
    const known = await answerOf(await askForReset(app, `${world.ip}-known`, world.ownerA.email));
    const unknown = await answerOf(await askForReset(app, `${world.ip}-unknown`, `nobody-${world.suffix}@test.pulse`));
    expect(unknown).toEqual(known);
    expect(known.status).toBe(202);
  });

  it('should slow one address after 3 requests in 15 minutes, from anywhere, known or not, and let it ask again after the delay', async () => {
    const world = await createWorld();
    let now = Date.now();
    const app = appAt(() => now);
    const addresses = [world.ownerB.email, `nobody-${world.suffix}@test.pulse`];
    const statuses = async (ip: string) => Promise.all(addresses.map(async (email) => (await askForReset(app, ip, email)).status));
    for (let request = 1; request <= 3; request += 1) expect(await statuses(world.ip)).toEqual([202, 202]);
    const slowed = await askForReset(app, world.ip, world.ownerB.email);
    expect(slowed.status).toBe(429);
    expect(slowed.headers.get('retry-after')).toBe('60');
    expect(await slowed.json()).toEqual({ error: { code: 'RATE_LIMITED', message: 'Too many attempts; try again later', details: { retryAfterSeconds: 60 } } });
    expect(await statuses(`${world.ip}-elsewhere`)).toEqual([429, 429]);
    expect(await smtpMessagesTo(world.ownerB.email)).toHaveLength(3);
    now += 60_000;
    expect(await statuses(`${world.ip}-elsewhere`)).toEqual([202, 202]);
  });

  it('should slow one client address after 10 requests for any e-mails, and leave those e-mails free from elsewhere', async () => {
    const world = await createWorld();
    const app = appAt(() => Date.now());
    const router = `${world.ip}-router`;
    for (let request = 1; request <= 10; request += 1) expect((await askForReset(app, router, `person-${request}-${world.suffix}@test.pulse`)).status).toBe(202);
    const slowed = await askForReset(app, router, world.ownerA.email);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect((await askForReset(app, `${world.ip}-home`, world.ownerA.email)).status).toBe(202);
  });

  it('should audit every request, refused ones too, never with the e-mail in clear', async () => {
    const world = await createWorld();
    const app = appAt();
    const ip = `${world.ip}-audited`;
    for (let request = 1; request <= 4; request += 1) await askForReset(app, ip, world.ownerA.email);
    const rows = await auditFrom(ip);
    expect(rows.map(({ action, success, errorCode, targetId }) => ({ action, success, errorCode, targetId }))).toEqual([
      ...Array(3).fill({ action: 'password_reset_request', success: true, errorCode: null, targetId: world.ownerA.id }),
      { action: 'password_reset_request', success: false, errorCode: 'RATE_LIMITED', targetId: null },
    ]);
    for (const row of rows) expect(JSON.stringify(row)).not.toContain('@');
  });

  it("should refuse a request from another site's page, and mail nothing", async () => {
    const world = await createWorld();
    const forged = await askForReset(appAt(), world.ip, world.ownerA.email, { Origin: 'https://elsewhere.example' });
    expect(forged.status).toBe(403);
    expect(await smtpMessagesTo(world.ownerA.email)).toEqual([]);
    expect((await askForReset(appAt(), world.ip, world.ownerA.email, { Origin: ORIGIN })).status).toBe(202);
  });
});

describe('using a reset link', () => {
  it("should close the live sockets of the person's other sessions", async () => {
    const world = await createWorld();
    const response = await openLiveSocket(world, await signIn(world, world.staffA));
    const socket = response.webSocket;
    if (response.status !== 101 || socket === null) throw new Error(`live refused: ${response.status}`);
    socket.accept();
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason })));

    const app = appAt();
    await askForReset(app, world.ip, world.staffA.email);
    const token = tokenOf(await linkMailedTo(world.staffA.email));
    expect((await callFrom(app, world.ip, '/auth/setup', { method: 'POST', json: { token, password: 'a new reception password' } })).status).toBe(200);
    expect(await closed).toEqual({ code: LIVE_CLOSE_CODES.sessionEnded, reason: 'Session ended: the password was reset with an e-mailed link' });
  });
});
