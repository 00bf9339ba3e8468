/** Where read-only share links open (`<PUBLIC_URL>/shared/<token>`). */
export const SHARED_PATH_PREFIX = '/shared/';

/** Whether the page was opened on a share link: then it is the shared app, not Pulse's signed-in one. */
export function isSharedPath(pathname: string): boolean {
  return pathname.startsWith(SHARED_PATH_PREFIX);
}
