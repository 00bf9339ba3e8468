/**
 * The service's health document, `GET /api/v1/health`, as the PWA reads it. Defined here rather
 * than imported from worker/ so the screen keeps a stable contract while the API evolves.
 */
import { ServerUnreachableError } from './errors';

// Now shared with the account calls (errors.ts); still exported here for the health modules.
export { ServerUnreachableError };

export type HealthStatus = 'ok' | 'degraded';

export type DatabaseHealth =
  | { reachable: true; latencyMs: number }
  | { reachable: false; latencyMs: null; error: string };

/** The parts the API checks; `failing` names those that fail. */
export const HEALTH_PARTS = ['database', 'durableObject', 'outbox', 'cron', 'mail'] as const;
export type HealthPart = (typeof HEALTH_PARTS)[number];

export interface Health {
  status: HealthStatus;
  version: string;
  /** When the server ran the check, ISO 8601. */
  time: string;
  database: DatabaseHealth;
  /** The failing parts, in the API's order; empty when ok. */
  failing: HealthPart[];
}

export const HEALTH_PATH = '/api/v1/health';

/** Past this a hanging server counts as unreachable, so the screen falls back to the last known status. */
const HEALTH_TIMEOUT_MS = 10_000;

/** Pulse's API answered something that is not a health document: a bug, never shown as data. */
export class HealthResponseError extends Error {
  override readonly name = 'HealthResponseError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseDatabase(value: unknown): DatabaseHealth {
  if (!isRecord(value)) throw new HealthResponseError('database is not an object');
  const { reachable, latencyMs, error } = value;
  if (reachable === true && typeof latencyMs === 'number' && Number.isFinite(latencyMs) && latencyMs >= 0) {
    return { reachable, latencyMs };
  }
  if (reachable === false && latencyMs === null && typeof error === 'string') {
    return { reachable, latencyMs, error };
  }
  throw new HealthResponseError('database must be reachable with a latency, or unreachable with an error');
}

/**
 * The failing parts the screen knows, in the API's order. A document kept from before the API
 * named them has none: its database field says the same.
 */
function parseFailing(value: unknown, database: DatabaseHealth): HealthPart[] {
  if (value === undefined) return database.reachable ? [] : ['database'];
  if (!Array.isArray(value)) throw new HealthResponseError('failing must be a list');
  return HEALTH_PARTS.filter((part) => value.includes(part));
}

/** Checks an untrusted value field by field; unknown extra fields are ignored so the API can grow. */
export function parseHealth(value: unknown): Health {
  if (!isRecord(value)) throw new HealthResponseError('health is not an object');
  const { status, version, time, database, failing } = value;
  if (status !== 'ok' && status !== 'degraded') throw new HealthResponseError('status must be ok or degraded');
  if (typeof version !== 'string' || version === '') throw new HealthResponseError('version must be a string');
  if (typeof time !== 'string' || Number.isNaN(Date.parse(time))) throw new HealthResponseError('time must be an ISO date');
  const checkedDatabase = parseDatabase(database);
  return { status, version, time, database: checkedDatabase, failing: parseFailing(failing, checkedDatabase) };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    const body: unknown = await response.json();
    return body;
  } catch {
    throw new HealthResponseError(`HTTP ${response.status} without a JSON body`);
  }
}

/**
 * Asks the API for its health. Resolves for 200 (ok) and 503 (degraded: same document);
 * rejects with ServerUnreachableError when no Pulse answer arrives, HealthResponseError otherwise.
 * `baseUrl` is empty in the browser (same origin).
 */
export async function fetchHealth(baseUrl = ''): Promise<Health> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${HEALTH_PATH}`, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new ServerUnreachableError('no answer from the server', { cause });
  }
  return readHealthResponse(response);
}

/** Sorts an HTTP answer into a health document, an unreachable server or a broken contract. */
export async function readHealthResponse(response: Response): Promise<Health> {
  if (response.status === 200) return parseHealth(await readJson(response));
  // Pulse answers 503 with the same document when its database is down. Any other 5xx, or a
  // 503 page without that document, comes from the edge in front of a stopped or crashed worker.
  if (response.status === 503) {
    const degraded = await readJson(response).then(parseHealth).catch(() => null);
    if (degraded !== null) return degraded;
  }
  if (response.status >= 500) throw new ServerUnreachableError(`HTTP ${response.status}`);
  throw new HealthResponseError(`HTTP ${response.status}`);
}
