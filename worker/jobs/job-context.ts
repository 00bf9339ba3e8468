import type { Database } from '../../db/client.ts';
import type { Config } from '../env.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { SeriesTotals } from '../metrics/batch.ts';
import type { Logger } from '../services/logger.ts';

/** What a background job may use: built once per queue batch from that invocation's environment. */
export interface JobContext {
  env: Env;
  config: Config;
  db: Database;
  mailer: Mailer;
  now(): number;
  logger: Logger;
  /** Counters of this batch (e-mails and pushes sent), added to the Metrics object once it is done. */
  metrics: SeriesTotals;
}
