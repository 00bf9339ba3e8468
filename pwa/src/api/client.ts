import { hc, type ClientRequestOptions, type ClientResponse } from 'hono/client';
import type { ResponseFormat } from 'hono/types';
import { ApiError, isApiErrorCode, ServerUnreachableError, UnexpectedAnswerError } from './errors';
import { isRecord } from './json';
import type { ApiRoutes, SuccessBody } from './contract';

/** Past this a hanging server counts as unreachable: a phone on a weak network must not wait forever. */
const API_TIMEOUT_MS = 15_000;

/**
 * Every request of the typed client: this origin with the session cookie, never a stored token
 * (the cookie is HttpOnly, so no script can read it); writes carry the page's Origin header on
 * their own, which the API's CSRF check requires. Nothing is stored by the browser unless a call
 * asks for REVALIDATE. No answer at all rejects with ServerUnreachableError.
 */
async function fetchFromApi(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  try {
    return await fetch(input, {
      cache: 'no-store',
      ...init,
      headers,
      credentials: 'same-origin',
      signal: AbortSignal.timeout(API_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new ServerUnreachableError('no answer from the server', { cause });
  }
}

/**
 * Pulse's API under /api/v1, typed by the Worker's routes (`api.me.$get()`): paths, parameters,
 * queries and bodies are checked against them. Send with callApi, which reads the answer.
 */
export const api = hc<ApiRoutes>('/', { fetch: fetchFromApi }).api.v1;

/**
 * For answers the API marks cacheable (history): the browser keeps them and revalidates with
 * their ETag (a 304 costs no body).
 */
export const REVALIDATE = { init: { cache: 'no-cache' } } as const satisfies ClientRequestOptions;

/**
 * A path parameter as its own segment: the client puts parameters into the path as they are, so
 * an id with a slash or a `?` would otherwise change the path.
 */
export const segment = (value: string): string => encodeURIComponent(value);

/** The parameters of every route under `/clinics/{clinicId}`. */
export const clinicParams = (clinicId: string) => ({ clinicId: segment(clinicId) });

async function readJson(response: Response | ClientResponse<unknown, number, ResponseFormat>): Promise<unknown> {
  try {
    const body: unknown = await response.json();
    return body;
  } catch {
    return undefined;
  }
}

function retryAfter(details: Record<string, unknown>, header: string | null): number | null {
  const fromDetails = details['retryAfterSeconds'];
  if (typeof fromDetails === 'number' && Number.isFinite(fromDetails) && fromDetails >= 0) return fromDetails;
  const fromHeader = header === null || header.trim() === '' ? Number.NaN : Number(header);
  return Number.isFinite(fromHeader) && fromHeader >= 0 ? fromHeader : null;
}

/** Reads Pulse's error shape `{"error": {code, message, details}}`; null for anything else. */
function parseApiError(body: unknown, status: number, headers: Headers): ApiError | null {
  if (!isRecord(body) || !isRecord(body['error'])) return null;
  const { code, message, details } = body['error'];
  if (!isApiErrorCode(code) || typeof message !== 'string') return null;
  const known = isRecord(details) ? details : {};
  return new ApiError({ status, code, message, details: known, retryAfterSeconds: retryAfter(known, headers.get('retry-after')) });
}

async function readBody(response: Response | ClientResponse<unknown, number, ResponseFormat>): Promise<unknown> {
  if (response.status === 204) return null;
  const body = await readJson(response);
  if (response.ok) {
    if (body === undefined) throw new UnexpectedAnswerError(`HTTP ${response.status} without a JSON body`);
    return body;
  }
  const refusal = parseApiError(body, response.status, response.headers);
  if (refusal !== null) throw refusal;
  // Pulse always answers in its error shape; other 5xx pages come from the edge in front of a
  // stopped or crashed worker.
  if (response.status >= 500) throw new ServerUnreachableError(`HTTP ${response.status}`);
  throw new UnexpectedAnswerError(`HTTP ${response.status} outside Pulse's error shape`);
}

/**
 * Sorts an HTTP answer into data, one of Pulse's refusals, an unreachable server or a broken
 * contract. An answer of the typed client resolves with the body its route declares, typed as the
 * Worker's route says, like hono's own `json()`; what a screen depends on is still checked at run
 * time by the parser of its module (the API may be a newer or an older deployment than the page).
 */
export function readApiResponse<Answer extends ClientResponse<unknown, number, ResponseFormat>>(response: Answer): Promise<SuccessBody<Answer>>;
export function readApiResponse(response: Response): Promise<unknown>;
export function readApiResponse(response: Response | ClientResponse<unknown, number, ResponseFormat>): Promise<unknown> {
  return readBody(response);
}

/** Sends a request of the typed client and reads its answer (see readApiResponse). */
export async function callApi<Answer extends ClientResponse<unknown, number, ResponseFormat>>(request: Promise<Answer>): Promise<SuccessBody<Answer>> {
  return readApiResponse(await request);
}
