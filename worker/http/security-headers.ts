import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../app-env.ts';

/**
 * The same policy as the PWA's static assets (pwa/public/_headers): only our own scripts, styles
 * and API, never framed. No inline script anywhere, so no 'unsafe-inline'.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const baseHeaders = secureHeaders({
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  referrerPolicy: 'strict-origin-when-cross-origin',
  xContentTypeOptions: 'nosniff',
  xFrameOptions: 'DENY',
  // Sent below, and only over https: on plain http it would mean nothing (or lock out local dev).
  strictTransportSecurity: false,
  crossOriginResourcePolicy: 'same-origin',
  crossOriginOpenerPolicy: 'same-origin',
});

/**
 * An e-mail shown as it will arrive: inline styles (mail clients keep nothing else), no script,
 * no request anywhere, framable by the PWA only. Set by the digest preview on its own answer.
 */
export const EMAIL_PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  // A route that chose its own, stricter-in-scope policy (the e-mail preview) keeps it.
  let own: string | null = null;
  // So does one whose address carries a secret (a share link's token): it sends no referrer at all.
  let ownReferrerPolicy: string | null = null;
  await baseHeaders(c, async () => {
    await next();
    own = c.res.headers.get('Content-Security-Policy');
    ownReferrerPolicy = c.res.headers.get('Referrer-Policy');
  });
  if (own !== null) {
    c.res.headers.set('Content-Security-Policy', own);
    c.res.headers.set('X-Frame-Options', 'SAMEORIGIN');
  }
  if (ownReferrerPolicy !== null) c.res.headers.set('Referrer-Policy', ownReferrerPolicy);
  if (new URL(c.req.url).protocol === 'https:') c.header('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
});
