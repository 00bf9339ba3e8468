import { describe, expect, it } from 'vitest';
import { ACCOUNT_KEY, copyKey, copyNameOf, isApiAnswer, keysToWipe, ownerOfKey } from './copy-keys';

/** A phone shared at the desk: the doctor and the receptionist of one clinic. */
const DOCTOR = 'user-doctor';
const RECEPTION = 'user-reception';

const STORED = [
  'pulse.locale',
  'pulse.theme',
  'pulse.clinic',
  'pulse.health',
  ACCOUNT_KEY,
  copyKey(DOCTOR, 'today/clinic-001'),
  copyKey(DOCTOR, 'history/analytics/clinic-001/30d'),
  copyKey(RECEPTION, 'today/clinic-001'),
  'pulse.today.clinic-001',
];

describe('copy keys', () => {
  it('should name each copy after its owner, and tell the owner back', () => {
    expect(copyKey(DOCTOR, 'today/clinic-001')).toBe('pulse.copy/user-doctor/today/clinic-001');
    expect(ownerOfKey(copyKey(DOCTOR, 'today/clinic-001'))).toBe(DOCTOR);
    expect(copyNameOf(copyKey(DOCTOR, 'history/charts/clinic-001/7d'), DOCTOR)).toBe('history/charts/clinic-001/7d');
  });

  it("should never read one user's copy as another's, even with an id made to look like a path", () => {
    expect(copyNameOf(copyKey(DOCTOR, 'today/clinic-001'), RECEPTION)).toBeNull();
    const sly = `${RECEPTION}/today`;
    expect(copyKey(sly, 'clinic-001')).not.toBe(copyKey(RECEPTION, 'today/clinic-001'));
    expect(ownerOfKey(copyKey(sly, 'clinic-001'))).toBe(sly);
    expect(copyNameOf(copyKey(sly, 'clinic-001'), RECEPTION)).toBeNull();
  });

  it('should own nothing outside its prefix, nor a malformed key', () => {
    expect(ownerOfKey('pulse.locale')).toBeNull();
    expect(ownerOfKey(ACCOUNT_KEY)).toBeNull();
    expect(ownerOfKey('pulse.copy/')).toBeNull();
    expect(ownerOfKey('pulse.copy/%E0%A4%A/today')).toBeNull();
  });
});

describe('keysToWipe', () => {
  it('should wipe, at logout, the account and every copy of anyone, and keep the phone’s preferences', () => {
    expect(keysToWipe(STORED, null)).toEqual([
      ACCOUNT_KEY,
      copyKey(DOCTOR, 'today/clinic-001'),
      copyKey(DOCTOR, 'history/analytics/clinic-001/30d'),
      copyKey(RECEPTION, 'today/clinic-001'),
      'pulse.today.clinic-001',
    ]);
  });

  it("should wipe, when the receptionist signs in, the doctor's copies and the unowned snapshot, and keep hers", () => {
    expect(keysToWipe(STORED, RECEPTION)).toEqual([
      copyKey(DOCTOR, 'today/clinic-001'),
      copyKey(DOCTOR, 'history/analytics/clinic-001/30d'),
      'pulse.today.clinic-001',
    ]);
  });
});

describe('isApiAnswer', () => {
  it('should pick the API answers out of Cache Storage, and leave the app shell', () => {
    expect(isApiAnswer('https://pulse.example/api/v1/clinics/clinic-001/analytics?timeframe=30d')).toBe(true);
    expect(isApiAnswer('https://pulse.example/api')).toBe(true);
    expect(isApiAnswer('https://pulse.example/index.html?__WB_REVISION__=abc')).toBe(false);
    expect(isApiAnswer('https://pulse.example/assets/api-client-123.js')).toBe(false);
    expect(isApiAnswer('https://pulse.example/apis')).toBe(false);
    expect(isApiAnswer('not a url')).toBe(false);
  });
});
