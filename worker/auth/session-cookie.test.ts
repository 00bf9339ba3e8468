import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clearSessionCookie, readDeviceCookie, readSessionCookie, writeDeviceCookie, writeSessionCookie } from './session-cookie.ts';

/** A tiny app that does with the cookies what the auth routes do. */
const app = new Hono()
  .post('/sign-in', (c) => {
    writeSessionCookie(c, 'session-token', 3_600.9);
    writeDeviceCookie(c, 'device-proof', -5);
    return c.body(null, 204);
  })
  .post('/sign-out', (c) => {
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .get('/who', (c) => c.json({ session: readSessionCookie(c) ?? null, device: readDeviceCookie(c) ?? null }));

describe("Pulse's cookies", () => {
  it('should be __Host- cookies on https: Secure, HttpOnly, Lax, for the whole host, with whole seconds of life', async () => {
    const response = await app.request('https://pulse.tn/sign-in', { method: 'POST' });
    expect(response.headers.getSetCookie()).toEqual([
      '__Host-pulse_session=session-token; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Lax',
      // A negative lifetime is an expired cookie, not an invalid header.
      '__Host-pulse_device=device-proof; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax',
    ]);
  });

  it('should keep the bare names on plain http (the local stack), without Secure', async () => {
    const response = await app.request('http://localhost:8787/sign-in', { method: 'POST' });
    expect(response.headers.getSetCookie()).toEqual([
      'pulse_session=session-token; Max-Age=3600; Path=/; HttpOnly; SameSite=Lax',
      'pulse_device=device-proof; Max-Age=0; Path=/; HttpOnly; SameSite=Lax',
    ]);
  });

  it('should read on https only the __Host- cookie, never a bare one a subdomain could have planted', async () => {
    const planted = await app.request('https://pulse.tn/who', { headers: { Cookie: 'pulse_session=planted; pulse_device=planted' } });
    expect(await planted.json()).toEqual({ session: null, device: null });
    const own = await app.request('https://pulse.tn/who', { headers: { Cookie: '__Host-pulse_session=mine; __Host-pulse_device=proof' } });
    expect(await own.json()).toEqual({ session: 'mine', device: 'proof' });
    const local = await app.request('http://localhost:8787/who', { headers: { Cookie: 'pulse_session=local' } });
    expect(await local.json()).toEqual({ session: 'local', device: null });
  });

  it('should clear the session with an expired cookie of the same name and path', async () => {
    const response = await app.request('https://pulse.tn/sign-out', { method: 'POST' });
    const [cleared] = response.headers.getSetCookie();
    expect(cleared).toMatch(/^__Host-pulse_session=; Max-Age=0; Path=\/; Secure/);
  });
});
