/** The API of an e2e stack as the queue app and the clinic's people call it: bearer tokens, JSON both ways. */
import type { Page } from 'playwright-core';

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export interface ApiCallInit {
  method?: string;
  token?: string;
  json?: unknown;
}

/** Calls `/api/v1<path>` on the stack whose URL `baseUrl` gives (read at each call: stacks start in `beforeAll`). */
export function stackApi(baseUrl: () => string): (path: string, init?: ApiCallInit) => Promise<ApiAnswer> {
  return async (path, init = {}) => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (init.token !== undefined) headers.Authorization = `Bearer ${init.token}`;
    if (init.json !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${baseUrl()}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers,
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text) };
  };
}

/** Asks `/api/v1<path>` with a page's own session cookie, as its screens do; anything but 2xx fails the test. */
export function pageApi(baseUrl: () => string): (page: Page, path: string) => Promise<unknown> {
  return async (page, path) => {
    const response = await page.request.get(`${baseUrl()}/api/v1${path}`, { headers: { accept: 'application/json' } });
    if (!response.ok()) throw new Error(`${path}: HTTP ${response.status()}`);
    const body: unknown = await response.json();
    return body;
  };
}

/** The value at `path` in a parsed answer, or undefined. */
export function field(value: unknown, ...path: Array<string | number>): unknown {
  let at = value;
  for (const key of path) at = typeof at === 'object' && at !== null ? Reflect.get(at, key) : undefined;
  return at;
}

/** The string at `path` in a parsed answer; anything else fails the test with the answer's start. */
export function text(value: unknown, ...path: Array<string | number>): string {
  const found = field(value, ...path);
  if (typeof found !== 'string') throw new Error(`no text at ${path.join('.')} in ${JSON.stringify(value).slice(0, 300)}`);
  return found;
}

/**
 * The super admin (signed in with `token`) opens a clinic and invites its owner, who chooses
 * `owner.password` from the link: the demo keeps its mail in the outbox, so the API hands the link
 * over. Returns the clinic's id.
 */
export async function openClinicWithOwner(
  call: (path: string, init?: ApiCallInit) => Promise<ApiAnswer>,
  token: string,
  clinic: { name: string; timezone: string; planPrice: number; smsUnitCost: number },
  owner: { email: string; password: string },
): Promise<string> {
  const created = await call('/admin/clinics', { method: 'POST', token, json: clinic });
  const clinicId = text(created.body, 'clinic', 'clinicId');
  const invitation = await call(`/admin/clinics/${clinicId}/owners`, { method: 'POST', token, json: { email: owner.email } });
  const setupToken = new URL(text(invitation.body, 'setupUrl')).hash.slice(1);
  const setup = await call('/auth/setup', { method: 'POST', json: { token: setupToken, password: owner.password } });
  if (setup.status !== 200) throw new Error(`setting up ${owner.email}: HTTP ${setup.status} ${JSON.stringify(setup.body)}`);
  return clinicId;
}
