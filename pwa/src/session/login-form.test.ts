import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { checkLoginForm, describeLoginFormProblem, looksLikeEmail } from './login-form';

describe('checkLoginForm', () => {
  it('should let a plausible address and any password through, the API deciding the rest', () => {
    expect(checkLoginForm('doctor@pulse.local', 'pulse-doctor')).toBeNull();
    expect(checkLoginForm('  doctor@pulse.local ', 'x')).toBeNull();
  });

  it('should stop an address without @ or an empty field before asking the API', () => {
    expect(checkLoginForm('doctor', 'pulse-doctor')).toBe('email');
    expect(checkLoginForm('', 'pulse-doctor')).toBe('email');
    expect(checkLoginForm('doctor@pulse.local', '')).toBe('password');
  });

  it('should word the problem in the current language', () => {
    expect(describeLoginFormProblem('password', fr)).toBe('Saisissez votre mot de passe.');
    expect(describeLoginFormProblem('email', en)).toBe('Enter a valid e-mail address, such as name@clinic.tn.');
  });
});

describe('looksLikeEmail', () => {
  it('should take the address a doctor who forgot their password types, spaces around it or not', () => {
    expect(looksLikeEmail(' dr.ben-salah@cabinet.tn ')).toBe(true);
    expect(looksLikeEmail('dr ben salah@cabinet.tn')).toBe(false);
    expect(looksLikeEmail('cabinet.tn')).toBe(false);
  });
});
