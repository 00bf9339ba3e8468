/** A clinic's detail page in the administration. */
export function clinicHref(clinicId: string): string {
  return `/admin/clinics/${encodeURIComponent(clinicId)}`;
}
