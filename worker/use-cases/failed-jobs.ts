/**
 * The back office's failed jobs (PRODUCT "Failed jobs"): the dead letters as the super admin reads
 * them, and replaying or discarding one. A dead letter is taken (deleted) before anything else, so
 * of two clicks on the same letter exactly one acts and the other finds nothing.
 */
import { deadLetterOfMessage } from '../../db/queries/dead-letter-rows.ts';
import { clinicsOfJobs, deadLetterPage, keepDeadLetters, takeDeadLetter } from '../../db/queries/dead-letters.ts';
import type { FailedJob, FailedJobPage } from '../domain/back-office-wire.ts';
import { jobOf, jobScope } from '../domain/failed-jobs.ts';
import { enqueueJobs } from '../jobs/job-messages.ts';
import type { Runtime } from '../runtime/runtime.ts';

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

export async function failedJobPage(db: Runtime['db'], page: number, pageSize: number): Promise<FailedJobPage> {
  const { rows, total } = await deadLetterPage(db, { limit: pageSize, offset: (page - 1) * pageSize });
  const letters = rows.map((row) => ({ row, job: jobOf(row.body) }));
  const scopes = letters.map(({ job }) => jobScope(job));
  const { clinicOfAlert, clinicName } = await clinicsOfJobs(db, {
    clinicIds: scopes.flatMap((scope) => scope.clinicId ?? []),
    alertIds: scopes.flatMap((scope) => scope.alertId ?? []),
  });
  const jobs = letters.map(({ row, job }, index): FailedJob => {
    const scope = scopes[index] ?? jobScope(null);
    const clinicId = scope.clinicId ?? (scope.alertId === null ? null : (clinicOfAlert.get(scope.alertId) ?? null));
    return {
      id: row.messageId,
      kind: row.jobType,
      scope: { clinicId, clinicName: clinicId === null ? null : (clinicName.get(clinicId) ?? null), alertId: scope.alertId, weekStart: scope.weekStart, at: iso(scope.at) },
      error: row.error,
      attempts: row.attempts,
      firstFailedAt: iso(row.firstFailedAt),
      lastFailedAt: iso(row.lastFailedAt),
      receivedAt: new Date(row.receivedAt).toISOString(),
      retryable: job !== null,
    };
  });
  return { jobs, page, pageSize, total };
}

export type DeadLetterOutcome = { done: true; job: string } | { done: false; refusal: 'no_such_letter' | 'not_a_job' };

/**
 * Sends a dead letter's job to the jobs queue again, as a new message with the full retries, and
 * removes the letter (a replay that fails again comes back as a new letter). A body that is no job
 * is left as it is: it can only be deleted. If the queue refuses the send, the letter is put back.
 */
export async function retryDeadLetter(runtime: Pick<Runtime, 'db' | 'jobs'>, messageId: string): Promise<DeadLetterOutcome> {
  // Read first: a body that is no job is refused without being touched.
  const seen = await deadLetterOfMessage(runtime.db, messageId);
  if (seen === undefined) return { done: false, refusal: 'no_such_letter' };
  const job = jobOf(seen.body);
  if (job === null) return { done: false, refusal: 'not_a_job' };
  const letter = await takeDeadLetter(runtime.db, messageId);
  if (letter === undefined) return { done: false, refusal: 'no_such_letter' };
  try {
    await enqueueJobs(runtime.jobs, [job]);
  } catch (error) {
    await keepDeadLetters(runtime.db, [letter]);
    throw error;
  }
  return { done: true, job: letter.jobType };
}

/** Removes a dead letter for good. */
export async function discardDeadLetter(db: Runtime['db'], messageId: string): Promise<DeadLetterOutcome> {
  const letter = await takeDeadLetter(db, messageId);
  return letter === undefined ? { done: false, refusal: 'no_such_letter' } : { done: true, job: letter.jobType };
}
