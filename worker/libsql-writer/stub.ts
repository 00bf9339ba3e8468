/**
 * How many LibsqlWriter objects share libSQL's one writer: at most this many transactions at once,
 * whatever the number of clinics (see libsql-writer.ts).
 */
export const LIBSQL_WRITER_SHARDS = 2;

/** The committer a clinic's writes go through: always the same one, so its writes stay in order. */
export function libsqlWriterOf(env: Env, clinicId: string) {
  let hash = 0;
  for (const char of clinicId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return env.LIBSQL_WRITER.get(env.LIBSQL_WRITER.idFromName(`writer-${hash % LIBSQL_WRITER_SHARDS}`));
}
