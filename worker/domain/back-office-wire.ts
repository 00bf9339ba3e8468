/**
 * The answers of the back office's failed jobs, recent errors and quick actions, shared by the
 * Worker and the PWA. None carries a job's body or a request's: a dead letter says what its job
 * was about by ids and times, an error where and what Pulse answered.
 */
import { z } from 'zod';

export const FAILED_JOBS_MAX_PAGE_SIZE = 100;

export const FailedJobSchema = z.object({
  id: z.string().describe('The queue message id the job died under'),
  kind: z.string().describe('The job type, or `unreadable` for a body that is no job'),
  scope: z
    .object({
      clinicId: z.string().nullable(),
      clinicName: z.string().nullable(),
      alertId: z.string().nullable(),
      weekStart: z.string().nullable(),
      at: z.string().datetime().nullable().describe('The instant the job was for (its `at` or `noticeAt`)'),
    })
    .describe("What the job was about, from its message's known fields; the clinic also through an alert's"),
  error: z.string().nullable().describe("The last failed attempt's error message; null when none was recorded"),
  attempts: z.number().int(),
  firstFailedAt: z.string().datetime().nullable(),
  lastFailedAt: z.string().datetime().nullable(),
  receivedAt: z.string().datetime().describe('When it reached the dead letters'),
  retryable: z.boolean().describe('False for a body that is no job: it can only be deleted'),
});

export const FailedJobPageSchema = z.object({
  jobs: z.array(FailedJobSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export type FailedJob = z.infer<typeof FailedJobSchema>;
export type FailedJobPage = z.infer<typeof FailedJobPageSchema>;

export const RecentErrorSchema = z.object({
  at: z.string().datetime(),
  requestId: z.string().describe("The answer's X-Request-Id"),
  route: z.string().describe('The route pattern, never the path'),
  method: z.string(),
  status: z.number().int(),
  code: z.string().nullable().describe("The error shape's code; null for a 5xx answered on purpose (health degraded)"),
  message: z.string().nullable().describe("The error shape's message, as the client read it"),
});

export const RecentErrorsSchema = z.object({ days: z.number().int(), errors: z.array(RecentErrorSchema) });

export type RecentError = z.infer<typeof RecentErrorSchema>;
export type RecentErrors = z.infer<typeof RecentErrorsSchema>;

export const QuickActionsSchema = z.object({
  failedJobs24h: z.number().int().describe('Jobs that reached the dead letters in the last 24 hours, still there'),
  openAlerts: z.number().int().describe('Alerts firing now (not resolved)'),
  pendingInvitations: z.number().int().describe('Invitations whose link is out and still opens'),
  onboardingClinics: z.number().int().describe('Clinics not archived, never logged in, created under 30 days ago'),
});

export type QuickActions = z.infer<typeof QuickActionsSchema>;
