/** The first retry after a lost connection: soon enough that a blip goes unnoticed. */
export const FIRST_RETRY_MS = 1_000;
/**
 * The longest wait between attempts: a phone left on the desk while the server is down comes
 * back within half a minute of it, without hammering it meanwhile.
 */
export const MAX_RETRY_MS = 30_000;

/**
 * How long to wait before attempt `failures + 1`: doubling from FIRST_RETRY_MS up to MAX_RETRY_MS,
 * the upper half of it drawn at random ("equal jitter"), so that every phone of a clinic does not
 * reconnect in the same millisecond when the server comes back.
 */
export function reconnectDelayMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
