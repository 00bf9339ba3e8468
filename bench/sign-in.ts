/** Signs in through the API as a browser would and returns the session cookie (`name=value`). */
export async function sessionCookie(origin: string, credentials: { email: string; password: string }): Promise<string> {
  const login = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!login.ok) throw new Error(`sign-in of ${credentials.email} failed: ${login.status}`);
  // The device cookie comes too (worker/auth/known-device.ts): keep the session's.
  return login.headers.getSetCookie().find((cookie) => cookie.startsWith('pulse_session='))?.split(';')[0] ?? '';
}
