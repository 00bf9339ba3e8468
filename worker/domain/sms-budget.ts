/**
 * A clinic's SMS month against its monthly budget (PRODUCT: "A clinic may set a monthly SMS
 * budget"): what `stats/today.sms` shows, what the budget alerts judge and what the digest's budget
 * line says, all from this one function so the three never disagree.
 *
 * The month is the clinic's calendar month in its own zone, up to and including today. Days are
 * `YYYY-MM-DD` labels: day counts are calendar arithmetic on labels, so a DST change inside the
 * month changes nothing (a clinic day is a day, whether it lasts 23, 24 or 25 hours).
 *
 * Projection (docs/product.md): month-to-date cost + the mean daily cost of the month's completed
 * clinic days × the days left after today; none before 3 completed days. Completed days are the
 * month's days before today, from the clinic's first day when it opened during the month (days
 * before it existed would drag the mean down); a completed day without SMS counts as 0.
 */
import { clinicDayOf, clinicDaysBetween } from './clinic-time.ts';

/** PRODUCT: the month's projection needs this many completed clinic days. */
export const MIN_COMPLETED_DAYS_FOR_PROJECTION = 3;

/** One clinic day's SMS and patients seen, as a daily rollup (or today's live queue) counts them. */
export interface SmsDay {
  /** `YYYY-MM-DD`, clinic time. */
  day: string;
  /** SMS sent that day, whatever became of them (a failed SMS is still paid for). */
  count: number;
  costMinor: number;
  seen: number;
}

export interface SmsMonthInput {
  now: number;
  /** The clinic's IANA zone: its month and its "today" are read on its own calendar. */
  timezone: string;
  /**
   * When the clinic was created: completed days before its first clinic day are not counted in
   * the projection's mean.
   */
  createdAt: number;
  budgetMinor: number | null;
  /** The clinic's days; only those of today's month up to today count (others are ignored). */
  days: readonly SmsDay[];
}

/** `stats/today.sms`. Money in minor units of the clinic's currency. */
export interface SmsBudgetFigures {
  monthToDate: SmsCount;
  budgetMinor: number | null;
  /** Month-to-date cost ÷ budget, to 0.0001 (0.62 = 62 %); null without a budget. */
  budgetShare: number | null;
  /** Null before 3 completed clinic days in the month. */
  projectedMonthEndMinor: number | null;
  /** Month-to-date cost ÷ patients seen this month, rounded to the minor unit; null when none was seen. */
  costPerSeenMinor: number | null;
}

/** SMS of one day: how many were sent and what they cost. */
export interface SmsCount {
  count: number;
  costMinor: number;
}

/**
 * A day's SMS as the daily rollup counts them (`rollup.ts`): every SMS sent, whatever became of it,
 * at the cost it was sent at. Today's live queue counts its own with this.
 */
export function countSms(messages: Iterable<{ costMinor: number }>): SmsCount {
  let count = 0;
  let costMinor = 0;
  for (const message of messages) {
    count += 1;
    costMinor += message.costMinor;
  }
  return { count, costMinor };
}

/** `YYYY-MM` of a `YYYY-MM-DD` day. */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

/** The first day (`YYYY-MM-01`) of a `YYYY-MM` month. */
export function firstDayOfMonth(month: string): string {
  return `${month}-01`;
}

/**
 * Calendar days in a `YYYY-MM` month (28, 29, 30 or 31). Gregorian rules computed by hand: `Date`
 * maps the years 0–99 onto 1900–1999, which would give year 4 no 29 February.
 */
export function daysInMonth(month: string): number {
  const [year, monthNumber] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  if (monthNumber === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(monthNumber) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether `day` lies in today's month, up to and including today (text comparison of labels). */
function inMonthToDate(day: string, today: string): boolean {
  return monthOfDay(day) === monthOfDay(today) && day <= today;
}

/** The clinic's month (`YYYY-MM`) and today (`YYYY-MM-DD`) at `now`, on its own calendar. */
export function clinicMonthAt(now: number, timezone: string): { month: string; today: string } {
  const today = clinicDayOf(now, timezone);
  return { month: monthOfDay(today), today };
}

/** The month's SMS against the budget at `now` (see the module's comment for each definition). */
export function smsBudgetFigures(input: SmsMonthInput): SmsBudgetFigures {
  const { budgetMinor } = input;
  const { today } = clinicMonthAt(input.now, input.timezone);
  const month = input.days.filter((day) => inMonthToDate(day.day, today));
  const count = sumOf(month, (day) => day.count);
  const costMinor = sumOf(month, (day) => day.costMinor);
  const seen = sumOf(month, (day) => day.seen);
  return {
    monthToDate: { count, costMinor },
    budgetMinor,
    budgetShare: budgetMinor === null ? null : Math.round((costMinor / budgetMinor) * 10_000) / 10_000,
    projectedMonthEndMinor: projectedMonthEnd(today, clinicDayOf(input.createdAt, input.timezone), month, costMinor),
    costPerSeenMinor: seen > 0 ? Math.round(costMinor / seen) : null,
  };
}

function projectedMonthEnd(today: string, firstDay: string, month: readonly SmsDay[], costToDateMinor: number): number | null {
  const monthStart = firstDayOfMonth(monthOfDay(today));
  // Text comparison: both are YYYY-MM-DD labels.
  const countFrom = firstDay > monthStart ? firstDay : monthStart;
  const completedDays = clinicDaysBetween(countFrom, today);
  if (completedDays < MIN_COMPLETED_DAYS_FOR_PROJECTION) return null;
  const completedCost = sumOf(
    month.filter((day) => day.day >= countFrom && day.day < today),
    (day) => day.costMinor,
  );
  const daysLeft = daysInMonth(monthOfDay(today)) - Number(today.slice(8, 10));
  return Math.round(costToDateMinor + (completedCost / completedDays) * daysLeft);
}

function sumOf(days: readonly SmsDay[], counter: (day: SmsDay) => number): number {
  return days.reduce((total, day) => total + counter(day), 0);
}
