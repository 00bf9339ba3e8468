/**
 * What the back office keeps and shows of a job that failed (PRODUCT "Failed jobs"): its error as a
 * short message, never a body or a stack, and what the job was about, from the known fields of its
 * message. Pure: the job consumer keeps failures with it and the admin routes read dead letters with it.
 */
import { JobMessageSchema, type JobMessage } from '../jobs/job-messages.ts';

/** A failure's message is a line someone reads, not a log: cut beyond this many characters. */
export const JOB_ERROR_MAX_CHARACTERS = 500;
/** The error a dead letter that never was a job carries: nothing was attempted. */
export const UNREADABLE_JOB_ERROR = 'Not a job this version of Pulse can read';

/** Anything shaped like an e-mail address: a mail server's refusal may quote the recipient. */
const ADDRESS = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;

/**
 * A failed attempt's error as kept: the message alone (no stack, no cause), addresses masked,
 * whitespace folded, at most JOB_ERROR_MAX_CHARACTERS characters.
 */
export function jobErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const text = message.replace(ADDRESS, '[address]').replace(/\s+/g, ' ').trim() || 'Unknown error';
  return text.length <= JOB_ERROR_MAX_CHARACTERS ? text : `${text.slice(0, JOB_ERROR_MAX_CHARACTERS - 1)}…`;
}

/**
 * What a job is about, from its message's known fields: the clinic, the alert, the week, the
 * instant. Job messages carry ids and times only, never a person's data; null where a job has no
 * such field, all null for a body that is no job.
 */
export interface JobScope {
  clinicId: string | null;
  alertId: string | null;
  weekStart: string | null;
  at: number | null;
}

export function jobOf(body: string): JobMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = JobMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function jobScope(job: JobMessage | null): JobScope {
  const fields: Partial<Record<string, unknown>> = job ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    clinicId: text(fields.clinicId),
    alertId: text(fields.alertId),
    weekStart: text(fields.weekStart),
    at: typeof fields.at === 'number' ? fields.at : typeof fields.noticeAt === 'number' ? fields.noticeAt : null,
  };
}
