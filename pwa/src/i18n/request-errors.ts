import { ApiError, ServerUnreachableError } from '../api/errors';
import type { Messages } from './fr';
import { PASSWORD_MIN_LENGTH } from '../session/new-password';

/** What the user was doing, which decides what a refusal means; `read` is loading a screen's data. */
export type RequestAction = 'login' | 'setup' | 'passwordChange' | 'passwordReset' | 'logout' | 'read';

/** Whole minutes to wait, rounded up so "in 1 min" never comes too early. */
export function minutesToWait(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

function describeInvalidFields(error: ApiError, messages: Messages): string {
  const issues = error.details['issues'];
  const paths = Array.isArray(issues)
    ? issues.map((issue: unknown) => (typeof issue === 'object' && issue !== null && 'path' in issue ? String(issue.path) : ''))
    : [];
  if (paths.some((path) => path.toLowerCase().includes('email'))) return messages.errorInvalidEmail;
  if (paths.some((path) => path.toLowerCase().includes('password'))) return messages.passwordTooShort(PASSWORD_MIN_LENGTH);
  return messages.errorUnexpected;
}

/**
 * A failed account action in words, in the current language. The login answer is the same for an
 * unknown e-mail and a wrong password (the API reveals neither), and so is the message.
 */
export function describeRequestError(error: unknown, action: RequestAction, messages: Messages): string {
  if (error instanceof ServerUnreachableError) return messages.errorServerUnreachable;
  if (!(error instanceof ApiError)) return messages.errorUnexpected;
  switch (error.code) {
    case 'UNAUTHORIZED':
      if (action === 'login') return messages.errorWrongCredentials;
      if (action === 'passwordChange') return messages.errorWrongCurrentPassword;
      return messages.errorUnexpected;
    case 'RATE_LIMITED':
      // The throttle's delays start at a second and double: short ones are said in seconds.
      if (error.retryAfterSeconds === null) return messages.errorTooManyAttemptsLater;
      return error.retryAfterSeconds < 60
        ? messages.errorTooManyAttemptsSeconds(Math.max(1, Math.ceil(error.retryAfterSeconds)))
        : messages.errorTooManyAttempts(minutesToWait(error.retryAfterSeconds));
    case 'NOT_FOUND':
      return action === 'setup' ? messages.setupLinkInvalid : messages.errorUnexpected;
    case 'VALIDATION_FAILED':
      return describeInvalidFields(error, messages);
    case 'FORBIDDEN':
      return messages.errorRefused;
    case 'INTERNAL':
    case 'UNAVAILABLE':
      return messages.errorServiceTrouble;
    default:
      return messages.errorUnexpected;
  }
}
