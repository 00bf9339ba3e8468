import { env, SELF } from 'cloudflare:test';
import { createApp } from '../../worker/app.ts';
import { clinicDayOf, instantOfClinicTime } from '../../worker/domain/clinic-time.ts';
import type { TicketView } from '../../worker/domain/ticket-view.ts';
import type { IssuedTickets } from '../../worker/use-cases/tickets.ts';
import { callOwnApp, jsonOf, ORIGIN, type ApiInit, type JsonAnswer, type World } from './world.ts';

/**
 * The Worker at a pinned instant of clinic A's today (Tunis), moved by the test: a morning whose
 * estimates are exact. Every request comes from `ip` (the world's unless told), as a phone's would.
 */
export function pinnedWorker(world: World, time: string) {
  const day = clinicDayOf(Date.now(), 'Africa/Tunis');
  const at = (clock: string, dayOffset = 0) => {
    const [hours = 0, minutes = 0] = clock.split(':').map(Number);
    return instantOfClinicTime(day, hours * 60 + minutes, 'Africa/Tunis') + dayOffset * 86_400_000;
  };
  let now = at(time);
  const app = createApp({ clock: { now: () => now } });
  const call = (path: string, init: ApiInit = {}, ip = world.ip) => {
    const headers = new Headers(init.headers);
    if (!headers.has('CF-Connecting-IP')) headers.set('CF-Connecting-IP', ip);
    return callOwnApp(app, env, path, { ...init, headers });
  };
  return {
    /** Today, `YYYY-MM-DD` in Tunis. */
    day,
    at,
    /** ISO 8601 of `clock` today (or `dayOffset` days away), as the queue app writes `occurredAt`. */
    iso: (clock: string, dayOffset = 0) => new Date(at(clock, dayOffset)).toISOString(),
    now: () => now,
    moveTo(instant: number) {
      now = instant;
    },
    call,
    /** The queue app with `key` sending events. */
    ingest: (key: string, events: unknown[]) => call('/ingest/events', { method: 'POST', token: key, json: { events } }),
    /** The queue app with `key` asking for ticket links. */
    tickets: async (key: string, entryIds: unknown): Promise<JsonAnswer<IssuedTickets>> =>
      jsonOf<IssuedTickets>(await call('/ingest/tickets', { method: 'POST', token: key, json: { entryIds } })),
    /** A ticket's JSON, as anyone holding the link asks for it. */
    ticket: async (token: string, ip?: string): Promise<JsonAnswer<TicketView>> => jsonOf<TicketView>(await call(`/tickets/${token}`, {}, ip)),
    /** A ticket's page, as a browser asking for `language` opens it. */
    page: (token: string, language = 'fr-TN,fr;q=0.9', ip?: string) => call(`/../../t/${token}`, { headers: { 'Accept-Language': language } }, ip),
  };
}

/** The token of a link `<PUBLIC_URL>/t/<token>`. */
export function tokenOf(url: string): string {
  const prefix = `${env.PUBLIC_URL.replace(/\/+$/, '')}/t/`;
  if (!url.startsWith(prefix)) throw new Error(`not a ticket link of this deployment: ${url}`);
  return url.slice(prefix.length);
}

/** `token` with bit `bit` of its byte `at` flipped, written back as base64url. */
export function flipBit(token: string, at: number, bit: number): string {
  const bytes = Uint8Array.from(atob(token.replaceAll('-', '+').replaceAll('_', '/')), (char) => char.charCodeAt(0));
  bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** How many bytes a token carries. */
export function byteLengthOf(token: string): number {
  return atob(token.replaceAll('-', '+').replaceAll('_', '/')).length;
}

/** A ticket's JSON read with the real clock, from `ip`. */
export async function readTicketJson(token: string, ip: string): Promise<JsonAnswer<unknown>> {
  return jsonOf<unknown>(await SELF.fetch(`${ORIGIN}/api/v1/tickets/${token}`, { headers: { 'CF-Connecting-IP': ip } }));
}

/** A ticket page read with the real clock, from `ip`. */
export function openTicketPage(token: string, ip: string, language = 'fr'): Promise<Response> {
  return SELF.fetch(`${ORIGIN}/t/${token}`, { headers: { 'Accept-Language': language, 'CF-Connecting-IP': ip } });
}

/** The words of a page as a person reads them: tags, scripts and styles dropped, spaces collapsed. */
export function wordsOf(page: string): string {
  return page.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}
