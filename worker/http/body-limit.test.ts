import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import { bodySizeLimit, DEFAULT_BODY_LIMIT_BYTES, INGEST_BODY_LIMIT_BYTES } from './body-limit.ts';

const INGEST = '/api/v1/ingest/events';

/** The limit in front of handlers that count what they were given to read. */
function appWithLimit() {
  const read: number[] = [];
  const app = new Hono<AppEnv>();
  app.use(bodySizeLimit(INGEST));
  app.post('*', async (c) => {
    read.push((await c.req.text()).length);
    return c.json({ ok: true });
  });
  return { app, read };
}

const post = (app: Hono<AppEnv>, path: string, bytes: number) => app.request(path, { method: 'POST', body: 'x'.repeat(bytes), headers: { 'Content-Type': 'text/plain' } });

describe('the body size limit', () => {
  it('should take a body of exactly 64 KiB on any route but ingestion, and refuse one byte more unread', async () => {
    const { app, read } = appWithLimit();
    expect(DEFAULT_BODY_LIMIT_BYTES).toBe(65_536);
    expect((await post(app, '/api/v1/auth/login', 65_536)).status).toBe(200);
    const refused = await post(app, '/api/v1/auth/login', 65_537);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'The body is larger than this route takes (65536 bytes)', details: { maxBytes: 65_536 } },
    });
    expect(read).toEqual([65_536]);
  });

  it('should give ingestion 501 KiB, to the byte', async () => {
    const { app, read } = appWithLimit();
    expect(INGEST_BODY_LIMIT_BYTES).toBe(513_024);
    expect((await post(app, INGEST, 513_024)).status).toBe(200);
    const refused = await post(app, INGEST, 513_025);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ error: { details: { maxBytes: 513_024 } } });
    expect(read).toEqual([513_024]);
  });

  it('should give the larger limit to the ingestion path alone, not to paths that only begin like it', async () => {
    const { app, read } = appWithLimit();
    expect((await post(app, `${INGEST}/replay`, 100_000)).status).toBe(413);
    expect((await post(app, '/api/v1/ingest', 100_000)).status).toBe(413);
    expect(read).toEqual([]);
  });
});
