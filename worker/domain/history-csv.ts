/**
 * The history export of one clinic (`GET /clinics/{id}/history.csv`): one CSV record per clinic
 * day of the window with every figure the history answers carry for that day, under column names
 * that stay put (a spreadsheet or a script reads them by name), and the file's name. Pure.
 */
import type { CsvValue } from './csv.ts';
import { asciiSlug, attachmentDisposition } from './file-names.ts';
import type { ChartPoint, DayRange } from './history-figures.ts';

/** The header row, in order. Renaming one breaks the spreadsheets built on the export: append only. */
export const HISTORY_CSV_COLUMNS = [
  'clinic',
  'day',
  'patients',
  'check_ins_qr',
  'check_ins_manual',
  'seen',
  'no_shows',
  'cancelled',
  'no_show_rate',
  'avg_wait_minutes',
  'max_wait_minutes',
  'avg_consultation_minutes',
  'qr_share',
  'sms_sent',
  'sms_failed',
  'sms_cost_minor',
  'currency',
  'unfinished',
  'quotes_called',
  'quote_mean_abs_error_minutes',
  'quote_median_abs_error_minutes',
  'quote_within_range_share',
  'quote_under_quoted_share',
  'service_target_minutes',
  'service_called',
  'service_called_within_target',
  'service_level_share',
  'walk_out_scored',
  'walk_out_brier',
  'walk_out_base_rate_brier',
] as const;

/** The clinic a row belongs to: its name (a cell like any other, neutralised by `csvRow`) and its currency. */
export interface ExportedClinic {
  name: string;
  currency: string;
}

/** One day's record, in `HISTORY_CSV_COLUMNS` order: the figures exactly as `charts` answers them (null → empty cell). */
export function historyCsvValues(clinic: ExportedClinic, point: ChartPoint): CsvValue[] {
  const { figures } = point;
  const { estimates, serviceLevel, walkOutModel } = figures;
  return [
    clinic.name,
    point.date,
    figures.patients,
    figures.checkInsQr,
    figures.checkInsManual,
    figures.seen,
    figures.noShows,
    figures.cancelled,
    figures.noShowRate,
    figures.avgWaitMinutes,
    figures.maxWaitMinutes,
    figures.avgConsultationMinutes,
    figures.qrShare,
    figures.smsSent,
    figures.smsFailed,
    figures.smsCostMinor,
    clinic.currency,
    figures.unfinished,
    estimates.called,
    estimates.meanAbsoluteErrorMinutes,
    estimates.medianAbsoluteErrorMinutes,
    estimates.withinRangeShare,
    estimates.underQuotedShare,
    serviceLevel.targetMinutes,
    serviceLevel.called,
    serviceLevel.calledWithinTarget,
    serviceLevel.share,
    walkOutModel.entries,
    walkOutModel.brier,
    walkOutModel.baseRateBrier,
  ];
}

/**
 * `Content-Disposition` of the export: a safe ASCII `filename` (the slug, which old clients show)
 * and the clinic's real name in `filename*` (RFC 6266 / 5987), e.g.
 * `attachment; filename="cabinet-ennour-history-2026-03-01-2026-03-30.csv"; filename*=UTF-8''Cabinet%20Ennour-history-…`.
 */
export function historyCsvDisposition(clinicName: string, period: DayRange): string {
  const suffix = `-history-${period.from}-${period.to}.csv`;
  return attachmentDisposition(`${asciiSlug(clinicName)}${suffix}`, `${clinicName}${suffix}`);
}
