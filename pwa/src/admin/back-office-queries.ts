/**
 * The back office's failed jobs, recent errors and quick actions as named queries (read through
 * session/screen-read.ts), and what a retry or a deletion makes stale.
 */
import { query, revalidate } from '@solidjs/router';
import { fetchFailedJobs, fetchQuickActions, fetchRecentErrors } from '../api/back-office';

export const quickActionsQuery = query(fetchQuickActions, 'adminQuickActions');
export const failedJobsQuery = query(fetchFailedJobs, 'adminFailedJobs');
export const recentErrorsQuery = query(fetchRecentErrors, 'adminRecentErrors');

/** A page of failed jobs: the newest 25, as the clinic table pages. */
export const FAILED_JOBS_PAGE_SIZE = 25;
/** The errors page shows the whole window the API keeps. */
export const RECENT_ERROR_DAYS = 7;

/** After a failed job was retried or deleted: the list and the home's count. */
export function forgetFailedJobAnswers(): Promise<void> {
  return revalidate([failedJobsQuery.key, quickActionsQuery.key]);
}
