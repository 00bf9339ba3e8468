import { describe, expect, it } from 'vitest';
import { MAX_TICKET_TOKEN_LENGTH, openTicket, sealTicket, ticketKeysFrom, type TicketClaim } from './ticket-token.ts';

const keys = await ticketKeysFrom('test-ip-hash-key-of-this-deployment');
/** Midnight in Tunis (UTC+1) at the end of 2 February 2027: a clinic day's end. */
const END_OF_DAY = Date.parse('2027-02-03T00:00:00+01:00');
const claim: TicketClaim = { clinicId: 'clinic-0b6f2c1e-6a8e-4b8a-9d4e-3f2a1c0d9e8f', entryId: '6f1d7f52-2f3c-4a8e-8f51-0c2a9d3b7e41', expiresAt: END_OF_DAY };

/** The token with one bit of byte `at` (after base64url decoding) flipped, written back. */
function flipped(token: string, at: number, bit: number): string {
  const bytes = Uint8Array.from(atob(token.replaceAll('-', '+').replaceAll('_', '/')), (char) => char.charCodeAt(0));
  bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

describe("a patient's ticket token", () => {
  it('should open to exactly the claim it sealed', async () => {
    const token = await sealTicket(keys, claim);
    expect(await openTicket(keys, token)).toEqual(claim);
  });

  it('should be short enough for an SMS when the ids are UUIDs, and use only URL-safe characters', async () => {
    const token = await sealTicket(keys, claim);
    expect(token).toMatch(/^[A-Za-z0-9_-]{74}$/);
  });

  it('should carry neither id in clear', async () => {
    const token = await sealTicket(keys, { ...claim, clinicId: 'clinic-medina', entryId: 'entry-visible-if-in-clear' });
    const decoded = atob(token.replaceAll('-', '+').replaceAll('_', '/'));
    expect(decoded).not.toContain('medina');
    expect(decoded).not.toContain('visible');
  });

  it('should seal ids of any shape, up to their bound', async () => {
    for (const ids of [
      { clinicId: 'clinic-a-lz3k2-1-abcd', entryId: 'e' },
      { clinicId: 'Cabinet-Médina-é', entryId: 'x'.repeat(64) },
      { clinicId: claim.clinicId.toUpperCase(), entryId: `clinic-${claim.entryId}` },
    ]) {
      expect(await openTicket(keys, await sealTicket(keys, { ...ids, expiresAt: END_OF_DAY }))).toEqual({ ...ids, expiresAt: END_OF_DAY });
    }
    expect((await sealTicket(keys, { clinicId: 'é'.repeat(127), entryId: 'é'.repeat(127), expiresAt: END_OF_DAY })).length).toBeLessThanOrEqual(MAX_TICKET_TOKEN_LENGTH);
  });

  it('should give the same link to the same entry on the same day, and another to another entry or day', async () => {
    const token = await sealTicket(keys, claim);
    expect(await sealTicket(keys, claim)).toBe(token);
    expect(await sealTicket(keys, { ...claim, entryId: '6f1d7f52-2f3c-4a8e-8f51-0c2a9d3b7e42' })).not.toBe(token);
    expect(await sealTicket(keys, { ...claim, expiresAt: END_OF_DAY + 86_400_000 })).not.toBe(token);
  });

  it('should open to nothing once any single bit is flipped, never to another entry', async () => {
    const token = await sealTicket(keys, claim);
    const length = atob(token.replaceAll('-', '+').replaceAll('_', '/')).length;
    for (let at = 0; at < length; at += 1) {
      for (let bit = 0; bit < 8; bit += 1) expect(await openTicket(keys, flipped(token, at, bit)), `byte ${at} bit ${bit}`).toBeNull();
    }
  });

  it("should open nothing sealed under another deployment's key", async () => {
    const other = await ticketKeysFrom('another-deployment-ip-hash-key');
    expect(await openTicket(other, await sealTicket(keys, claim))).toBeNull();
  });

  it('should refuse truncated, extended, padded, non-base64url and oversized tokens', async () => {
    const token = await sealTicket(keys, claim);
    for (const bad of [
      '',
      token.slice(0, -1),
      token.slice(0, 20),
      `${token}A`,
      `${token}AA`,
      `${token}=`,
      token.replaceAll('-', '+'),
      `${token.slice(0, 10)}.${token.slice(11)}`,
      'A'.repeat(MAX_TICKET_TOKEN_LENGTH + 1),
      'AQ'.repeat(40),
    ]) {
      expect(await openTicket(keys, bad), bad).toBeNull();
    }
  });

  it('should refuse a token whose unused last bits were set: one claim, one token', async () => {
    const token = await sealTicket(keys, claim);
    // 55 bytes make 74 characters, the last carrying 2 bits of the token and 4 unused ones.
    const last = token.at(-1) ?? 'A';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = `${token.slice(0, -1)}${alphabet[alphabet.indexOf(last) ^ 1]}`;
    expect(await openTicket(keys, sibling)).toBeNull();
  });
});
