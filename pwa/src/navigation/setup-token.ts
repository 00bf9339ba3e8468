/**
 * The token of a setup link `https://host/setup#<token>`. It travels in the fragment, which
 * browsers never send to a server, so it stays out of access logs and Referer headers.
 * Null when the fragment is empty or malformed.
 */
export function setupTokenFrom(hash: string): string | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  let token: string;
  try {
    token = decodeURIComponent(raw).trim();
  } catch {
    return null;
  }
  return token === '' ? null : token;
}
