/**
 * Clinic retention by signup month: of the clinics that signed up in month C, the share that
 * logged in during month C + 1, C + 2, … (UTC calendar months). The current month counts as
 * reached (it is under way); later ones are null.
 */

/** `YYYY-MM` of an instant, UTC. */
export function monthOf(instant: number): string {
  return new Date(instant).toISOString().slice(0, 7);
}

function monthIndex(month: string): number {
  const [year, monthNumber] = month.split('-').map(Number);
  return (year ?? 0) * 12 + (monthNumber ?? 1) - 1;
}

export interface CohortRow {
  cohort: string;
  clinics: number;
  retained: Array<number | null>;
}

export function retentionByCohort(
  clinics: ReadonlyArray<{ clinicId: string; createdAt: number }>,
  loginMonths: ReadonlyArray<{ clinicId: string; month: string }>,
  now: number,
): CohortRow[] {
  const current = monthIndex(monthOf(now));
  const active = new Set(loginMonths.map((row) => `${row.clinicId}@${monthIndex(row.month)}`));
  const cohorts = new Map<number, string[]>();
  for (const clinic of clinics) {
    const index = monthIndex(monthOf(clinic.createdAt));
    cohorts.set(index, [...(cohorts.get(index) ?? []), clinic.clinicId]);
  }
  const oldest = Math.min(...cohorts.keys());
  const width = Number.isFinite(oldest) ? current - oldest : 0;
  return [...cohorts.keys()]
    .sort((a, b) => a - b)
    .map((index) => {
      const members = cohorts.get(index) ?? [];
      const retained = Array.from({ length: width }, (_, offset) => {
        const month = index + offset + 1;
        if (month > current) return null;
        const still = members.filter((clinicId) => active.has(`${clinicId}@${month}`)).length;
        return Math.round((still / members.length) * 10_000) / 10_000;
      });
      const year = Math.floor(index / 12);
      return { cohort: `${year}-${String((index % 12) + 1).padStart(2, '0')}`, clinics: members.length, retained };
    });
}
