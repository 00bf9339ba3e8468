/**
 * The token of a patient's ticket link (`/t/<token>`): which clinic's entry it shows, and until
 * when. Stateless — nothing is stored, so issuing a link costs no write and a stolen database
 * holds none — and sealed with deterministic authenticated encryption (SIV: Rogaway & Shrimpton's
 * synthetic IV, with HMAC-SHA-256 as the PRF and AES-CTR as the cipher), WebCrypto only:
 *
 *     tag   = HMAC-SHA-256(macKey, version ‖ claim)[0..16]
 *     token = base64url(version ‖ tag ‖ AES-CTR(encKey, counter = tag, claim))
 *
 * - Unforgeable: without the key no token opens (a 128-bit tag, compared in constant time), and
 *   flipping any bit of a token makes it open to nothing, never to another entry.
 * - Confidential: the clinic id and the entry id are not readable in the link.
 * - Short enough for an SMS: ids of the usual shapes (`clinic-<uuid>`, a UUID) are packed into 16
 *   bytes, so a link is `<PUBLIC_URL>/t/` and 74 characters.
 * - Deterministic: the same entry on the same day always gets the same link, so asking twice is
 *   harmless (a randomised scheme would give two links to one ticket).
 *
 * The keys are derived (HKDF-SHA-256, labels of their own) from `IP_HASH_KEY`, the deployment's
 * existing keyed-hash secret: no new secret to provision, and independent keys in the
 * cryptographic sense. Rotating that secret ends every open link, which holds a day at most.
 */

export interface TicketClaim {
  clinicId: string;
  entryId: string;
  /** Epoch ms, a whole second: the end of the clinic day the entry belongs to. */
  expiresAt: number;
}

/** The format's first byte: a later format (another key, another layout) gets another. */
const VERSION = 1;
const TAG_BYTES = 16;
/** Claim layout: expiry (u32 seconds, big-endian), then each id packed (packId). */
const EXPIRY_BYTES = 4;
const ID_FORMS = { text: 0, uuid: 1, clinicUuid: 2 } as const;
const CLINIC_PREFIX = 'clinic-';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The longest token any claim can make (two 255-byte text ids); anything longer is refused unread. */
export const MAX_TICKET_TOKEN_LENGTH = Math.ceil(((1 + TAG_BYTES + EXPIRY_BYTES + 2 * (2 + 255)) * 4) / 3);
/** The shortest: two packed UUIDs. */
const MIN_TOKEN_BYTES = 1 + TAG_BYTES + EXPIRY_BYTES + 2 * 2;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The two keys of ticket links, derived from the deployment's secret. */
export interface TicketKeys {
  mac: CryptoKey;
  enc: CryptoKey;
}

/** Derives the ticket keys from `secret` (the configured IP_HASH_KEY). */
export async function ticketKeysFrom(secret: string): Promise<TicketKeys> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
  // Distinct labels: the two keys are independent of each other and of the keyed hashes of addresses.
  const hkdf = (label: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('pulse ticket link'), info: encoder.encode(label) });
  const [mac, enc] = await Promise.all([
    crypto.subtle.deriveKey(hkdf('mac v1'), material, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']),
    crypto.subtle.deriveKey(hkdf('enc v1'), material, { name: 'AES-CTR', length: 256 }, false, ['encrypt', 'decrypt']),
  ]);
  return { mac, enc };
}

/** The token of `claim`: base64url, the same for the same claim under the same keys. */
export async function sealTicket(keys: TicketKeys, claim: TicketClaim): Promise<string> {
  const plain = packClaim(claim);
  const tag = await tagOf(keys, plain);
  const sealed = new Uint8Array(await crypto.subtle.encrypt(ctr(tag), keys.enc, plain));
  return toBase64Url(concat(Uint8Array.of(VERSION), tag, sealed));
}

/**
 * The claim a token carries, or null for anything this deployment did not seal (malformed,
 * truncated, tampered, another key or version). Expiry is the caller's to judge, against its clock.
 */
export async function openTicket(keys: TicketKeys, token: string): Promise<TicketClaim | null> {
  if (token.length > MAX_TICKET_TOKEN_LENGTH) return null;
  const bytes = fromBase64Url(token);
  if (bytes === null || bytes.length < MIN_TOKEN_BYTES || bytes[0] !== VERSION) return null;
  const tag = bytes.slice(1, 1 + TAG_BYTES);
  const plain = new Uint8Array(await crypto.subtle.decrypt(ctr(tag), keys.enc, bytes.slice(1 + TAG_BYTES)));
  if (!equalInConstantTime(await tagOf(keys, plain), tag)) return null;
  return unpackClaim(plain);
}

async function tagOf(keys: TicketKeys, plain: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const mac = await crypto.subtle.sign('HMAC', keys.mac, concat(Uint8Array.of(VERSION), plain));
  return new Uint8Array(mac, 0, TAG_BYTES).slice();
}

/** The tag is the whole counter block; 64 bits of it count blocks (a claim is a few blocks). */
function ctr(tag: Uint8Array<ArrayBuffer>) {
  return { name: 'AES-CTR', counter: tag, length: 64 };
}

function packClaim(claim: TicketClaim): Uint8Array<ArrayBuffer> {
  const seconds = Math.ceil(claim.expiresAt / 1000);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffff_ffff) throw new RangeError(`cannot seal an expiry of ${claim.expiresAt}`);
  const expiry = new Uint8Array(EXPIRY_BYTES);
  new DataView(expiry.buffer).setUint32(0, seconds);
  return concat(expiry, packId(claim.clinicId), packId(claim.entryId));
}

function unpackClaim(plain: Uint8Array<ArrayBuffer>): TicketClaim | null {
  if (plain.length < EXPIRY_BYTES) return null;
  const expiresAt = new DataView(plain.buffer, plain.byteOffset, EXPIRY_BYTES).getUint32(0) * 1000;
  const clinic = unpackId(plain, EXPIRY_BYTES);
  const entry = clinic === null ? null : unpackId(plain, clinic.next);
  if (clinic === null || entry === null || entry.next !== plain.length) return null;
  return { clinicId: clinic.id, entryId: entry.id, expiresAt };
}

/** An id as [form, bytes]: a UUID (bare or as `clinic-<uuid>`) in 16 bytes, any other as its length and UTF-8. */
function packId(id: string): Uint8Array<ArrayBuffer> {
  if (UUID.test(id)) return concat(Uint8Array.of(ID_FORMS.uuid), uuidBytes(id));
  if (id.startsWith(CLINIC_PREFIX) && UUID.test(id.slice(CLINIC_PREFIX.length))) return concat(Uint8Array.of(ID_FORMS.clinicUuid), uuidBytes(id.slice(CLINIC_PREFIX.length)));
  const text = encoder.encode(id);
  if (text.length > 255) throw new RangeError('an id of a ticket is at most 255 bytes');
  return concat(Uint8Array.of(ID_FORMS.text, text.length), text);
}

function unpackId(plain: Uint8Array<ArrayBuffer>, at: number): { id: string; next: number } | null {
  const form = plain[at];
  if (form === ID_FORMS.uuid || form === ID_FORMS.clinicUuid) {
    const bytes = plain.slice(at + 1, at + 17);
    if (bytes.length !== 16) return null;
    return { id: `${form === ID_FORMS.clinicUuid ? CLINIC_PREFIX : ''}${uuidText(bytes)}`, next: at + 17 };
  }
  const length = plain[at + 1];
  if (form !== ID_FORMS.text || length === undefined || at + 2 + length > plain.length) return null;
  try {
    return { id: decoder.decode(plain.slice(at + 2, at + 2 + length)), next: at + 2 + length };
  } catch {
    return null;
  }
}

function uuidBytes(uuid: string): Uint8Array<ArrayBuffer> {
  const hex = uuid.replaceAll('-', '');
  return Uint8Array.from({ length: 16 }, (_, index) => Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16));
}

function uuidText(bytes: Uint8Array): string {
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

function equalInConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Strict: only the base64url alphabet, no padding, no length that base64 cannot produce. */
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  // A token whose unused low bits are set decodes, but is not the one we wrote: one token per claim.
  return toBase64Url(bytes) === text ? bytes : null;
}
