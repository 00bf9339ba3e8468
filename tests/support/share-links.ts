import { env, SELF } from 'cloudflare:test';
import type { NewShareLink, ShareLinkList } from '../../worker/domain/share-links.ts';
import { apiJson, jsonOf, ORIGIN, type JsonAnswer, type World } from './world.ts';

/** An owner (or anyone with `token`) asking clinic `clinicId` for a read-only link. */
export function makeShareLink(world: World, token: string, clinicId: string, body: unknown): Promise<JsonAnswer<NewShareLink>> {
  return apiJson<NewShareLink>(world, `/clinics/${clinicId}/share-links`, { method: 'POST', token, json: body });
}

/** A clinic's list of links, as `token` asks for it. */
export function listShareLinks(world: World, token: string, clinicId: string): Promise<JsonAnswer<ShareLinkList>> {
  return apiJson<ShareLinkList>(world, `/clinics/${clinicId}/share-links`, { token });
}

/** The token of a link `<PUBLIC_URL>/shared/<token>`. */
export function shareTokenOf(url: string): string {
  const prefix = `${env.PUBLIC_URL.replace(/\/+$/, '')}/shared/`;
  if (!url.startsWith(prefix)) throw new Error(`not a share link of this deployment: ${url}`);
  return url.slice(prefix.length);
}

/**
 * A shared answer (`today`, or `analytics?timeframe=…`) read as a visitor's browser reads it: no
 * session, no cookie, from `ip`.
 */
export async function readShared<T = unknown>(token: string, view: string, ip: string): Promise<JsonAnswer<T>> {
  return jsonOf<T>(await SELF.fetch(`${ORIGIN}/api/v1/shared/${token}/${view}`, { headers: { 'CF-Connecting-IP': ip } }));
}

/** A client address of its own, so one test's reads never count against another's allowance. */
export const freshIp = (label: string) => `203.0.113.${Math.floor(Math.random() * 250)}-${label}-${crypto.randomUUID()}`;
