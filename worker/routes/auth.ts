import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { revokeSession } from '../../db/queries/sessions.ts';
import { openSetupLinkOf } from '../../db/queries/password-resets.ts';
import { changePassword, type UserRow } from '../../db/queries/users.ts';
import { listVisibleClinics } from '../../db/queries/clinics.ts';
import type { AppEnv } from '../app-env.ts';
import { assertSameOrigin, authorize, signedInUser } from '../auth/authorize.ts';
import { issueDeviceProof, KNOWN_DEVICE_FOR_SECONDS } from '../auth/known-device.ts';
import { closeLiveSockets, SOCKET_CLOSE_REASONS } from '../auth/live-socket-closing.ts';
import { checkPassword, logIn } from '../auth/login.ts';
import { openSession, sessionLifetimeOf } from '../auth/open-session.ts';
import { hashPassword } from '../auth/password.ts';
import { PUBLIC, SIGNED_IN } from '../auth/policy.ts';
import { RESET_LINK_TTL_MS } from '../auth/reset-link.ts';
import { admitResetRequest } from '../auth/reset-request-throttle.ts';
import { sha256Hex } from '../auth/secrets.ts';
import { clearSessionCookie, readDeviceCookie, writeDeviceCookie, writeSessionCookie } from '../auth/session-cookie.ts';
import { AppError } from '../errors.ts';
import { clientIp, recordAudit } from '../http/audit.ts';
import { choosePasswordWithLink, requestPasswordReset } from '../use-cases/password-reset.ts';
import { ClinicAccessSchema, EmailSchema, NewPasswordSchema, SessionSchema, UserSchema, userView } from './account-schemas.ts';
import { errorResponses, jsonBody, jsonContent } from './openapi-helpers.ts';
import { forgetSessions } from '../auth/forget-sessions.ts';

/**
 * Browsers need only the HttpOnly cookie, so the token stays out of reach of page scripts; an API
 * client that wants a bearer token says so.
 */
const BearerTokenWanted = z.boolean().default(false).openapi({ description: 'true: also answer the session token, for an API client sending `Authorization: Bearer`' });

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in with e-mail and password; sets the session cookie (and answers the token when asked)',
  middleware: [authorize(PUBLIC)] as const,
  request: jsonBody(z.strictObject({ email: EmailSchema, password: z.string().min(1).max(200), bearerToken: BearerTokenWanted })),
  responses: { 200: jsonContent(SessionSchema, 'Signed in'), ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'RATE_LIMITED') },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'End this session',
  middleware: [authorize(SIGNED_IN)] as const,
  responses: { 204: { description: 'Signed out' }, ...errorResponses('UNAUTHORIZED', 'FORBIDDEN') },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in user and the clinics they may see, with their role in each',
  middleware: [authorize(SIGNED_IN)] as const,
  responses: {
    200: jsonContent(z.object({ user: UserSchema, clinics: z.array(ClinicAccessSchema) }), 'The caller'),
    ...errorResponses('UNAUTHORIZED'),
  },
});

const changeOwnPassword = createRoute({
  method: 'post',
  path: '/auth/password',
  tags: ['auth'],
  summary: 'Change your password; every other session ends',
  middleware: [authorize(SIGNED_IN)] as const,
  request: jsonBody(z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: NewPasswordSchema, bearerToken: BearerTokenWanted })),
  responses: { 200: jsonContent(SessionSchema, 'Changed; a new session replaces the old ones'), ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'RATE_LIMITED') },
});

const SetupTokenSchema = z.string().min(20).max(100);

// POST with the token in the body: a token in a path would sit in every access log on the way.
const readSetupLink = createRoute({
  method: 'post',
  path: '/auth/setup/read',
  tags: ['auth'],
  summary: 'Whom a setup link is for, while it is valid',
  middleware: [authorize(PUBLIC)] as const,
  request: jsonBody(z.strictObject({ token: SetupTokenSchema })),
  responses: {
    200: jsonContent(
      z.object({ email: z.string(), reset: z.boolean().openapi({ description: 'true: a forgotten password the person asked to reset; false: an invitation' }) }),
      'The link is valid',
    ),
    ...errorResponses('NOT_FOUND'),
  },
});

const useSetupLink = createRoute({
  method: 'post',
  path: '/auth/setup',
  tags: ['auth'],
  summary: 'Choose a password with a one-time setup link (an invitation or a reset), and sign in; every other session ends',
  middleware: [authorize(PUBLIC)] as const,
  request: jsonBody(z.strictObject({ token: SetupTokenSchema, password: NewPasswordSchema, bearerToken: BearerTokenWanted })),
  responses: { 200: jsonContent(SessionSchema, 'Password set, signed in'), ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'FORBIDDEN') },
});

/** The one answer to a reset request, whatever the address: it must not tell whether an account has it. */
const RESET_REQUESTED = {
  message: `If this address belongs to an account, a link to choose a new password has been e-mailed to it; it works once, for ${RESET_LINK_TTL_MS / 60_000} minutes.`,
};

const forgotPassword = createRoute({
  method: 'post',
  path: '/auth/forgot-password',
  tags: ['auth'],
  summary: 'Ask for a one-time link to choose a new password, by e-mail; the same answer for every address',
  middleware: [authorize(PUBLIC)] as const,
  request: jsonBody(z.strictObject({ email: EmailSchema })),
  responses: {
    202: jsonContent(z.object({ message: z.string() }), 'Heard; the link is e-mailed if the address belongs to an enabled account'),
    ...errorResponses('VALIDATION_FAILED', 'FORBIDDEN', 'RATE_LIMITED'),
  },
});

/** Whoever asks for a reset link is not signed in: the audit names the account only as the target. */
const ANONYMOUS = { kind: 'user_id', userId: null, role: null } as const;

const invalidLink = () => new AppError('NOT_FOUND', 'This link is invalid, already used or expired');

function refusedAttempt(retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', 'Too many attempts; try again later', { retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
}

/**
 * Sets the new session's cookie (capped at its absolute lifetime) and answers the user, with the
 * token only when the client asked for it.
 */
function signedInAnswer(c: Context<AppEnv>, user: UserRow, token: string, bearerToken: boolean) {
  const { idleMs, absoluteMs } = sessionLifetimeOf(c.var.services.config);
  writeSessionCookie(c, token, Math.min(idleMs, absoluteMs) / 1000);
  return bearerToken ? { user: userView(user), token } : { user: userView(user) };
}

export const authRoutes = new OpenAPIHono<AppEnv>()
  .openapi(login, async (c) => {
    // Login CSRF: a page elsewhere must not sign a visitor into an account of its choosing.
    if (c.req.header('Origin') !== undefined) assertSameOrigin(c);
    const { email, password, bearerToken } = c.req.valid('json');
    const { config } = c.var.services;
    const result = await logIn(c.var.services, { email, password, ip: clientIp(c), deviceCookie: readDeviceCookie(c) });
    if (!result.ok) {
      await recordAudit(c, {
        action: 'login', targetType: 'user', targetId: result.code === 'UNAUTHORIZED' ? result.userId : null,
        success: false, errorCode: result.code, actor: { kind: 'user_id', userId: result.code === 'UNAUTHORIZED' ? result.userId : null, role: null },
      });
      if (result.code === 'RATE_LIMITED') throw refusedAttempt(result.retryAfterSeconds);
      // Same words whether the e-mail exists or not.
      throw new AppError('UNAUTHORIZED', 'E-mail or password is incorrect');
    }
    await recordAudit(c, { action: 'login', targetType: 'user', targetId: result.user.id, success: true, actor: { kind: 'user_id', userId: result.user.id, role: result.user.role } });
    // This browser is now known to this account: guesses from its address no longer hold it up.
    writeDeviceCookie(c, await issueDeviceProof(config.ipHashKey, result.user.email), KNOWN_DEVICE_FOR_SECONDS);
    return c.json(signedInAnswer(c, result.user, result.token, bearerToken), 200);
  })
  .openapi(logout, async (c) => {
    const principal = signedInUser(c);
    await revokeSession(c.var.services.db, principal.sessionTokenHash, c.var.services.clock.now());
    await forgetSessions(c.var.services, { tokenHash: principal.sessionTokenHash });
    await closeLiveSockets(c.var.services, { sessionTokenHash: principal.sessionTokenHash }, SOCKET_CLOSE_REASONS.logout);
    await recordAudit(c, { action: 'logout', targetType: 'session', success: true });
    clearSessionCookie(c);
    // The browser's HTTP cache holds revalidated history answers: they leave the phone with the session.
    c.header('Clear-Site-Data', '"cache"');
    return c.body(null, 204);
  })
  .openapi(me, async (c) => {
    const { user } = signedInUser(c);
    const superAdmin = user.role === 'super_admin';
    const clinics = await listVisibleClinics(c.var.services.db, superAdmin ? { all: true } : { memberOf: [...user.clinics.keys()] });
    return c.json(
      {
        user: userView(user),
        clinics: clinics.map((clinic) => ({ ...clinic, role: superAdmin ? ('super_admin' as const) : (user.clinics.get(clinic.id) ?? 'staff') })),
      },
      200,
    );
  })
  .openapi(changeOwnPassword, async (c) => {
    const principal = signedInUser(c);
    const { db, clock } = c.var.services;
    const { currentPassword, newPassword, bearerToken } = c.req.valid('json');
    // The same throttle as sign-in: a stolen session must not become a way to guess the password.
    const checked = await checkPassword(c.var.services, { email: principal.user.email, password: currentPassword, ip: clientIp(c), deviceCookie: readDeviceCookie(c) });
    if (!checked.ok) {
      await recordAudit(c, { action: 'password_change', targetType: 'user', targetId: principal.user.id, success: false, errorCode: checked.code });
      if (checked.code === 'RATE_LIMITED') throw refusedAttempt(checked.retryAfterSeconds);
      throw new AppError('UNAUTHORIZED', 'The current password is incorrect');
    }
    const { user } = checked;
    await changePassword(db, user.id, await hashPassword(newPassword), clock.now());
    await forgetSessions(c.var.services, { userId: user.id });
    await closeLiveSockets(c.var.services, { userId: user.id }, SOCKET_CLOSE_REASONS.passwordChange);
    const token = await openSession(c.var.services, { userId: user.id, ip: clientIp(c) });
    await recordAudit(c, { action: 'password_change', targetType: 'user', targetId: user.id, success: true });
    return c.json(signedInAnswer(c, user, token, bearerToken), 200);
  })
  .openapi(readSetupLink, async (c) => {
    const { db, clock } = c.var.services;
    const link = await openSetupLinkOf(db, await sha256Hex(c.req.valid('json').token), clock.now());
    if (link === undefined) throw invalidLink();
    return c.json({ email: link.user.email, reset: link.reset }, 200);
  })
  .openapi(useSetupLink, async (c) => {
    if (c.req.header('Origin') !== undefined) assertSameOrigin(c);
    const { token, password, bearerToken } = c.req.valid('json');
    const chosen = await choosePasswordWithLink(c.var.services, { token, password, ip: clientIp(c) });
    if (!chosen.ok) {
      await recordAudit(c, { action: 'password_setup', targetType: 'user', success: false, errorCode: 'NOT_FOUND', actor: ANONYMOUS });
      throw invalidLink();
    }
    const { user, sessionToken, reset } = chosen.value;
    await recordAudit(c, { action: reset ? 'password_reset' : 'password_setup', targetType: 'user', targetId: user.id, success: true, actor: { kind: 'user_id', userId: user.id, role: user.role } });
    return c.json(signedInAnswer(c, user, sessionToken, bearerToken), 200);
  })
  .openapi(forgotPassword, async (c) => {
    // A page elsewhere must not make a visitor's browser mail links to addresses of its choosing.
    if (c.req.header('Origin') !== undefined) assertSameOrigin(c);
    const { email } = c.req.valid('json');
    const { db, clock, config, logger } = c.var.services;
    const verdict = await admitResetRequest(db, { email, ip: clientIp(c), now: clock.now(), hashKey: config.ipHashKey });
    if (!verdict.allowed) {
      await recordAudit(c, { action: 'password_reset_request', targetType: 'user', success: false, errorCode: 'RATE_LIMITED', actor: ANONYMOUS });
      throw refusedAttempt(verdict.retryAfterSeconds);
    }
    // Whether the address has an account is looked up only after the answer has left: the answer,
    // its headers and its timing are the same for every address.
    c.executionCtx.waitUntil(
      requestPasswordReset(c.var.services, email)
        .then(({ userId, outcome }) =>
          recordAudit(c, { action: 'password_reset_request', targetType: 'user', targetId: userId, success: outcome === 'mailed', actor: ANONYMOUS, detail: { outcome } }),
        )
        .catch((error: unknown) => logger.error('password reset request failed', error)),
    );
    return c.json(RESET_REQUESTED, 202);
  });
