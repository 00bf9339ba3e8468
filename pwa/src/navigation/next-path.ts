/** Screens that make no sense to come back to after signing in. */
const NOT_A_DESTINATION = ['/login', '/setup'];

/**
 * Where to go after signing in: the in-app path the user was sent away from, else `/`. Anything
 * that could leave the app (`https://…`, `//host`, `/\host`) is refused, so a crafted link to the
 * login screen cannot forward a fresh session elsewhere.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  const pathname = next.split(/[?#]/, 1)[0] ?? '';
  return NOT_A_DESTINATION.includes(pathname) ? '/' : next;
}

/** The login screen's address, remembering the screen to return to unless that is home. */
export function loginPath(from: string): string {
  const next = safeNextPath(from);
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
