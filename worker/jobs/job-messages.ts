/**
 * The work the cron triggers hand to `pulse-jobs` (a Cloudflare Queue). A cron handler only decides
 * what is due and enqueues these; the job consumer does the work, with retries and dead letters,
 * so the same code scales from one clinic to a hundred thousand. Every job is safe to run twice:
 * a cron may fire twice and a message may be redelivered.
 */
import { z } from 'zod';
import { ALERT_KINDS } from '../domain/vocabulary.ts';

const Instant = z.number().int().nonnegative();
const Monday = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

export const JobMessageSchema = z.discriminatedUnion('type', [
  /** Check the alert rules of these kinds at `at` (every 5 minutes; churn risk once a day). */
  z.object({ type: z.literal('alerts.evaluate'), at: Instant, kinds: z.array(z.enum(ALERT_KINDS)).min(1) }),
  /** Tell the recipients of one alert about its fire or reminder (`noticeAt` names which). */
  z.object({ type: z.literal('alert.deliver'), alertId: z.string().min(1), noticeAt: Instant }),
  /** Send the alert pushes held by quiet hours that are over at `at` (every 5 minutes, with the alerts). */
  z.object({ type: z.literal('alerts.release_held'), at: Instant }),
  /** A clinic's Monday digest to its owners, for the week starting `weekStart`. */
  z.object({ type: z.literal('digest.clinic'), clinicId: z.string().min(1), weekStart: Monday }),
  /** The super admin's business digest for the week starting `weekStart`. */
  z.object({ type: z.literal('digest.service'), weekStart: Monday }),
  /** Score a clinic's frozen forecasts of the days that have ended and freeze today's (its first hour). */
  z.object({ type: z.literal('forecast.clinic'), clinicId: z.string().min(1), at: Instant }),
  /** Refit the service's walk-out model from a sample of clinics' last four weeks, as of `at`. */
  z.object({ type: z.literal('walk_out_model.refresh'), at: Instant }),
  /** Delete raw rows past the retention window, as of `at`. */
  z.object({ type: z.literal('retention.run'), at: Instant }),
  /** Write the business snapshots of the finished UTC days that have none, as of `at`. */
  z.object({ type: z.literal('business_snapshot.run'), at: Instant }),
]);

export type JobMessage = z.infer<typeof JobMessageSchema>;
export type JobType = JobMessage['type'];

/** Every job type: the label values of `pulse_jobs_total`. */
export const JOB_TYPES = JobMessageSchema.options.map((option) => option.shape.type.value) as readonly JobType[];

/** Cloudflare Queues takes at most this many messages per `sendBatch`. */
export const SEND_BATCH_LIMIT = 100;

/** The part of a Queues producer binding (`env.JOBS`) enqueueing uses. */
export interface JobProducer {
  sendBatch(messages: Iterable<{ body: JobMessage; contentType?: 'json' }>): Promise<unknown>;
}

/** Enqueues any number of jobs, in batches Cloudflare Queues accepts. */
export async function enqueueJobs(producer: JobProducer, jobs: readonly JobMessage[]): Promise<void> {
  for (let start = 0; start < jobs.length; start += SEND_BATCH_LIMIT) {
    await producer.sendBatch(jobs.slice(start, start + SEND_BATCH_LIMIT).map((body) => ({ body, contentType: 'json' as const })));
  }
}
