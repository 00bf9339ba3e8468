/** The whole Pulse schema; drizzle-kit reads this file to generate `migrations/`. */
export * from './accounts.ts';
export * from './activity.ts';
export * from './alerts.ts';
export * from './api-keys.ts';
export * from './audit.ts';
export * from './business.ts';
export * from './clinics.ts';
export * from './forecasts.ts';
export * from './invitations.ts';
export * from './jobs.ts';
export * from './mail.ts';
export * from './models.ts';
export * from './notifications.ts';
export * from './queue.ts';
export * from './rollups.ts';
export * from './sharing.ts';
