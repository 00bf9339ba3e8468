import type { Messages } from '../i18n/fr';

export type LoginFormProblem = 'email' | 'password';

/**
 * Checks the login form before it is sent. The browser's own validation bubbles are turned off
 * (`novalidate`) because they speak the browser's language, not the one chosen in Pulse.
 */
export function checkLoginForm(email: string, password: string): LoginFormProblem | null {
  if (!looksLikeEmail(email)) return 'email';
  if (password === '') return 'password';
  return null;
}

/** Only the shape a typo breaks (sign-in, forgotten password); the API has the final word on what an address is. */
export function looksLikeEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(email.trim());
}

export function describeLoginFormProblem(problem: LoginFormProblem, messages: Messages): string {
  return problem === 'email' ? messages.errorInvalidEmail : messages.errorPasswordMissing;
}
