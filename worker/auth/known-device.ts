import { keyedHash, randomToken, timingSafeEqualText } from './secrets.ts';

/**
 * A browser that signed in to an account keeps a proof of it (OWASP's "device cookie"): its
 * attempts at that account are throttled on their own, so guesses from a shared address (a
 * clinic's router) never keep the clinic's own staff out. The proof is a random device id and a
 * keyed hash binding it to the account's e-mail; it grants nothing but that separate count.
 */
export const KNOWN_DEVICE_FOR_SECONDS = 365 * 24 * 3_600;

const proofOf = (hashKey: string, email: string, deviceId: string) => keyedHash(hashKey, `known-device:${email}:${deviceId}`);

/** A new proof for `email`, to keep in the device cookie. */
export async function issueDeviceProof(hashKey: string, email: string): Promise<string> {
  const deviceId = randomToken(16);
  return `${deviceId}.${await proofOf(hashKey, email, deviceId)}`;
}

/** The device id, when `cookie` proves this browser signed in to `email` before; else null. */
export async function knownDeviceOf(hashKey: string, email: string, cookie: string | undefined): Promise<string | null> {
  const [deviceId, proof, extra] = (cookie ?? '').split('.');
  if (deviceId === undefined || proof === undefined || extra !== undefined || deviceId.length > 64) return null;
  return timingSafeEqualText(proof, await proofOf(hashKey, email, deviceId)) ? deviceId : null;
}
