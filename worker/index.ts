import { createApp } from './app.ts';
import { handleQueue } from './jobs/queue-consumer.ts';
import { handleScheduled } from './scheduled.ts';

export { ClinicQueue } from './clinic-queue.ts';
export { LibsqlWriter } from './libsql-writer.ts';
export { Metrics } from './metrics/metrics.ts';

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled: (controller, env) => handleScheduled(controller, env),
  queue: (batch, env) => handleQueue(batch, env),
} satisfies ExportedHandler<Env>;
