/**
 * How many SessionDirectory objects share the sessions: a token always goes to the same one (by
 * its digest), and a change to a person or to every session is told to all of them.
 */
export const SESSION_DIRECTORY_SHARDS = 8;

/** The directory that answers for a session token's digest (hex). */
export function sessionDirectoryOf(env: Env, tokenHash: string) {
  const shard = Number.parseInt(tokenHash.slice(0, 4), 16) % SESSION_DIRECTORY_SHARDS;
  return env.SESSION_DIRECTORY.get(env.SESSION_DIRECTORY.idFromName(`sessions-${Number.isNaN(shard) ? 0 : shard}`));
}

/** Every directory, for a change that may concern sessions in any of them. */
export function allSessionDirectories(env: Env) {
  return Array.from({ length: SESSION_DIRECTORY_SHARDS }, (_, shard) => env.SESSION_DIRECTORY.get(env.SESSION_DIRECTORY.idFromName(`sessions-${shard}`)));
}
