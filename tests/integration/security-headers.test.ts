import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

describe('security headers', () => {
  it('should send a strict CSP with no inline scripts, nosniff, a referrer policy and no framing', async () => {
    const response = await SELF.fetch('http://pulse.test/api/v1/health');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('should add HSTS over https, and on errors too', async () => {
    const response = await SELF.fetch('https://pulse.test/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('should serve the API docs without any inline script or style', async () => {
    const page = await (await SELF.fetch('http://pulse.test/api/v1/docs')).text();
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page).not.toContain('<style');
  });
});
