/**
 * The API's routes as the PWA's typed client sees them, for declaration emit only (never bundled,
 * never run): `npm run types:api` compiles this file with the Worker's own options and globals
 * into pwa/generated/, and the PWA imports that declaration with `import type`.
 *
 * The routes' schema is printed inline there, without the Worker's environment (`Env`, its
 * services, drizzle, libSQL): a declaration that kept `AppEnv` would pull the Worker's and Node's
 * globals into the PWA's program, where `process` or `caches.default` would then type-check.
 */
import type { Hono } from 'hono';
import type { BlankEnv } from 'hono/types';
import type { AppType } from '../../worker/app.ts';
import type { ErrorCode } from '../../worker/errors.ts';

type WithoutEnv<App> = App extends Hono<infer _Env, infer Schema, infer BasePath> ? Hono<BlankEnv, Schema, BasePath> : never;

declare const routes: WithoutEnv<AppType>;

/** Only its type is used (`typeof apiRoutes`): a value, so that the emitted declaration spells it out. */
export const apiRoutes = routes;

/**
 * The codes of the API's one error shape, which routes do not carry in their types. A template
 * type, so that the declaration lists the codes rather than naming worker/errors.ts.
 */
declare const errorCode: `${ErrorCode}`;

export const apiErrorCode = errorCode;
