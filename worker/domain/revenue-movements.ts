/**
 * MRR movements per UTC month (docs/product.md "The SaaS owner's back office"). Each clinic is
 * looked at on two instants, the month's start and its end (the next month's start, or now for the
 * current month): active at both, its price change is expansion (up) or contraction (down);
 * inactive then active, it is new (no login ever before the month) or a reactivation, at its end
 * price; active then inactive, it churned, at its start price. "Active" is what MRR counts (not
 * archived, created, a login in the 30 days up to the instant), each at the price in force then.
 * So start + new + expansion + reactivation − contraction − churned = end exactly, and a month's
 * end is the next one's start. Pure: libSQL groups the clinics, this adds the groups up.
 */
import { shareOf } from './business-figures.ts';
import { monthEnd, monthsBetween, monthStart } from './activation-funnel.ts';
import type { RevenueMonthAnswer as RevenueMonth } from './revenue-wire.ts';

export type { RevenueMonth };

/** The longest window the admin may ask for: three years of months. */
export const MAX_REVENUE_MONTHS = 36;
export const DEFAULT_REVENUE_MONTHS = 12;

/** A month of the window: its YYYY-MM and the two instants its clinics are compared at. */
export interface RevenueWindow {
  month: string;
  start: number;
  end: number;
}

/** The `count` UTC months ending with the current one, oldest first; the current month ends now. */
export function revenueWindows(now: number, count: number): RevenueWindow[] {
  const current = new Date(now).toISOString().slice(0, 7);
  const first = new Date(monthStart(current));
  first.setUTCMonth(first.getUTCMonth() - (count - 1));
  return monthsBetween(first.toISOString().slice(0, 7), current).map((month) => ({ month, start: monthStart(month), end: Math.min(monthEnd(month), now) }));
}

/**
 * Clinics of one currency that moved alike in one month (libSQL's groups): active or not at the
 * month's start and end, seen before (a login before the start), and the sums of their prices at
 * both instants (a price counts only where the clinic is active). Clinics active at both instants
 * are grouped by the sign of their price change, so a group's change is all up or all down.
 */
export interface MovementGroup {
  currency: string;
  /** The month's place in the window, 0 the oldest. */
  monthIndex: number;
  activeAtStart: boolean;
  activeAtEnd: boolean;
  seenBefore: boolean;
  clinics: number;
  startMinor: number;
  endMinor: number;
}

export interface CurrencyRevenue {
  currency: string;
  months: RevenueMonth[];
}

interface MonthTally {
  mrrStartMinor: number;
  newMinor: number;
  expansionMinor: number;
  contractionMinor: number;
  churnedMinor: number;
  reactivationMinor: number;
  mrrEndMinor: number;
  activeAtStart: number;
  activeAtEnd: number;
  churnedClinics: number;
}

const emptyTally = (): MonthTally => ({
  mrrStartMinor: 0, newMinor: 0, expansionMinor: 0, contractionMinor: 0, churnedMinor: 0, reactivationMinor: 0, mrrEndMinor: 0, activeAtStart: 0, activeAtEnd: 0, churnedClinics: 0,
});

/** Adds one group's clinics to their month: what they were worth at each end, and how they moved. */
function tallyGroup(tally: MonthTally, group: MovementGroup): void {
  if (group.activeAtStart) {
    tally.mrrStartMinor += group.startMinor;
    tally.activeAtStart += group.clinics;
  }
  if (group.activeAtEnd) {
    tally.mrrEndMinor += group.endMinor;
    tally.activeAtEnd += group.clinics;
  }
  if (group.activeAtStart && group.activeAtEnd) {
    const change = group.endMinor - group.startMinor;
    if (change > 0) tally.expansionMinor += change;
    else tally.contractionMinor -= change;
  } else if (group.activeAtEnd) {
    if (group.seenBefore) tally.reactivationMinor += group.endMinor;
    else tally.newMinor += group.endMinor;
  } else if (group.activeAtStart) {
    tally.churnedMinor += group.startMinor;
    tally.churnedClinics += group.clinics;
  }
}

function monthOf(month: string, tally: MonthTally): RevenueMonth {
  const { activeAtStart, activeAtEnd, churnedClinics, ...money } = tally;
  return {
    month,
    mrrStartMinor: money.mrrStartMinor,
    newMinor: money.newMinor,
    expansionMinor: money.expansionMinor,
    contractionMinor: money.contractionMinor,
    churnedMinor: money.churnedMinor,
    reactivationMinor: money.reactivationMinor,
    mrrEndMinor: money.mrrEndMinor,
    activeClinics: activeAtEnd,
    arpuMinor: activeAtEnd > 0 ? Math.round(money.mrrEndMinor / activeAtEnd) : null,
    logoChurnRate: shareOf(churnedClinics, activeAtStart),
    revenueChurnRate: shareOf(money.churnedMinor + money.contractionMinor, money.mrrStartMinor),
  };
}

/**
 * Every month of the window for each currency that had an active clinic in it (alphabetical),
 * empty months as zeros.
 */
export function revenueByCurrency(windows: readonly RevenueWindow[], groups: readonly MovementGroup[]): CurrencyRevenue[] {
  const currencies = [...new Set(groups.map((group) => group.currency))].sort();
  return currencies.map((currency) => {
    const tallies = windows.map(emptyTally);
    for (const group of groups) {
      const tally = tallies[group.monthIndex];
      if (group.currency === currency && tally !== undefined) tallyGroup(tally, group);
    }
    return { currency, months: windows.map((window, index) => monthOf(window.month, tallies[index] ?? emptyTally())) };
  });
}
