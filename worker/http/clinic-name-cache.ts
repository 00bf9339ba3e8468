import { clinicNameOf } from '../../db/queries/clinics.ts';
import type { Database } from '../../db/client.ts';

/** Keys of this cache only name entries of the Cache API; they are never fetched. */
const CACHE_ORIGIN = 'https://clinic-names.pulse.internal';
/** A renamed clinic shows its new name on ticket pages within this long. */
const KEPT_SECONDS = 3_600;

/**
 * A clinic's name for its patients' ticket pages, from the Cache API (per data center) or libSQL.
 * Every open page asks every 10 s: without the cache each poll would cost a libSQL read, and a
 * libSQL outage would blank pages that the live queue (its own storage) could still answer.
 * Undefined for a clinic that does not exist.
 */
export async function cachedClinicName(db: Database, clinicId: string, waitUntil: (promise: Promise<unknown>) => void): Promise<string | undefined> {
  const cache = await caches.open('clinic-names');
  const request = new Request(`${CACHE_ORIGIN}/${encodeURIComponent(clinicId)}`);
  try {
    const hit = await cache.match(request);
    if (hit !== undefined) return await hit.text();
  } catch {
    // A cache that cannot be read is a miss, not an error of the request.
  }
  const name = await clinicNameOf(db, clinicId);
  if (name !== undefined) waitUntil(cache.put(request, new Response(name, { headers: { 'Cache-Control': `max-age=${KEPT_SECONDS}` } })));
  return name;
}

/** Forgets a clinic's name in this data center (an erased clinic's); true when it was kept. */
export async function forgetClinicName(clinicId: string): Promise<boolean> {
  return (await caches.open('clinic-names')).delete(new Request(`${CACHE_ORIGIN}/${encodeURIComponent(clinicId)}`));
}
