import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { LIBSQL_WRITER_SHARDS, libsqlWriterOf } from './stub.ts';

/** Which of the committers a clinic's writes go through, by the name it was created with. */
function shardOf(clinicId: string): string {
  const id = libsqlWriterOf(env, clinicId).id;
  const shard = Array.from({ length: LIBSQL_WRITER_SHARDS }, (_, index) => `writer-${index}`).find((name) => env.LIBSQL_WRITER.idFromName(name).equals(id));
  if (shard === undefined) throw new Error(`${clinicId} writes through no committer of the ${LIBSQL_WRITER_SHARDS}`);
  return shard;
}

describe("the committer a clinic's write-behind goes through", () => {
  it('should always be the same one for a clinic, so its writes reach libSQL in order', () => {
    expect(LIBSQL_WRITER_SHARDS).toBe(2);
    expect(['cabinet-sfax', 'cabinet-tunis', 'cabinet-sousse', 'cabinet-bizerte'].map(shardOf)).toEqual(['writer-1', 'writer-0', 'writer-1', 'writer-0']);
    // Asked again, from another stub: the same object.
    expect(libsqlWriterOf(env, 'cabinet-sfax').id.equals(libsqlWriterOf(env, 'cabinet-sfax').id)).toBe(true);
    expect(libsqlWriterOf(env, 'cabinet-sfax').id.equals(libsqlWriterOf(env, 'cabinet-tunis').id)).toBe(false);
  });

  it('should spread a thousand clinics evenly over both committers, and never use a third', () => {
    const perShard = new Map<string, number>();
    for (let index = 0; index < 1_000; index += 1) {
      const shard = shardOf(`clinic-${index}`);
      perShard.set(shard, (perShard.get(shard) ?? 0) + 1);
    }
    expect(Object.fromEntries(perShard)).toEqual({ 'writer-0': 500, 'writer-1': 500 });
  });
});
