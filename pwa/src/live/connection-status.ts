/**
 * `live`: the socket is open and the figures are current. `connecting`: first attempt for this
 * clinic. `reconnecting`: the line dropped and the server answers otherwise. `offline`: the phone
 * has no network or the server cannot be reached.
 */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** What asking `stats/today` after a drop said about the server. */
export type ProbeOutcome = 'reachable' | 'unreachable' | 'refused';

/**
 * The status once the line dropped. Offline stays offline until the server is known to answer,
 * so the badge does not blink between the two at every attempt.
 */
export function statusAfterLoss(current: ConnectionStatus, online: boolean): ConnectionStatus {
  if (!online || current === 'offline') return 'offline';
  return 'reconnecting';
}

/** The status once the API said why the line dropped; a socket back meanwhile wins. */
export function statusAfterProbe(current: ConnectionStatus, outcome: ProbeOutcome): ConnectionStatus {
  if (current === 'live') return current;
  if (outcome === 'unreachable') return 'offline';
  if (outcome === 'reachable' && current === 'offline') return 'reconnecting';
  return current;
}

/** Figures on screen are stale whenever they are not live: remembered, or from before a drop. */
export function isStale(status: ConnectionStatus): boolean {
  return status !== 'live';
}
