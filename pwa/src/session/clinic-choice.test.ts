import { describe, expect, it } from 'vitest';
import type { ClinicAccess } from '../api/account';
import { pickClinic } from './clinic-choice';

const MARSA: ClinicAccess = { id: 'clinic-001', name: 'Cabinet Dr Ben Salah — La Marsa', timezone: 'Africa/Tunis', role: 'clinic_owner' };
const LYON: ClinicAccess = { id: 'clinic-013', name: 'Cabinet Dr Martin — Lyon', timezone: 'Europe/Paris', role: 'clinic_owner' };

describe('pickClinic', () => {
  it('should keep the clinic chosen on this phone', () => {
    expect(pickClinic([MARSA, LYON], 'clinic-013')).toBe(LYON);
  });

  it('should fall back to the first clinic when none was chosen or the chosen one is no longer visible', () => {
    expect(pickClinic([MARSA, LYON], null)).toBe(MARSA);
    // E.g. chosen by the super admin, then the doctor signs in on the same phone.
    expect(pickClinic([MARSA], 'clinic-013')).toBe(MARSA);
  });

  it('should give none for an account without clinics', () => {
    expect(pickClinic([], 'clinic-001')).toBeNull();
  });
});
