import { LiveMessageSchema, type LiveMessage } from '../api/wire';

/** What one frame of the live socket says: the queue, the answer to our keep-alive, or nonsense. */
export type LiveFrame = { kind: 'queue'; message: LiveMessage } | { kind: 'pong' } | { kind: 'malformed'; reason: string };

/** The keep-alive the ClinicQueue answers without waking up (its WebSocket auto-response). */
export const PING = 'ping';
const PONG = 'pong';

/** Reads a frame of `GET …/live`: JSON checked against the shared schema, never trusted as is. */
export function parseLiveFrame(data: unknown): LiveFrame {
  if (typeof data !== 'string') return { kind: 'malformed', reason: 'not a text frame' };
  if (data === PONG) return { kind: 'pong' };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { kind: 'malformed', reason: 'not JSON' };
  }
  const parsed = LiveMessageSchema.safeParse(json);
  if (parsed.success) return { kind: 'queue', message: parsed.data };
  const issue = parsed.error.issues[0];
  return { kind: 'malformed', reason: issue === undefined ? 'not a live message' : `${issue.path.join('.') || 'message'}: ${issue.message}` };
}

/** The live socket of a clinic on this page's origin: ws:// beside http://, wss:// beside https://. */
export function liveUrl(origin: string, clinicId: string): string {
  return `${origin.replace(/^http/, 'ws')}/api/v1/clinics/${encodeURIComponent(clinicId)}/live`;
}
