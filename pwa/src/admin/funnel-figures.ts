/**
 * The activation funnel as the Activation screen shows it: the window of cohorts kept in the
 * address (`?from=2026-01&to=2026-12`, the last 12 months unless asked otherwise), each step's
 * share of its cohort, the total over the window's cohorts, and the median delays in words.
 */
import { FUNNEL_STEPS, MAX_FUNNEL_MONTHS, type FunnelCohort, type FunnelStep } from '../api/funnel';
import { formatDecimal } from '../i18n/figures';
import type { Messages } from '../i18n/fr';
import type { Locale } from '../i18n/locale';

/** The months the screen opens on: a year of cohorts, this month included. */
export const DEFAULT_FUNNEL_MONTHS = 12;

export interface FunnelWindow {
  /** YYYY-MM, UTC, both included. */
  from: string;
  to: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The YYYY-MM (UTC) `back` months before the one holding `now`. */
export function monthBefore(now: number, back: number): string {
  const date = new Date(now);
  const index = date.getUTCFullYear() * 12 + date.getUTCMonth() - back;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to`, both counted. */
function monthsFromTo(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(to) - index(from) + 1;
}

/** The last DEFAULT_FUNNEL_MONTHS months, the current one last. */
export function defaultFunnelWindow(now: number): FunnelWindow {
  return { from: monthBefore(now, DEFAULT_FUNNEL_MONTHS - 1), to: monthBefore(now, 0) };
}

type QueryValue = string | readonly string[] | undefined;
const single = (value: QueryValue): string | undefined => (typeof value === 'string' ? value : value?.[0]);

/**
 * The window the address asks for, when the API would take it (two months, `from` not after `to`,
 * at most MAX_FUNNEL_MONTHS); anything else (a typo, an old link) gets the last 12 months.
 */
export function funnelWindowOf(query: Partial<Record<string, QueryValue>>, now: number): FunnelWindow {
  const from = single(query['from']);
  const to = single(query['to']);
  if (from === undefined || to === undefined || !MONTH.test(from) || !MONTH.test(to)) return defaultFunnelWindow(now);
  const months = monthsFromTo(from, to);
  return months >= 1 && months <= MAX_FUNNEL_MONTHS ? { from, to } : defaultFunnelWindow(now);
}

/** Whether a window typed in the pickers can be asked for; the reason in words when not. */
export function funnelWindowProblem(window: FunnelWindow, messages: Messages): string | null {
  if (!MONTH.test(window.from) || !MONTH.test(window.to)) return messages.funnelMonthsMissing;
  const months = monthsFromTo(window.from, window.to);
  if (months < 1) return messages.funnelFromAfterTo;
  return months > MAX_FUNNEL_MONTHS ? messages.funnelTooManyMonths(MAX_FUNNEL_MONTHS) : null;
}

/** One step of a funnel as drawn: its clinics, their share of the cohort, the median days from the step before. */
export interface FunnelStepView {
  step: FunnelStep;
  clinics: number;
  /** Clinics at this step ÷ clinics created (0–1); null for a cohort without clinics. */
  share: number | null;
  medianDaysFromPrevious: number | null;
}

/** A cohort's steps with their shares of the clinics created in its month. */
export function funnelSteps(cohort: FunnelCohort): FunnelStepView[] {
  const created = cohort.steps[0]?.clinics ?? 0;
  return cohort.steps.map((step) => ({ ...step, share: created === 0 ? null : step.clinics / created }));
}

/**
 * The window's cohorts together: each step's clinics summed, their share of all the clinics
 * created. Medians do not add up (the median of medians is not the median of the clinics), so the
 * total has none.
 */
export function funnelTotal(cohorts: readonly FunnelCohort[]): FunnelStepView[] {
  const created = cohorts.reduce((sum, cohort) => sum + (cohort.steps[0]?.clinics ?? 0), 0);
  return FUNNEL_STEPS.map((step) => {
    const clinics = cohorts.reduce((sum, cohort) => sum + (cohort.steps.find((figures) => figures.step === step)?.clinics ?? 0), 0);
    return { step, clinics, share: created === 0 ? null : clinics / created, medianDaysFromPrevious: null };
  });
}

/** A median delay in days: "2,5 j" / "2.5 d"; "—" when no clinic went through the step. */
export function medianDaysWords(days: number | null, messages: Messages, locale: Locale): string {
  return days === null ? messages.noFigure : messages.funnelDays(formatDecimal(days, locale));
}
