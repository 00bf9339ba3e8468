/**
 * The clinic management form: what it checks before sending (the bounds of ClinicInputSchema in
 * worker/domain/admin-wire.ts, so the answer comes at once and in words), which input the API's
 * refusals belong to, and what an edit actually changes. Money is typed in major units, the way
 * a price is said ("50", "0,04"), with a comma or a point.
 */
import type { ClinicFields } from '../api/admin';
import { ApiError } from '../api/errors';
import { isRecord } from '../api/json';
import type { Messages } from '../i18n/fr';
import { minorUnitDigits } from '../../../worker/domain/money.ts';

export type ClinicField = keyof ClinicFields;

export const CLINIC_FIELDS: readonly ClinicField[] = ['name', 'timezone', 'planPrice', 'smsUnitCost'];

/** ClinicInputSchema's bounds. */
export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 120;
export const PLAN_PRICE_MAX = 100_000;
export const SMS_UNIT_COST_MAX = 1_000;

/** Where a new clinic starts: Pulse's first clinics are in Tunisia, on the 50 TND plan (PRODUCT.md). */
export const DEFAULT_TIMEZONE = 'Africa/Tunis';
export const DEFAULT_PLAN_PRICE = 50;

export type ClinicProblem =
  | 'nameTooShort'
  | 'nameTooLong'
  | 'nameTaken'
  | 'timezoneUnknown'
  | 'timezoneLocked'
  | 'amountMissing'
  | 'amountNotANumber'
  | 'planPriceOutOfRange'
  | 'smsUnitCostOutOfRange'
  /** The API refused the value for a reason the form does not check itself. */
  | 'refused';

export type ClinicProblems = Partial<Record<ClinicField, ClinicProblem>>;

/** The form's inputs as typed. */
export type ClinicFormText = Record<ClinicField, string>;

export type ClinicFormCheck = { ok: true; fields: ClinicFields } | { ok: false; problems: ClinicProblems };

/** An amount typed in major units: "50", "0,04", "1 000.5"; null when it is not a number. */
export function parseAmount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact);
}

/** The time zones a clinic may be in: the browser's IANA list, and UTC, as the API accepts. */
export function supportedTimeZones(): readonly string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

function amountProblem(text: string, max: number, outOfRange: ClinicProblem): ClinicProblem | null {
  if (text.trim() === '') return 'amountMissing';
  const amount = parseAmount(text);
  if (amount === null) return 'amountNotANumber';
  return amount > max ? outOfRange : null;
}

/** Checks the form as the API would, and reads it into the fields to send. */
export function checkClinicForm(text: ClinicFormText, zones: readonly string[]): ClinicFormCheck {
  const name = text.name.trim();
  const timezone = text.timezone.trim();
  const problems: ClinicProblems = {};
  if (name.length < NAME_MIN_LENGTH) problems.name = 'nameTooShort';
  else if (name.length > NAME_MAX_LENGTH) problems.name = 'nameTooLong';
  if (!zones.includes(timezone)) problems.timezone = 'timezoneUnknown';
  const planPrice = amountProblem(text.planPrice, PLAN_PRICE_MAX, 'planPriceOutOfRange');
  if (planPrice !== null) problems.planPrice = planPrice;
  const smsUnitCost = amountProblem(text.smsUnitCost, SMS_UNIT_COST_MAX, 'smsUnitCostOutOfRange');
  if (smsUnitCost !== null) problems.smsUnitCost = smsUnitCost;
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, fields: { name, timezone, planPrice: parseAmount(text.planPrice) ?? 0, smsUnitCost: parseAmount(text.smsUnitCost) ?? 0 } };
}

const isClinicField = (value: unknown): value is ClinicField => CLINIC_FIELDS.some((field) => field === value);

/**
 * The inputs an API refusal is about: each VALIDATION_FAILED issue on its field (`path`), a
 * CONFLICT on the field it names (a name already taken, a time zone that can no longer move).
 * Null when the refusal is about none of them: the form then says it as a whole.
 */
export function problemsFromRefusal(error: unknown): ClinicProblems | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'CONFLICT') {
    const field = error.details['field'];
    if (field === 'name') return { name: 'nameTaken' };
    if (field === 'timezone') return { timezone: 'timezoneLocked' };
    return null;
  }
  if (error.code !== 'VALIDATION_FAILED') return null;
  const issues = error.details['issues'];
  const problems: ClinicProblems = {};
  for (const issue of Array.isArray(issues) ? issues : []) {
    const field = isRecord(issue) && typeof issue['path'] === 'string' ? issue['path'].split('.')[0] : undefined;
    if (isClinicField(field)) problems[field] = field === 'timezone' ? 'timezoneUnknown' : 'refused';
  }
  return Object.keys(problems).length > 0 ? problems : null;
}

/** What an edit sends: only the fields that differ from the clinic as it was. */
export function changedFields(before: ClinicFields, after: ClinicFields): Partial<ClinicFields> {
  const changes: Partial<ClinicFields> = {};
  if (after.name !== before.name) changes.name = after.name;
  if (after.timezone !== before.timezone) changes.timezone = after.timezone;
  if (after.planPrice !== before.planPrice) changes.planPrice = after.planPrice;
  if (after.smsUnitCost !== before.smsUnitCost) changes.smsUnitCost = after.smsUnitCost;
  return changes;
}

/** An amount stored in minor units, in major units as the form shows it to be edited: 40 millimes → "0,04". */
export function amountText(minor: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: digits }).format(minor / 10 ** digits);
}

/** An amount stored in minor units, in major units as a number: 50 000 millimes → 50. */
export function majorUnits(minor: number, currency: string): number {
  return minor / 10 ** minorUnitDigits(currency);
}

/** A problem of an input, in words. */
export function describeClinicProblem(problem: ClinicProblem, field: ClinicField, messages: Messages): string {
  switch (problem) {
    case 'nameTooShort':
      return messages.clinicNameTooShort(NAME_MIN_LENGTH);
    case 'nameTooLong':
      return messages.clinicNameTooLong(NAME_MAX_LENGTH);
    case 'nameTaken':
      return messages.clinicNameTaken;
    case 'timezoneUnknown':
      return messages.clinicTimezoneUnknown;
    case 'timezoneLocked':
      return messages.clinicTimezoneLocked;
    case 'amountMissing':
      return field === 'planPrice' ? messages.planPriceMissing : messages.smsUnitCostMissing;
    case 'amountNotANumber':
      return messages.amountNotANumber;
    case 'planPriceOutOfRange':
      return messages.planPriceOutOfRange(PLAN_PRICE_MAX);
    case 'smsUnitCostOutOfRange':
      return messages.smsUnitCostOutOfRange(SMS_UNIT_COST_MAX);
    case 'refused':
      return messages.clinicFieldRefused;
  }
}
