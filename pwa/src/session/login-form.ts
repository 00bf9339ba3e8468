import type { Messages } from '../i18n/fr';

export type LoginFormProblem = 'email' | 'password';

/**
 * Checks the login form before it is sent. The browser's own validation bubbles are turned off
 * (`novalidate`) because they speak the browser's language, not the one chosen in Pulse.
 */
export function checkLoginForm(email: string, password: string): LoginFormProblem | null {
  // Only the shape a typo breaks; the API has the final word on what an address is.
  if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) return 'email';
  if (password === '') return 'password';
  return null;
}

export function describeLoginFormProblem(problem: LoginFormProblem, messages: Messages): string {
  return problem === 'email' ? messages.errorInvalidEmail : messages.errorPasswordMissing;
}
