/**
 * The activation funnel (PRODUCT: the SaaS owner's back office): clinics grouped by the UTC month
 * they were created in, and how many of each cohort went through each step of a clinic's start, in
 * order. A step counts only the clinics that reached every earlier one, so the counts never grow
 * down the funnel; between two consecutive steps, the median number of days it took the clinics
 * that reached both. Pure: the instants come from db/queries/activation-funnel.ts.
 */

const DAY_MS = 86_400_000;

/** The steps, in the order a clinic is expected to take them. */
export const FUNNEL_STEPS = ['created', 'ownerInvited', 'ownerJoined', 'firstLogin', 'firstPatient', 'firstQrCheckIn', 'activeInWeek4'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** The widest window asked for at once: two years of cohorts. */
export const MAX_FUNNEL_MONTHS = 24;

/** When one clinic reached each step (epoch ms), null for a step it has not reached. */
export type ClinicMilestones = { clinicId: string; created: number } & { [Step in Exclude<FunnelStep, 'created'>]: number | null };

export interface FunnelStepFigures {
  step: FunnelStep;
  /** Clinics of the cohort that reached this step and every earlier one. */
  clinics: number;
  /** Median days from the previous step, to 0.1 day, over the clinics counted here; null for the first step or when none reached it. */
  medianDaysFromPrevious: number | null;
}

export interface FunnelCohort {
  /** YYYY-MM, UTC. */
  month: string;
  steps: FunnelStepFigures[];
}

/** A YYYY-MM month as a count of months since year 0, so months are counted, not walked as text. */
function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The YYYY-MM month `index` months after January of year 0. */
function monthAt(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first instant (UTC) of the month `index` months after January of year 0 (setUTCFullYear: no 19xx for years below 100). */
function instantOf(index: number): number {
  const date = new Date(0);
  date.setUTCFullYear(Math.floor(index / 12), index % 12, 1);
  return date.getTime();
}

/** A month's first instant (UTC), from its YYYY-MM. */
export function monthStart(month: string): number {
  return instantOf(monthIndex(month));
}

/** The first instant (UTC) after a month: where a window ending with it stops (December 9999 included). */
export function monthEnd(month: string): number {
  return instantOf(monthIndex(month) + 1);
}

/** How many months from `from` to `to`, both included: 0 when `from` is after `to`. */
export function monthCount(from: string, to: string): number {
  return Math.max(0, monthIndex(to) - monthIndex(from) + 1);
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const first = monthIndex(from);
  return Array.from({ length: monthCount(from, to) }, (_, offset) => monthAt(first + offset));
}

/** The median of `values` (the mean of the two middle ones for an even count), null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const lower = sorted[middle - 1];
  const upper = sorted[middle];
  if (upper === undefined) return null;
  return sorted.length % 2 === 1 || lower === undefined ? upper : (lower + upper) / 2;
}

const roundToTenth = (value: number) => Math.round(value * 10) / 10;

/** One cohort's funnel: the count at each step and the median days between consecutive steps. */
export function cohortFunnel(month: string, clinics: readonly ClinicMilestones[]): FunnelCohort {
  let reached: readonly ClinicMilestones[] = clinics;
  const steps: FunnelStepFigures[] = [];
  let previous: FunnelStep | undefined;
  for (const step of FUNNEL_STEPS) {
    const before = previous;
    reached = reached.filter((clinic) => clinic[step] !== null);
    const days = before === undefined ? [] : reached.map((clinic) => ((clinic[step] ?? 0) - (clinic[before] ?? 0)) / DAY_MS);
    const middle = median(days);
    steps.push({ step, clinics: reached.length, medianDaysFromPrevious: middle === null ? null : roundToTenth(middle) });
    previous = step;
  }
  return { month, steps };
}

/** The funnel of every creation month from `from` to `to`, empty months included, each clinic in the month of its creation (UTC). */
export function activationFunnel(from: string, to: string, clinics: readonly ClinicMilestones[]): FunnelCohort[] {
  const byMonth = new Map<string, ClinicMilestones[]>();
  for (const clinic of clinics) {
    const month = new Date(clinic.created).toISOString().slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), clinic]);
  }
  return monthsBetween(from, to).map((month) => cohortFunnel(month, byMonth.get(month) ?? []));
}
