import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { z } from 'zod';
import { fetchWithEnv } from '../support/fetch-with-env.ts';
import { eventId } from '../support/queue-story.ts';
import { createWorld, sessionFor, type World } from '../support/world.ts';

const LogLineSchema = z.record(z.string(), z.unknown());

/** The request lines written while the test ran, for one request id; the raw text too. */
function requestLines(written: MockInstance<typeof console.log>, requestId: string): Array<{ text: string; line: Record<string, unknown> }> {
  return written.mock.calls
    .map(([text]) => String(text))
    .filter((text) => text.startsWith('{'))
    .map((text) => ({ text, line: LogLineSchema.parse(JSON.parse(text)) }))
    .filter(({ line }) => line.requestId === requestId);
}

describe('the request log', () => {
  let world: World;
  let written: MockInstance<typeof console.log>;
  beforeAll(async () => {
    world = await createWorld();
  });
  beforeEach(() => {
    // Watched, not replaced: the lines still reach the output.
    written = vi.spyOn(console, 'log');
  });
  afterEach(() => {
    written.mockRestore();
  });

  it("should write one line per request: id, route pattern, status, duration and the API key's clinic, nothing personal", async () => {
    const response = await fetchWithEnv('/api/v1/ingest/events', {}, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${world.keyA}`,
        'Content-Type': 'application/json',
        'CF-Connecting-IP': '203.0.113.77',
        'User-Agent': 'QueueApp/3.1 (Dr Amel Ben Salah)',
        'X-Request-Id': 'log-ingest-1',
      },
      body: JSON.stringify({ events: [{ id: eventId('log'), type: 'patient_added', entryId: eventId('log-entry'), method: 'qr', occurredAt: new Date().toISOString() }] }),
    });
    expect(response.status).toBe(200);
    const lines = requestLines(written, 'log-ingest-1');
    expect(lines.map(({ line }) => line)).toEqual([
      {
        level: 'info',
        time: expect.any(String),
        message: 'request',
        requestId: 'log-ingest-1',
        method: 'POST',
        route: '/api/v1/ingest/events',
        status: 200,
        durationMs: expect.any(Number),
        clinicId: world.clinicA,
      },
    ]);
    const text = lines[0]?.text ?? '';
    for (const personal of ['203.0.113.77', 'Amel', world.keyA]) expect(text).not.toContain(personal);
  });

  it("should name the clinic of the path for a member's request, by its route pattern", async () => {
    const response = await fetchWithEnv(`/api/v1/clinics/${world.clinicA}/stats/today`, {}, {
      headers: { Authorization: `Bearer ${await sessionFor(world.staffA)}`, 'X-Request-Id': 'log-member-1' },
    });
    expect(response.status).toBe(200);
    expect(requestLines(written, 'log-member-1').map(({ line }) => line)).toEqual([
      expect.objectContaining({ route: '/api/v1/clinics/:clinicId/stats/today', status: 200, clinicId: world.clinicA }),
    ]);
  });

  it('should make a 5xx from a thrown error one error line carrying the message and the stack', async () => {
    // A key too short to keep IP hashes safe: the configuration check throws on every request.
    const response = await fetchWithEnv('/api/v1/health', { IP_HASH_KEY: 'short' }, { headers: { 'X-Request-Id': 'log-broken-1' } });
    expect(response.status).toBe(500);
    const lines = requestLines(written, 'log-broken-1').map(({ line }) => line);
    expect(lines).toEqual([
      expect.objectContaining({ level: 'error', message: 'request', route: '/api/v1/health', status: 500, error: 'The service is misconfigured' }),
    ]);
    expect(lines[0]?.stack).toEqual(expect.stringContaining('AppError: The service is misconfigured'));
  });
});
