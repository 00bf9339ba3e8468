import { describe, expect, it } from 'vitest';
import { textsFor } from '../texts/catalogue.ts';
import { invitationEmail, type InvitationEmailInput } from './invitation-email.ts';

const INVITATION: InvitationEmailInput = {
  locale: 'fr',
  clinicName: 'Cabinet Dr Ben Salah — La Marsa',
  role: 'staff',
  setupUrl: 'https://pulse.tn/setup#token-1',
  appUrl: 'https://pulse.tn',
  expiresAt: Date.parse('2026-12-01T09:00:00Z'),
};

describe('the e-mails of an invitation', () => {
  it('should send someone new the one-time link to choose a password, in French, naming the role in the product’s words', () => {
    const mail = invitationEmail(INVITATION);
    expect(mail.subject).toBe('Pulse : votre invitation à Cabinet Dr Ben Salah — La Marsa');
    expect(mail.text).toBe(
      [
        'Cabinet Dr Ben Salah — La Marsa',
        `Vous êtes invité(e) à suivre Cabinet Dr Ben Salah — La Marsa sur Pulse (accueil). Choisissez votre mot de passe avec ce lien, valable une fois, jusqu'au ${textsFor('fr').format.instantUtc(INVITATION.expiresAt)}.`,
        '',
        'Choisir mon mot de passe : https://pulse.tn/setup#token-1',
        '',
      ].join('\n'),
    );
  });

  it('should only tell someone who already has a password that one more clinic opens, with a link to the app', () => {
    const mail = invitationEmail({ ...INVITATION, role: 'clinic_owner', setupUrl: null });
    expect(mail.subject).toBe('Pulse : vous avez accès à Cabinet Dr Ben Salah — La Marsa');
    expect(mail.text).toContain('(responsable)');
    expect(mail.text).toContain('Ouvrir Pulse : https://pulse.tn\n');
    expect(mail.text).not.toContain('setup');
  });

  it('should speak English to an English reader', () => {
    expect(invitationEmail({ ...INVITATION, locale: 'en' })).toMatchObject({ subject: 'Pulse: your invitation to Cabinet Dr Ben Salah — La Marsa' });
    expect(invitationEmail({ ...INVITATION, locale: 'en' }).text).toContain(
      `(reception). Choose your password with this link, valid once, until ${textsFor('en').format.instantUtc(INVITATION.expiresAt)}.`,
    );
    const existing = invitationEmail({ ...INVITATION, locale: 'en', role: 'clinic_owner', setupUrl: null });
    expect(existing.subject).toBe('Pulse: you now have access to Cabinet Dr Ben Salah — La Marsa');
    expect(existing.text).toContain('(owner)');
    expect(existing.html).toContain('<a href="https://pulse.tn" style="color:#0969da">Open Pulse</a>');
  });
});
