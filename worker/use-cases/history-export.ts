import { readGroupedDays, readHistoryClinic } from '../../db/queries/history.ts';
import { clinicDayOf } from '../domain/clinic-time.ts';
import { chartPoints, windowsOf, type ChartPoint, type DayRange } from '../domain/history-figures.ts';
import type { ExportedClinic } from '../domain/history-csv.ts';
import type { Timeframe } from '../domain/history-wire.ts';
import type { HistoryRuntime } from './history-answers.ts';
import { failed, succeeded, type Result } from './result.ts';

/** What the history export writes: the clinic, its window, and one zero-filled point per day of it. */
export interface HistoryExport {
  clinic: ExportedClinic;
  period: DayRange;
  days: ChartPoint[];
}

/**
 * The clinic days of the window, day by day even for a year (the `charts` answer groups a year by
 * week), each with the figures `charts` answers for a day: the same rollups, the same rounding.
 */
export async function historyExportOf(runtime: HistoryRuntime, clinicId: string, timeframe: Timeframe): Promise<Result<HistoryExport, 'no_such_clinic'>> {
  const clinic = await readHistoryClinic(runtime.db, clinicId);
  if (clinic === undefined) return failed('no_such_clinic');
  const { current } = windowsOf(timeframe, clinicDayOf(runtime.clock.now(), clinic.timezone));
  const rows = await readGroupedDays(runtime.db, clinic.id, current, 'day');
  return succeeded({
    clinic: { name: clinic.name, currency: clinic.currency },
    period: current,
    days: chartPoints(rows, current, 'day', clinic.serviceTargetMinutes),
  });
}
