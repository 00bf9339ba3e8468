/** Temporary: moves here from db/seed once the seed work settles. */
export * from '../seed/queue-writes.ts';
