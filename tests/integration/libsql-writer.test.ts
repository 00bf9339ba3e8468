import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueueWrite } from '../../db/queries/queue-writes.ts';
import { storedEventsOf } from '../../db/queries/event-rows.ts';
import type { StoredEventRow } from '../../worker/domain/queue-events.ts';
import { createWorld, testDatabase, type World } from '../support/world.ts';

function writeOf(rows: StoredEventRow[]): QueueWrite {
  return { events: rows, entries: [], sms: [], activity: [], daily: [], hourly: [] };
}

function eventRows(clinicId: string, prefix: string, count: number): StoredEventRow[] {
  return Array.from({ length: count }, (_, index) => ({
    clinicId,
    id: `${prefix}-${index}`,
    type: 'clinic_login',
    entryId: null,
    occurredAt: 1_700_000_000_000 + index,
    receivedAt: 1_700_000_000_000 + index,
    payload: '{"platform":"web"}',
  }));
}

async function storedIds(clinicId: string): Promise<string[]> {
  const rows = await storedEventsOf(testDatabase(), clinicId);
  return rows.map((row) => row.id).sort();
}

describe('the libSQL committer (group commit of write-behind batches)', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it('commits writes sent at once by many clinics, each exactly once, and more rows than one statement binds', async () => {
    const writer = env.LIBSQL_WRITER.get(env.LIBSQL_WRITER.idFromName('writer-test-many'));
    const writes = Array.from({ length: 12 }, (_, index) => eventRows(index % 2 === 0 ? world.clinicA : world.clinicB, `many-${index}`, 300));
    await Promise.all(writes.map((rows) => writer.save(writeOf(rows))));
    // The same writes again, as after a lost answer: nothing is stored twice.
    await Promise.all(writes.map((rows) => writer.save(writeOf(rows))));
    const expected = (clinicId: string) => writes.flat().filter((row) => row.clinicId === clinicId).map((row) => row.id).sort();
    expect(await storedIds(world.clinicA)).toEqual(expected(world.clinicA));
    expect(await storedIds(world.clinicB)).toEqual(expected(world.clinicB));
  });

  it('refuses a write libSQL rejects without holding back the writes grouped with it, and stores none of it', async () => {
    const world2 = await createWorld();
    const writer = env.LIBSQL_WRITER.get(env.LIBSQL_WRITER.idFromName('writer-test-bad'));
    const goods = Array.from({ length: 8 }, (_, index) => eventRows(world2.clinicA, `good-${index}`, 3));
    // A row the schema refuses (no type): its whole write must fail, alone.
    const bad = [...eventRows(world2.clinicB, 'bad', 2), { ...eventRows(world2.clinicB, 'bad-null', 1)[0], type: null } as unknown as StoredEventRow];
    // Sent at once: all but the first arrive while a transaction runs and are committed as a group.
    const writes = [...goods.slice(0, 3), bad, ...goods.slice(3)];
    const results = await Promise.allSettled(writes.map((rows) => writer.save(writeOf(rows))));
    expect(results.map((result) => result.status)).toEqual(writes.map((rows) => (rows === bad ? 'rejected' : 'fulfilled')));
    expect(String((results[3] as PromiseRejectedResult).reason)).toMatch(/NOT NULL/i);
    expect(await storedIds(world2.clinicA)).toEqual(goods.flat().map((row) => row.id).sort());
    expect(await storedIds(world2.clinicB)).toEqual([]);
  });
});
