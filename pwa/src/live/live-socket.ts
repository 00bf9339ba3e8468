import type { LiveMessage } from '../api/wire';
import { parseLiveFrame, PING } from './live-message';

/**
 * How often an idle connection is checked: proxies and phones drop silent sockets, and a
 * connection that died without a close frame must not pass for live for long.
 */
export const PING_INTERVAL_MS = 30_000;
/**
 * No frame this long after opening (the snapshot) or after a ping (the pong): the connection is
 * dead, whatever the socket's state says. A black-holed network can keep a socket "connecting"
 * for minutes; the doctor learns within seconds instead.
 */
export const SILENCE_TIMEOUT_MS = 10_000;

export interface LiveSocketEvents {
  /** A snapshot or an update of the queue. */
  message(message: LiveMessage): void;
  /** The server answered a ping: what is on screen is still current. */
  alive(): void;
  /** Gone for good: refused, closed, failed or silent; called once, never after `close()`. */
  lost(): void;
}

export interface LiveConnection {
  /** Pings now, e.g. when the phone wakes: a connection that slept through a network change is found out at once. */
  check(): void;
  /** Ends the connection on our side; no event follows. */
  close(): void;
}

/**
 * The one place Pulse touches a WebSocket: the clinic's live feed, opened with the session cookie
 * (same origin, so nothing secret in the URL), with its keep-alive and the detection of a dead line.
 */
export function openLiveSocket(url: string, events: LiveSocketEvents): LiveConnection {
  const socket = new WebSocket(url);
  let ended = false;
  /** Armed while a frame is owed: the snapshot after opening, the pong after a ping. */
  let silenceTimer: number | undefined;

  const end = (): void => {
    if (ended) return;
    ended = true;
    window.clearInterval(pingTimer);
    window.clearTimeout(silenceTimer);
    socket.removeEventListener('message', onMessage);
    socket.removeEventListener('close', onLost);
    socket.removeEventListener('error', onLost);
    if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) socket.close(1000, 'done');
  };
  const onLost = (): void => {
    if (ended) return;
    end();
    events.lost();
  };
  const ping = (): void => {
    if (socket.readyState !== WebSocket.OPEN) return;
    socket.send(PING);
    silenceTimer ??= window.setTimeout(onLost, SILENCE_TIMEOUT_MS);
  };
  const onMessage = (event: MessageEvent): void => {
    // Any frame proves the line alive.
    window.clearTimeout(silenceTimer);
    silenceTimer = undefined;
    const frame = parseLiveFrame(event.data);
    if (frame.kind === 'queue') events.message(frame.message);
    else if (frame.kind === 'pong') events.alive();
    // A frame that breaks the shared schema is a bug on one side: reported, never shown as data.
    else console.error(`Pulse live: ignored a malformed frame (${frame.reason})`);
  };

  const pingTimer = window.setInterval(ping, PING_INTERVAL_MS);
  silenceTimer = window.setTimeout(onLost, SILENCE_TIMEOUT_MS);
  socket.addEventListener('message', onMessage);
  socket.addEventListener('close', onLost);
  socket.addEventListener('error', onLost);
  return { check: ping, close: end };
}
