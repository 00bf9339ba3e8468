/** The API of an e2e stack as the queue app and the clinic's people call it: bearer tokens, JSON both ways. */

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
