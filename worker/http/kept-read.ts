import type { Context } from 'hono';
import type { z } from 'zod';
import { isDatabaseUnreachable } from '../../db/errors.ts';
import type { AppEnv } from '../app-env.ts';

/** How long a read is kept to stand in for the database while it is down. */
const KEPT_SECONDS = 2 * 86_400;
/** Keys of this cache are never fetched: they only name entries of the Cache API. */
const CACHE_ORIGIN = 'https://kept-reads.pulse.internal';

/** A read from libSQL, or the last one kept when libSQL could not answer (`ageSeconds` set). */
export interface Kept<Value> {
  value: Value;
  /** Null: read just now. */
  ageSeconds: number | null;
}

interface StoredRead {
  value: unknown;
  readAt: number;
}

/**
 * One libSQL read inside an answer that is otherwise live (`stats/today`: the live queue answers
 * without libSQL): each successful read is kept in the Cache API under `key` (a clinic's, never a
 * caller's: callers are checked before this), and when libSQL is unreachable the last kept one
 * stands in (checked against `schema`), with its age. Undefined when libSQL is unreachable and nothing was kept; any other
 * error goes on. Unlike `cachedAnswer`, the database is asked every time: a setting just changed
 * shows at once.
 */
export async function keptRead<Value>(c: Context<AppEnv>, key: string, schema: z.ZodType<Value>, read: () => Promise<Value>): Promise<Kept<Value> | undefined> {
  const now = c.var.services.clock.now();
  const cache = await caches.open('kept-reads');
  const request = new Request(`${CACHE_ORIGIN}/${key}`);
  try {
    const value = await read();
    const stored: StoredRead = { value, readAt: now };
    c.executionCtx.waitUntil(cache.put(request, new Response(JSON.stringify(stored), { headers: { 'Cache-Control': `max-age=${KEPT_SECONDS}` } })));
    return { value, ageSeconds: null };
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    const stored = await readStored(cache, request);
    // Checked like anything read back: a copy kept by an older deployment may have another shape.
    const kept = schema.safeParse(stored?.value);
    if (stored === undefined || !kept.success) return undefined;
    return { value: kept.data, ageSeconds: Math.max(0, Math.floor((now - stored.readAt) / 1000)) };
  }
}

async function readStored(cache: Cache, request: Request): Promise<StoredRead | undefined> {
  try {
    const hit = await cache.match(request);
    return hit === undefined ? undefined : await hit.json<StoredRead>();
  } catch {
    // A cache that cannot be read is a cache miss, not an error of the request.
    return undefined;
  }
}

/** Forgets the read kept under `key` in this data center (an erased clinic's); true when there was one. */
export async function forgetKeptRead(key: string): Promise<boolean> {
  return (await caches.open('kept-reads')).delete(new Request(`${CACHE_ORIGIN}/${key}`));
}
