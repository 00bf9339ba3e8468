/**
 * The back office's failed jobs, recent errors and quick actions (`/api/v1/admin/jobs/failed`,
 * `/admin/errors`, `/admin/quick-actions`). Each resolves with an answer checked against the
 * Worker's own schemas (worker/domain/back-office-wire.ts), or rejects with the errors of client.ts
 * (NOT_FOUND: the failed job is already gone; CONFLICT: it is no job and can only be deleted).
 */
import {
  FailedJobPageSchema,
  QuickActionsSchema,
  RecentErrorsSchema,
  type FailedJobPage,
  type QuickActions,
  type RecentErrors,
} from '../../../worker/domain/back-office-wire.ts';
import { parseAnswer } from './answer';
import { api, callApi, segment } from './client';

export type { FailedJob, FailedJobPage, QuickActions, RecentError, RecentErrors } from '../../../worker/domain/back-office-wire.ts';

const failed = api.admin.jobs.failed;

export async function fetchFailedJobs(page: number, pageSize: number): Promise<FailedJobPage> {
  return parseAnswer(FailedJobPageSchema, 'failed jobs', await callApi(failed.$get({ query: { page: String(page), pageSize: String(pageSize) } })));
}

/** Sends the job to the queue again; the failed job is gone from the list once this resolves. */
export async function retryFailedJob(id: string): Promise<void> {
  await callApi(failed[':id'].retry.$post({ param: { id: segment(id) } }));
}

export async function deleteFailedJob(id: string): Promise<void> {
  await callApi(failed[':id'].$delete({ param: { id: segment(id) } }));
}

export async function fetchRecentErrors(days: number): Promise<RecentErrors> {
  return parseAnswer(RecentErrorsSchema, 'recent errors', await callApi(api.admin.errors.$get({ query: { days: String(days) } })));
}

export async function fetchQuickActions(): Promise<QuickActions> {
  return parseAnswer(QuickActionsSchema, 'quick actions', await callApi(api.admin['quick-actions'].$get()));
}
