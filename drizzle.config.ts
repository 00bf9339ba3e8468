import { defineConfig } from 'drizzle-kit';

// Generation only reads the schema; migrations are applied by `npm run db:migrate`.
export default defineConfig({
  dialect: 'turso',
  schema: './db/schema/index.ts',
  out: './migrations',
});
