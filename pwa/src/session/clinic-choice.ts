import type { ClinicAccess } from '../api/account';

/**
 * The clinic the screens show: the one chosen on this phone while the user may still see it,
 * else their first clinic; null for an account without any clinic yet.
 */
export function pickClinic(clinics: readonly ClinicAccess[], chosenId: string | null): ClinicAccess | null {
  return clinics.find((clinic) => clinic.id === chosenId) ?? clinics[0] ?? null;
}
