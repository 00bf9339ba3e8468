import { describe, expect, it } from 'vitest';
import { textsFor } from '../texts/catalogue.ts';
import { passwordResetEmail } from './password-reset-email.ts';

const RESET = { locale: 'fr' as const, setupUrl: 'https://pulse.tn/setup#token-1', expiresAt: Date.parse('2026-12-01T09:30:00Z') };

describe('the e-mail of a forgotten password', () => {
  it('should give a doctor the one-time link in French, until when it works, and what to do if they never asked', () => {
    const mail = passwordResetEmail(RESET);
    expect(mail.subject).toBe('Pulse : choisir un nouveau mot de passe');
    expect(mail.text).toContain(`valable une fois, jusqu'au ${textsFor('fr').format.instantUtc(RESET.expiresAt)} ; vos autres sessions seront alors fermées.`);
    expect(mail.text).toContain('Si vous n\'avez rien demandé, ignorez ce message');
    expect(mail.text).toContain('Choisir un nouveau mot de passe : https://pulse.tn/setup#token-1\n');
    expect(mail.html).toContain('<a href="https://pulse.tn/setup#token-1" style="color:#0969da">Choisir un nouveau mot de passe</a>');
  });

  it('should speak English to an English reader', () => {
    const mail = passwordResetEmail({ ...RESET, locale: 'en' });
    expect(mail.subject).toBe('Pulse: choose a new password');
    expect(mail.text).toContain(`valid once, until ${textsFor('en').format.instantUtc(RESET.expiresAt)}; your other sessions will then end.`);
    expect(mail.text).toContain('Choose a new password : https://pulse.tn/setup#token-1');
  });
});
