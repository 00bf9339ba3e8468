/** The account endpoints the PWA calls; each resolves with checked data or rejects (see client.ts). */
import { parseAccount, parseSessionUser, parseSetupLink, type Account, type SetupLink, type User } from './account';
import { api, callApi } from './client';
import { ApiError } from './errors';

/** The signed-in account, or null when this browser holds no valid session. */
export async function fetchAccount(): Promise<Account | null> {
  try {
    return parseAccount(await callApi(api.me.$get()));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHORIZED') return null;
    throw error;
  }
}

/** Signs in; the session cookie comes with the answer. */
export async function logIn(email: string, password: string): Promise<User> {
  return parseSessionUser(await callApi(api.auth.login.$post({ json: { email, password } })));
}

/** Ends this browser's session; already ended counts as done. */
export async function logOut(): Promise<void> {
  try {
    await callApi(api.auth.logout.$post());
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHORIZED') return;
    throw error;
  }
}

/** Whom a setup link is for, and why; null when the link is invalid, already used or expired. */
export async function readSetupLink(token: string): Promise<SetupLink | null> {
  try {
    return parseSetupLink(await callApi(api.auth.setup.read.$post({ json: { token } })));
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_FAILED')) return null;
    throw error;
  }
}

/**
 * Asks for a one-time link to choose a new password, mailed to `email`. The API answers the same
 * whether an account has that address or not, so this resolves alike for both.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  await callApi(api.auth['forgot-password'].$post({ json: { email } }));
}

/** Chooses a password with a setup link (an invitation's first one, or a reset), which signs in and ends every other session. */
export async function completeSetup(token: string, password: string): Promise<User> {
  return parseSessionUser(await callApi(api.auth.setup.$post({ json: { token, password } })));
}

/** Changes the signed-in user's password; the API ends every other session and renews this one. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<User> {
  return parseSessionUser(await callApi(api.auth.password.$post({ json: { currentPassword, newPassword } })));
}
