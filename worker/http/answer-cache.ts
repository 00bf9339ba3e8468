import type { Context } from 'hono';
import { isDatabaseUnreachable } from '../../db/errors.ts';
import type { AppEnv } from '../app-env.ts';
import { sha256Hex } from '../auth/secrets.ts';

/** Seed 001: an answer is reused for at most 5 minutes. */
export const ANSWER_FRESH_MS = 5 * 60_000;
/** How long an answer is kept to stand in for the database while it is down. */
const ANSWER_KEPT_SECONDS = 7 * 86_400;
/** Keys of this cache are never fetched: they only name entries of the Cache API. */
const CACHE_ORIGIN = 'https://answers.pulse.internal';

interface StoredAnswer {
  body: object;
  computedAt: number;
  etag: string;
}

/**
 * Answers a read endpoint from the Cache API (per data center) keyed by `key` (clinic, endpoint,
 * window — never the caller: callers are checked before this):
 * - a fresh answer (under 5 minutes) is served as `dataFreshness: "cached"`, unless the request
 *   says `Cache-Control: no-cache`;
 * - otherwise `compute` runs and its answer is stored and served as `"live"`;
 * - when the database cannot answer, the last answer is served with `stale: true` and its age;
 *   with none, the error goes on (503 UNAVAILABLE in the one error shape).
 * Every answer carries an ETag of its data, and `If-None-Match` gets a 304.
 */
export async function cachedAnswer(c: Context<AppEnv>, key: string, compute: () => Promise<object>): Promise<Response> {
  const now = c.var.services.clock.now();
  const cache = await caches.open('answers');
  const request = new Request(`${CACHE_ORIGIN}/${key}`);
  const stored = await readStored(cache, request);
  const revalidate = /no-cache/i.test(c.req.header('Cache-Control') ?? '');
  if (stored !== undefined && !revalidate && now - stored.computedAt < ANSWER_FRESH_MS) return respond(c, stored, { dataFreshness: 'cached' });

  let body: object;
  try {
    body = await compute();
  } catch (error) {
    if (stored !== undefined && isDatabaseUnreachable(error)) {
      return respond(c, stored, { dataFreshness: 'cached', stale: true, ageSeconds: Math.max(0, Math.floor((now - stored.computedAt) / 1000)) });
    }
    throw error;
  }
  const fresh: StoredAnswer = { body, computedAt: now, etag: `W/"${(await sha256Hex(JSON.stringify(body))).slice(0, 32)}"` };
  const kept = new Response(JSON.stringify(fresh), { headers: { 'Cache-Control': `max-age=${ANSWER_KEPT_SECONDS}` } });
  c.executionCtx.waitUntil(cache.put(request, kept));
  return respond(c, fresh, { dataFreshness: 'live' });
}

async function readStored(cache: Cache, request: Request): Promise<StoredAnswer | undefined> {
  try {
    const hit = await cache.match(request);
    return hit === undefined ? undefined : ((await hit.json()) as StoredAnswer);
  } catch {
    // A cache that cannot be read is a cache miss, not an error of the request.
    return undefined;
  }
}

function respond(c: Context<AppEnv>, stored: StoredAnswer, freshness: { dataFreshness: 'live' | 'cached'; stale?: true; ageSeconds?: number }): Response {
  // Private: the answer is for members of the clinic; no-cache: the browser revalidates with the ETag.
  const headers = { ETag: stored.etag, 'Cache-Control': 'private, no-cache' };
  if (matchesEtag(c.req.header('If-None-Match'), stored.etag)) return new Response(null, { status: 304, headers });
  return c.json({ ...stored.body, lastUpdated: new Date(stored.computedAt).toISOString(), ...freshness }, 200, headers);
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
