import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { checkNewPassword, describeNewPasswordProblem } from './new-password';

describe('checkNewPassword', () => {
  it('should accept ten characters or more, typed the same twice', () => {
    expect(checkNewPassword('jasmin-2026', 'jasmin-2026')).toBeNull();
    expect(checkNewPassword('0123456789', '0123456789')).toBeNull();
  });

  it('should refuse fewer than ten characters before comparing the two', () => {
    expect(checkNewPassword('012345678', '0123456789')).toBe('tooShort');
  });

  it('should refuse two different passwords', () => {
    expect(checkNewPassword('jasmin-2026', 'jasmin-2025')).toBe('mismatch');
  });

  it('should refuse more than the API accepts', () => {
    expect(checkNewPassword('x'.repeat(201), 'x'.repeat(201))).toBe('tooLong');
  });
});

describe('describeNewPasswordProblem', () => {
  it('should word each problem in the current language', () => {
    expect(describeNewPasswordProblem('tooShort', fr)).toBe('Le mot de passe doit contenir au moins 10 caractères.');
    expect(describeNewPasswordProblem('mismatch', fr)).toBe('Les deux mots de passe ne sont pas identiques.');
    expect(describeNewPasswordProblem('mismatch', en)).toBe('The two passwords do not match.');
  });
});
