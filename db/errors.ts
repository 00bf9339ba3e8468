/**
 * Whether an error means "the database could not be reached" (down, refusing, network lost)
 * rather than "the query is wrong": the first is answered 503 and served from what is known,
 * the second is a bug. drizzle wraps the driver's error, so the whole `cause` chain is read.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 6; current = current.cause, depth += 1) {
    if (/Network connection lost|fetch failed|ECONNREFUSED|connection refused|Failed to connect|socket hang up|HTTP status 5\d\d/i.test(current.message)) return true;
  }
  return false;
}
