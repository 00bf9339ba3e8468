/**
 * The admin console's reads, each a named query: screens reading the same answer share it, a
 * retry or a change asks the API again for that one answer.
 */
import { createAsync, query, revalidate, type AccessorWithLatest } from '@solidjs/router';
import { fetchAdminClinic, fetchAdminMetrics, fetchAdminTrends, fetchClinicHealth } from '../api/admin';
import { ApiError } from '../api/errors';

export const adminMetricsQuery = query(fetchAdminMetrics, 'adminMetrics');
export const adminTrendsQuery = query(fetchAdminTrends, 'adminTrends');
export const clinicHealthQuery = query(fetchClinicHealth, 'adminClinicHealth');
export const adminClinicQuery = query(fetchAdminClinic, 'adminClinic');

/** Every clinic answer, after a clinic was created, edited, archived or restored. */
export function forgetClinicAnswers(): Promise<void> {
  return revalidate([adminMetricsQuery.key, clinicHealthQuery.key, adminClinicQuery.key]);
}

/** A named query, as `query()` makes it: called with its arguments, keyed by them. */
type NamedQuery<Args extends unknown[], Answer> = ((...args: Args) => Promise<Answer>) & { keyFor: (...args: Args) => string };

export interface AdminRead<Answer> {
  /** Suspends while the first answer loads; throws the failure to the nearest error boundary. */
  answer: AccessorWithLatest<Answer | undefined>;
  /** Asks the API again for the answer on screen, after a failure. */
  retry: () => void;
}

/**
 * One admin answer for the arguments of the moment, read again when they change. UNAUTHORIZED
 * or NOT_FOUND may mean the session ended or is no longer the super admin's (the API answers 404
 * to anyone else): the session is asked again through `onRefused`, and the layout follows it.
 * `asked` names its tuple at the call (`(): [string] => [clinicId]`): a bare array literal would
 * be read as `string[]`, which no query of one argument takes.
 */
export function createAdminRead<Args extends unknown[], Answer>(
  read: NamedQuery<Args, Answer>,
  asked: () => NoInfer<Args>,
  onRefused: () => void,
): AdminRead<Answer> {
  const answer = createAsync(() =>
    read(...asked()).catch((error: unknown) => {
      if (error instanceof ApiError && (error.code === 'UNAUTHORIZED' || error.code === 'NOT_FOUND')) onRefused();
      throw error;
    }),
  );
  return { answer, retry: () => void revalidate(read.keyFor(...asked())) };
}
