import { describe, expect, it } from 'vitest';
import { parseAccount, parseSessionUser, parseSetupLink, type Account } from './account';
import { UnexpectedAnswerError } from './errors';

const DOCTOR: Account = {
  user: { id: 'user-doctor', email: 'doctor@pulse.local', role: 'member', locale: 'fr' },
  clinics: [{ id: 'clinic-001', name: 'Cabinet Dr Ben Salah — La Marsa', timezone: 'Africa/Tunis', role: 'clinic_owner' }],
};

describe('parseAccount', () => {
  it('should read a doctor and their clinic, ignoring fields it does not know yet', () => {
    const answer = { ...DOCTOR, user: { ...DOCTOR.user, createdAt: 0 }, plan: 'pro' };
    expect(parseAccount(answer)).toEqual(DOCTOR);
  });

  it('should read a member without any clinic', () => {
    expect(parseAccount({ user: DOCTOR.user, clinics: [] })).toEqual({ user: DOCTOR.user, clinics: [] });
  });

  it('should refuse unknown roles and locales, and a clinic without a time zone', () => {
    expect(() => parseAccount({ ...DOCTOR, user: { ...DOCTOR.user, role: 'root' } })).toThrow(/role/);
    expect(() => parseAccount({ ...DOCTOR, user: { ...DOCTOR.user, locale: 'ar' } })).toThrow(/locale/);
    expect(() => parseAccount({ ...DOCTOR, clinics: [{ ...DOCTOR.clinics[0], timezone: undefined }] })).toThrow(/timezone/);
    expect(() => parseAccount({ ...DOCTOR, clinics: [{ ...DOCTOR.clinics[0], role: 'viewer' }] })).toThrow(/role/);
  });

  it('should refuse anything that is not an account', () => {
    for (const value of [null, 'doctor', [], { user: DOCTOR.user }]) expect(() => parseAccount(value)).toThrow(UnexpectedAnswerError);
  });
});

describe('parseSessionUser', () => {
  it('should keep the user of a session answer and drop its token, which only the cookie carries', () => {
    const user = parseSessionUser({ user: DOCTOR.user, token: 'secret-token' });
    expect(user).toEqual(DOCTOR.user);
    expect(JSON.stringify(user)).not.toContain('secret-token');
  });
});

describe('parseSetupLink', () => {
  it('should read whom the link is for, and whether it resets a forgotten password', () => {
    expect(parseSetupLink({ email: 'nadia@cabinet.tn', reset: true })).toEqual({ email: 'nadia@cabinet.tn', reset: true });
    expect(() => parseSetupLink({ email: '' })).toThrow(UnexpectedAnswerError);
    expect(() => parseSetupLink({ email: 'nadia@cabinet.tn', reset: 'yes' })).toThrow(UnexpectedAnswerError);
  });

  it('should read a link from an API older than resets as an invitation', () => {
    expect(parseSetupLink({ email: 'nadia@cabinet.tn' })).toEqual({ email: 'nadia@cabinet.tn', reset: false });
  });
});
