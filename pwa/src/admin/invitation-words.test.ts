import { describe, expect, it } from 'vitest';
import type { Invitation } from '../api/invitations';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { canManageInvitation, invitationDetailWords, invitationStateWords } from './invitation-words';

const PENDING: Invitation = {
  id: 'inv-1',
  email: 'dr.mejri@cabinet.tn',
  role: 'clinic_owner',
  state: 'pending',
  invitedAt: '2026-11-20T08:30:00.000Z',
  sentAt: '2026-11-21T08:30:00.000Z',
  expiresAt: '2026-11-28T08:30:00.000Z',
};

describe('an invitation in words', () => {
  it('should name each state in French and in English', () => {
    expect((['pending', 'accepted', 'expired', 'revoked'] as const).map((state) => invitationStateWords({ state }, fr))).toEqual(['En attente', 'Acceptée', 'Expirée', 'Révoquée']);
    expect((['pending', 'accepted', 'expired', 'revoked'] as const).map((state) => invitationStateWords({ state }, en))).toEqual(['Pending', 'Accepted', 'Expired', 'Revoked']);
  });

  it('should say when the last link went and until when it opens, in the reader’s zone', () => {
    expect(invitationDetailWords(PENDING, fr, 'fr', 'Africa/Tunis')).toBe('Envoyée le 21 nov. 2026, 09:30 · lien valable jusqu’au 28 nov. 2026, 09:30');
    expect(invitationDetailWords({ ...PENDING, state: 'expired' }, en, 'en', 'Africa/Tunis')).toBe('Sent Nov 21, 2026, 9:30 AM · link expired Nov 28, 2026, 9:30 AM');
    expect(invitationDetailWords({ ...PENDING, state: 'accepted' }, fr, 'fr', 'Africa/Tunis')).toBe('Invitation du 20 nov. 2026, 09:30');
  });

  it('should offer resend and revoke for a pending or expired invitation only', () => {
    expect((['pending', 'accepted', 'expired', 'revoked'] as const).filter((state) => canManageInvitation({ state }))).toEqual(['pending', 'expired']);
  });
});
