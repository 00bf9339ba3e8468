import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import { EMAIL_PREVIEW_POLICY, securityHeaders } from './security-headers.ts';

const API_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

function appWithHeaders() {
  const app = new Hono<AppEnv>();
  app.use(securityHeaders);
  app.get('/api/v1/health', (c) => c.json({ status: 'ok' }));
  app.get('/api/v1/reports/digest-preview', (c) => {
    c.header('Content-Security-Policy', EMAIL_PREVIEW_POLICY);
    return c.html('<p style="color:#333">Semaine du 16 novembre</p>');
  });
  return app;
}

describe('security headers', () => {
  it('should send the whole API policy, never framed, and the cross-origin isolation headers', async () => {
    const response = await appWithHeaders().request('http://pulse.test/api/v1/health');
    expect(response.headers.get('content-security-policy')).toBe(API_POLICY);
    expect({
      frame: response.headers.get('x-frame-options'),
      resource: response.headers.get('cross-origin-resource-policy'),
      opener: response.headers.get('cross-origin-opener-policy'),
      hsts: response.headers.get('strict-transport-security'),
    }).toEqual({ frame: 'DENY', resource: 'same-origin', opener: 'same-origin', hsts: null });
  });

  it("should keep the e-mail preview's own policy and let the PWA frame it, over https with HSTS", async () => {
    const response = await appWithHeaders().request('https://pulse.test/api/v1/reports/digest-preview');
    expect(response.headers.get('content-security-policy')).toBe(EMAIL_PREVIEW_POLICY);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  });
});
