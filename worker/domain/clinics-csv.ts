/**
 * The clinic health table as a spreadsheet (`GET /admin/clinics.csv`): one record per clinic of
 * the table as filtered and sorted, every page of it, with every figure its rows answer
 * (`ClinicHealthRow`) under column names that stay put, and the file's name. Pure.
 */
import type { ClinicHealthRow, ClinicStatus } from './admin-wire.ts';
import type { CsvValue } from './csv.ts';
import { asciiSlug } from './file-names.ts';

/** The header row, in order. Renaming one breaks the spreadsheets built on the export: append only. */
export const CLINICS_CSV_COLUMNS = [
  'clinic_id',
  'name',
  'status',
  'archived',
  'timezone',
  'days_since_last_login',
  'last_login_at',
  'patients_today',
  'avg_wait_today_minutes',
  'qr_share_30d',
  'plan_price_minor',
  'currency',
] as const;

/** One clinic's record, in `CLINICS_CSV_COLUMNS` order: the row exactly as `GET /admin/clinics` answers it (null → empty cell). */
export function clinicsCsvValues(row: ClinicHealthRow): CsvValue[] {
  return [
    row.clinicId,
    row.name,
    row.status,
    row.archived,
    row.timezone,
    row.daysSinceLastLogin,
    row.lastLoginAt,
    row.patientsToday,
    row.avgWaitToday,
    row.qrShare30d,
    row.planPrice.amountMinor,
    row.planPrice.currency,
  ];
}

/** The table's filters, as the export was asked for them. */
export interface ClinicsCsvFilter {
  status?: ClinicStatus | undefined;
  q?: string | undefined;
  archived: boolean;
}

/**
 * The file's name: the service, what it lists, the filters that narrow it (archived, the status,
 * the search as a slug) and the day it was taken, so two exports side by side say which is which:
 * `pulse-cabinets-at_risk-sfax-2026-12-06.csv`. ASCII only: `at_risk` and the slug need no encoding.
 */
export function clinicsCsvFileName(filter: ClinicsCsvFilter, day: string): string {
  const search = asciiSlug(filter.q ?? '', '');
  const parts = ['pulse-cabinets', filter.archived ? 'archived' : '', filter.status ?? '', search, day];
  return `${parts.filter((part) => part !== '').join('-')}.csv`;
}
