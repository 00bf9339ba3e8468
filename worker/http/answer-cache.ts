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

interface StoredAnswer<Body extends object = object> {
  body: Body;
  computedAt: number;
  etag: string;
}

/** A weak ETag of an answer's data. */
async function etagOf(body: object): Promise<string> {
  return `W/"${(await sha256Hex(JSON.stringify(body))).slice(0, 32)}"`;
}

/**
 * Answers a read endpoint from the Cache API (per data center) keyed by `key` (clinic, endpoint,
 * window — never the caller: callers are checked before this):
 * - a fresh answer (under 5 minutes) is served as `dataFreshness: "cached"`, unless the request
 *   says `Cache-Control: no-cache`;
 * - otherwise `compute` runs and its answer is stored and served as `"live"`;
 * - when the database cannot answer, the last answer is served with `stale: true` and its age;
 *   with none, the error goes on (503 UNAVAILABLE in the one error shape).
 * - `live`, when given, reads again on every request the parts of an answer that must never lag
 *   behind a write (a chart's notes: a note just written shows in the next answer); they are
 *   merged over a cached answer and its ETag follows. While the database is down the cached
 *   answer goes out with the parts it was stored with, marked stale.
 * Every answer carries an ETag of its data, and `If-None-Match` gets a 304.
 */
export async function cachedAnswer<Body extends object>(
  c: Context<AppEnv>,
  key: string,
  compute: () => Promise<Body>,
  live?: (cached: Body) => Promise<Partial<Body>>,
): Promise<Response> {
  const now = c.var.services.clock.now();
  const cache = await caches.open('answers');
  const request = new Request(`${CACHE_ORIGIN}/${key}`);
  const stored = await readStored<Body>(cache, request);
  const revalidate = /no-cache/i.test(c.req.header('Cache-Control') ?? '');
  const ageSeconds = (computedAt: number) => Math.max(0, Math.floor((now - computedAt) / 1000));
  if (stored !== undefined && !revalidate && now - stored.computedAt < ANSWER_FRESH_MS) {
    if (live === undefined) return respond(c, stored, { dataFreshness: 'cached' });
    let parts: Partial<Body>;
    try {
      parts = await live(stored.body);
    } catch (error) {
      if (isDatabaseUnreachable(error)) return respond(c, stored, { dataFreshness: 'cached', stale: true, ageSeconds: ageSeconds(stored.computedAt) });
      throw error;
    }
    const body = { ...stored.body, ...parts };
    return respond(c, { body, computedAt: stored.computedAt, etag: await etagOf(body) }, { dataFreshness: 'cached' });
  }

  let body: Body;
  try {
    body = await compute();
  } catch (error) {
    if (stored !== undefined && isDatabaseUnreachable(error)) {
      return respond(c, stored, { dataFreshness: 'cached', stale: true, ageSeconds: ageSeconds(stored.computedAt) });
    }
    throw error;
  }
  const fresh: StoredAnswer<Body> = { body, computedAt: now, etag: await etagOf(body) };
  const kept = new Response(JSON.stringify(fresh), { headers: { 'Cache-Control': `max-age=${ANSWER_KEPT_SECONDS}` } });
  c.executionCtx.waitUntil(cache.put(request, kept));
  return respond(c, fresh, { dataFreshness: 'live' });
}

async function readStored<Body extends object>(cache: Cache, request: Request): Promise<StoredAnswer<Body> | undefined> {
  try {
    const hit = await cache.match(request);
    return hit === undefined ? undefined : ((await hit.json()) as StoredAnswer<Body>);
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

/** Forgets answers kept under `keys` in this data center (an erased clinic's): answers how many there were. */
export async function forgetAnswers(keys: readonly string[]): Promise<number> {
  const cache = await caches.open('answers');
  const deleted = await Promise.all(keys.map((key) => cache.delete(new Request(`${CACHE_ORIGIN}/${key}`))));
  return deleted.filter(Boolean).length;
}
