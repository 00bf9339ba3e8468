import { isolateRecorder } from '../metrics/recorder.ts';
import { createLogger } from './logger.ts';
import { createRuntime, type Runtime } from './runtime.ts';

/**
 * A Durable Object's runtime, built once when the object starts. Its increments (query timings
 * included) join the isolate's pending batch like a request's, flushed through the object's own
 * `waitUntil`; its log lines name the class.
 */
export function durableObjectRuntime(ctx: DurableObjectState, env: Env, className: string): Runtime {
  const metrics = isolateRecorder({ env, waitUntil: (promise) => ctx.waitUntil(promise) });
  return createRuntime(env, { logger: createLogger({ durableObject: className }), metrics });
}
