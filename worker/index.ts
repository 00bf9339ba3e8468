import { createApp } from './app.ts';

export { ClinicQueue } from './clinic-queue.ts';
export { LibsqlWriter } from './libsql-writer.ts';

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
