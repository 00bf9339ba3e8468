import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * Pulse's cookies. On https they carry the `__Host-` prefix, which the browser honours only for a
 * Secure cookie of this very host with `Path=/`: no subdomain or plain-http page can set or shadow
 * it. Plain http (the local stack) cannot use the prefix, so it keeps the bare name there.
 */
function cookieName(c: Context, base: string): string {
  return isHttps(c) ? `__Host-${base}` : base;
}

function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:';
}

/** HttpOnly so scripts never see it; Lax so a link from an e-mail still opens the app signed in. */
function writeCookie(c: Context, base: string, value: string, maxAgeSeconds: number): void {
  setCookie(c, cookieName(c, base), value, { httpOnly: true, sameSite: 'Lax', secure: isHttps(c), path: '/', maxAge: Math.max(0, Math.floor(maxAgeSeconds)) });
}

const SESSION_COOKIE = 'pulse_session';
/** Marks a browser that signed in to an account before (worker/auth/known-device.ts). */
const DEVICE_COOKIE = 'pulse_device';

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, cookieName(c, SESSION_COOKIE));
}

export function writeSessionCookie(c: Context, token: string, maxAgeSeconds: number): void {
  writeCookie(c, SESSION_COOKIE, token, maxAgeSeconds);
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, cookieName(c, SESSION_COOKIE), { path: '/', secure: isHttps(c) });
}

export function readDeviceCookie(c: Context): string | undefined {
  return getCookie(c, cookieName(c, DEVICE_COOKIE));
}

export function writeDeviceCookie(c: Context, value: string, maxAgeSeconds: number): void {
  writeCookie(c, DEVICE_COOKIE, value, maxAgeSeconds);
}
