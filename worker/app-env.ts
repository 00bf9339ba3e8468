import type { Principal } from './auth/principal.ts';
import type { Logger } from './services/logger.ts';
import type { Services } from './services/services.ts';

/** Hono's typing of this app: the Worker's bindings and what middleware put on `c.var`. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    logger: Logger;
    services: Services;
    /** Set by `authorize` on every non-public route. */
    principal: Principal;
    /** The clinic a clinic-scoped route (or an API key) acts on, once authorised. */
    clinicId: string;
  };
}
