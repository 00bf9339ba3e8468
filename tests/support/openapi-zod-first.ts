/**
 * Loaded before each workers test file. zod 4 gives a schema its methods when it is created, and
 * `@hono/zod-openapi` adds `.openapi` to those created after it loads. The Worker loads it first
 * (worker/index.ts → app.ts), but a test importing a wire schema (worker/domain/*.ts, plain zod)
 * before anything else would create those schemas without it, and the Worker it then calls through
 * SELF shares the test's modules.
 */
import '@hono/zod-openapi';
