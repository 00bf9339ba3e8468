/** A health table row's figures in words, the same in the wide table and on the phone's cards. */
import type { ClinicHealthRow, ClinicSort } from '../../api/admin';
import { lastLoginWords } from '../../admin/admin-words';
import { formatCount, formatMinutes, formatMoney, formatShare } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';

/** The columns after the name, in the table's order: each is a sort. */
export const HEALTH_COLUMNS = [
  'daysSinceLastLogin',
  'patientsToday',
  'avgWaitToday',
  'status',
  'planPrice',
  'qrShare30d',
] as const satisfies readonly ClinicSort[];
export type HealthColumn = (typeof HEALTH_COLUMNS)[number];

/** A cell's text; null values say "—", as the figure cards do. */
export function healthCell(row: ClinicHealthRow, column: HealthColumn): string {
  switch (column) {
    case 'daysSinceLastLogin':
      return lastLoginWords(row.daysSinceLastLogin, t());
    case 'patientsToday':
      return formatCount(row.patientsToday, locale());
    case 'avgWaitToday':
      return row.avgWaitToday === null ? t().noFigure : formatMinutes(row.avgWaitToday, t());
    case 'status':
      return t().clinicStatuses[row.status];
    case 'planPrice':
      return formatMoney(row.planPrice.amountMinor, row.planPrice.currency, locale());
    case 'qrShare30d':
      return row.qrShare30d === null ? t().noFigure : formatShare(row.qrShare30d, locale());
  }
}
