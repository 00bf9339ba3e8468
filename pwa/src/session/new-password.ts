import type { Messages } from '../i18n/fr';

/** The API's bounds for a new password (NewPasswordSchema in worker/routes/account-schemas.ts). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export type NewPasswordProblem = 'tooShort' | 'tooLong' | 'mismatch';

/**
 * Checks a new password typed twice before it is sent, so the answer comes at once and in words.
 * Length is counted like the API counts it (UTF-16 code units).
 */
export function checkNewPassword(password: string, confirmation: string): NewPasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'tooLong';
  if (password !== confirmation) return 'mismatch';
  return null;
}

export function describeNewPasswordProblem(problem: NewPasswordProblem, messages: Messages): string {
  switch (problem) {
    case 'tooShort':
      return messages.passwordTooShort(PASSWORD_MIN_LENGTH);
    case 'tooLong':
      return messages.passwordTooLong(PASSWORD_MAX_LENGTH);
    case 'mismatch':
      return messages.passwordMismatch;
  }
}
