import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowsAbout } from '../../db/queries/audit-rows.ts';
import { DEFAULT_BODY_LIMIT_BYTES, INGEST_BODY_LIMIT_BYTES } from '../../worker/http/body-limit.ts';
import { eventId } from '../support/queue-story.ts';
import { api, createWorld, ORIGIN, signIn, testDatabase, type World } from '../support/world.ts';

const TEN_MB = 10 * 1024 * 1024;

function expectTooLarge(body: unknown, maxBytes: number): void {
  expect(body).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: `The body is larger than this route takes (${maxBytes} bytes)`, details: { maxBytes } } });
}

/** A body sent in chunks with no Content-Length: the limit must hold while streaming too. */
function streamed(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + 64 * 1024));
      offset += 64 * 1024;
    },
  });
}

/** The largest event the schemas take: every id at its 64-character maximum. */
function largestEvent(index: number) {
  const id = (label: string) => `${label}-${index}-`.padEnd(64, 'x');
  return { id: id('ev'), type: 'sms_sent', occurredAt: new Date().toISOString(), smsId: id('sms'), entryId: id('entry'), kind: 'queue_joined' };
}

describe('body limits, checked before anything is parsed', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it('should refuse a 10 MB sign-in with 413 and record nothing', async () => {
    const response = await api(world, '/auth/login', { method: 'POST', json: { email: world.ownerA.email, password: 'x'.repeat(TEN_MB) } });
    expect(response.status).toBe(413);
    expectTooLarge(await response.json(), DEFAULT_BODY_LIMIT_BYTES);
    // Not even a failed sign-in was heard: the audit log has nothing for this address.
    const rows = await auditRowsAbout(testDatabase(), world.ownerA.id);
    expect(rows).toEqual([]);
  });

  it('should refuse an oversized body streamed without Content-Length', async () => {
    const response = await SELF.fetch(`${ORIGIN}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': world.ip },
      body: streamed(JSON.stringify({ email: world.ownerA.email, password: 'x'.repeat(DEFAULT_BODY_LIMIT_BYTES) })),
    });
    expect(response.status).toBe(413);
    expectTooLarge(await response.json(), DEFAULT_BODY_LIMIT_BYTES);
  });

  it('should refuse JSON nested a million deep without parsing it', async () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    const response = await api(world, '/auth/login', { method: 'POST', body: deep, headers: { 'Content-Type': 'application/json' } });
    expect(response.status).toBe(413);
    // Deep nesting that fits the limit is parsed and refused as not valid, never a 500.
    const fits = await api(world, '/auth/login', { method: 'POST', body: `${'['.repeat(30_000)}${']'.repeat(30_000)}`, headers: { 'Content-Type': 'application/json' } });
    expect(fits.status).toBe(400);
  });

  it("should take 500 of the largest events, indented, and refuse ingestion's 10 MB", async () => {
    const events = Array.from({ length: 500 }, (_, index) => largestEvent(index));
    const full = JSON.stringify({ events }, null, 2);
    expect(full.length).toBeLessThan(INGEST_BODY_LIMIT_BYTES);
    const accepted = await api(world, '/ingest/events', { method: 'POST', token: world.keyA, body: full, headers: { 'Content-Type': 'application/json' } });
    expect(accepted.status).toBe(200);
    // Every one read and checked by its schema; the queue then refuses SMS of entries it never saw.
    const answer = await accepted.json<{ accepted: number; rejected: Array<{ error: { code: string } }> }>();
    expect(answer.accepted + answer.rejected.length).toBe(500);
    expect(answer.rejected.filter((rejection) => rejection.error.code === 'VALIDATION_FAILED')).toEqual([]);

    const huge = await api(world, '/ingest/events', { method: 'POST', token: world.keyA, json: { events: [largestEvent(0)], padding: 'x'.repeat(TEN_MB) } });
    expect(huge.status).toBe(413);
    expectTooLarge(await huge.json(), INGEST_BODY_LIMIT_BYTES);
  });

  it('should refuse unknown fields next to the events (the wrapper is strict)', async () => {
    const response = await api(world, '/ingest/events', { method: 'POST', token: world.keyA, json: { events: [{ ...largestEvent(1), id: eventId('ev') }], note: 'extra' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('should give every other route the 64 KiB limit, signed in or not', async () => {
    const token = await signIn(world, world.ownerA);
    const response = await api(world, '/me/settings', { method: 'PATCH', token, json: { locale: 'en', padding: 'x'.repeat(DEFAULT_BODY_LIMIT_BYTES) } });
    expect(response.status).toBe(413);
  });
});
