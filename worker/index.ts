import { createApp } from './app.ts';

export { ClinicQueue } from './clinic-queue.ts';

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
