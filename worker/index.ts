import { createApp } from './app.ts';
import { handleJobBatch } from './jobs/job-consumer.ts';
import { handleScheduled } from './scheduled.ts';

export { ClinicQueue } from './clinic-queue/clinic-queue.ts';
export { LibsqlWriter } from './libsql-writer/libsql-writer.ts';
export { Metrics } from './metrics/metrics.ts';
export { SessionDirectory } from './session-directory/session-directory.ts';

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled: (controller, env) => handleScheduled(controller, env),
  // Cloudflare names this handler `queue`; in Pulse its messages are jobs.
  queue: (batch, env) => handleJobBatch(batch, env),
} satisfies ExportedHandler<Env>;
