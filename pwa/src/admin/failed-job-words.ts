/** A failed job in words: which job it was, and what it was about. */
import type { FailedJob } from '../api/back-office';
import type { Messages } from '../i18n/fr';

/** The job's name, or its type as the API said it (a job newer than this PWA keeps its code). */
export function jobKindWords(kind: string, messages: Messages): string {
  return Object.hasOwn(messages.jobKinds, kind) ? (messages.jobKinds[kind] ?? kind) : kind;
}

/** What the job was about: its clinic by name (else id), else its week, else the whole service. */
export function jobScopeWords(scope: FailedJob['scope'], messages: Messages): string {
  if (scope.clinicId !== null) return scope.clinicName ?? scope.clinicId;
  if (scope.weekStart !== null) return messages.failedJobWeek(scope.weekStart);
  return messages.failedJobWholeService;
}
