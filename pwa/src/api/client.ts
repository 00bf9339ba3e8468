import { API_ERROR_CODES, ApiError, ServerUnreachableError, UnexpectedAnswerError, type ApiErrorCode } from './errors';
import { isRecord } from './json';

/** Past this a hanging server counts as unreachable: a phone on a weak network must not wait forever. */
const API_TIMEOUT_MS = 15_000;

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /**
   * Let the browser keep the answer and revalidate it with its ETag (a 304 costs no body): for
   * answers the API marks cacheable (history). Everything else is never stored.
   */
  revalidate?: boolean;
}

/**
 * Calls Pulse's API on this origin with the session cookie, never a stored token: the cookie is
 * HttpOnly, so no script can read it. Writes carry the page's Origin header on their own, which
 * the API's CSRF check requires. Resolves with the JSON body (null for 204 No Content); rejects
 * with ServerUnreachableError, ApiError or UnexpectedAnswerError.
 */
export async function callApi(path: string, request: ApiRequest = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = {
    method: request.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    cache: request.revalidate === true ? 'no-cache' : 'no-store',
    signal: AbortSignal.timeout(API_TIMEOUT_MS),
  };
  if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(request.body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    throw new ServerUnreachableError('no answer from the server', { cause });
  }
  return readApiResponse(response);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    const body: unknown = await response.json();
    return body;
  } catch {
    return undefined;
  }
}

function isErrorCode(value: unknown): value is ApiErrorCode {
  return API_ERROR_CODES.some((code) => code === value);
}

function retryAfter(details: Record<string, unknown>, header: string | null): number | null {
  const fromDetails = details['retryAfterSeconds'];
  if (typeof fromDetails === 'number' && Number.isFinite(fromDetails) && fromDetails >= 0) return fromDetails;
  const fromHeader = header === null || header.trim() === '' ? Number.NaN : Number(header);
  return Number.isFinite(fromHeader) && fromHeader >= 0 ? fromHeader : null;
}

/** Reads Pulse's error shape `{"error": {code, message, details}}`; null for anything else. */
function parseApiError(body: unknown, response: Response): ApiError | null {
  if (!isRecord(body) || !isRecord(body['error'])) return null;
  const { code, message, details } = body['error'];
  if (!isErrorCode(code) || typeof message !== 'string') return null;
  const known = isRecord(details) ? details : {};
  return new ApiError({
    status: response.status,
    code,
    message,
    details: known,
    retryAfterSeconds: retryAfter(known, response.headers.get('retry-after')),
  });
}

/** Sorts an HTTP answer into data, one of Pulse's refusals, an unreachable server or a broken contract. */
export async function readApiResponse(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const body = await readJson(response);
  if (response.ok) {
    if (body === undefined) throw new UnexpectedAnswerError(`HTTP ${response.status} without a JSON body`);
    return body;
  }
  const refusal = parseApiError(body, response);
  if (refusal !== null) throw refusal;
  // Pulse always answers in its error shape; other 5xx pages come from the edge in front of a
  // stopped or crashed worker.
  if (response.status >= 500) throw new ServerUnreachableError(`HTTP ${response.status}`);
  throw new UnexpectedAnswerError(`HTTP ${response.status} outside Pulse's error shape`);
}
