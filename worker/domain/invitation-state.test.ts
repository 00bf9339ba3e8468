import { describe, expect, it } from 'vitest';
import { INVITATION_LINK_TTL_MS, INVITATION_STATES, invitationStateOf, isOpenInvitation, type InvitationStanding } from './invitation-state.ts';

const SENT = Date.parse('2026-11-23T08:30:00Z');
const SENT_TO_SOMEONE_NEW: InvitationStanding = { acceptedAt: null, revokedAt: null, expiresAt: SENT + INVITATION_LINK_TTL_MS, hasPassword: false };

describe('where an invitation stands', () => {
  it('should stay pending for 7 days to the millisecond, then be expired', () => {
    expect(INVITATION_LINK_TTL_MS).toBe(604_800_000);
    expect(invitationStateOf(SENT_TO_SOMEONE_NEW, SENT)).toBe('pending');
    expect(invitationStateOf(SENT_TO_SOMEONE_NEW, SENT + INVITATION_LINK_TTL_MS - 1)).toBe('pending');
    expect(invitationStateOf(SENT_TO_SOMEONE_NEW, SENT + INVITATION_LINK_TTL_MS)).toBe('expired');
  });

  it('should be accepted once the person has a password, even after the link ran out', () => {
    expect(invitationStateOf({ ...SENT_TO_SOMEONE_NEW, hasPassword: true }, SENT + 1)).toBe('accepted');
    expect(invitationStateOf({ ...SENT_TO_SOMEONE_NEW, hasPassword: true }, SENT + 30 * INVITATION_LINK_TTL_MS)).toBe('accepted');
    // Someone who had a password when invited had the clinic at once.
    expect(invitationStateOf({ ...SENT_TO_SOMEONE_NEW, acceptedAt: SENT, hasPassword: true }, SENT)).toBe('accepted');
  });

  it('should be revoked whatever happened after, and only pending or expired ones may be resent or revoked', () => {
    const revoked = { ...SENT_TO_SOMEONE_NEW, revokedAt: SENT + 60_000 };
    expect(invitationStateOf(revoked, SENT + 120_000)).toBe('revoked');
    expect(invitationStateOf({ ...revoked, hasPassword: true }, SENT + 120_000)).toBe('revoked');
    expect(INVITATION_STATES.filter(isOpenInvitation)).toEqual(['pending', 'expired']);
  });
});
