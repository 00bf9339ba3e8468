import { describe, expect, it, vi } from 'vitest';
import { fetchWithEnv } from '../support/fetch-with-env.ts';

describe('a misconfigured deployment', () => {
  /** Each refused by the configuration check for its own reason. */
  const MISCONFIGURED: Array<{ setting: string; overrides: Partial<Env> }> = [
    { setting: 'IP_HASH_KEY', overrides: { IP_HASH_KEY: 'short' } },
    // Anyone could try a short token until /metrics opens: refused at start, not at scrape time.
    { setting: 'METRICS_TOKEN', overrides: { METRICS_TOKEN: 'a'.repeat(31) } },
    { setting: 'LIBSQL_URL', overrides: { LIBSQL_URL: 'not a url' } },
  ];
  /** What anyone on the internet may ask without signing in. */
  const ANONYMOUS: Array<[string, RequestInit]> = [
    ['/api/v1/health', {}],
    ['/api/v1/health/live', {}],
    ['/metrics', { headers: { Authorization: `Bearer ${'a'.repeat(31)}` } }],
    ['/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'x@pulse.tn', password: 'x' }) }],
  ];

  it.each(MISCONFIGURED)('should tell anonymous callers only that the configuration fails, naming $setting in the logs alone', async ({ setting, overrides }) => {
    // Watched, not replaced: the lines still reach the output.
    const written = vi.spyOn(console, 'log');
    try {
      for (const [path, init] of ANONYMOUS) {
        const response = await fetchWithEnv(path, overrides, init);
        const text = await response.text();
        expect(response.status, path).toBe(500);
        expect(JSON.parse(text), path).toEqual({ error: { code: 'INTERNAL', message: 'The service is misconfigured', details: {} } });
        expect(text, path).not.toContain(setting);
      }
      const lines = written.mock.calls.map(([line]) => String(line));
      expect(lines.some((line) => line.includes(setting) && line.includes('configuration'))).toBe(true);
    } finally {
      written.mockRestore();
    }
  });
});
