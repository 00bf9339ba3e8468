import { saveQueueWrite } from '../../db/queries/queue-writes.ts';
import type { DailyRollupRow, HourlyRollupRow } from '../../worker/domain/rollup.ts';
import { testDatabase } from './world.ts';

/**
 * Hand-built rollups stored the way the ClinicQueue's write-behind stores its own (upserted whole
 * by key): a clinic's history written out, without its raw events.
 */
export async function storeRollups(rollups: { daily?: readonly DailyRollupRow[]; hourly?: readonly HourlyRollupRow[] }): Promise<void> {
  await saveQueueWrite(testDatabase(), { events: [], entries: [], sms: [], activity: [], daily: rollups.daily ?? [], hourly: rollups.hourly ?? [] });
}
