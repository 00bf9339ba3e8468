import type { Principal } from './auth/principal.ts';
import type { Logger } from './runtime/logger.ts';
import type { Runtime } from './runtime/runtime.ts';

/** Hono's typing of this app: the Worker's bindings and what middleware put on `c.var`. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    logger: Logger;
    /** The request's runtime (worker/http/request-runtime.ts); the name predates it. */
    services: Runtime;
    /** Set by `authorize` on every non-public route. */
    principal: Principal;
    /** The clinic a clinic-scoped route (or an API key) acts on, once authorised. */
    clinicId: string;
  };
}
