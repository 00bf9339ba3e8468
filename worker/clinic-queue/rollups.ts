import { rollupClinic } from '../domain/rollup.ts';
import type { QueueDay } from '../domain/queue-projection.ts';
import { addToOutbox } from './storage.ts';

/** Today's rollups as they stand: whole rows, upserted by key, so sending them again is harmless. */
export function rollupsOfDay(day: QueueDay, now: number) {
  return rollupClinic({
    clinicId: day.settings.clinicId,
    timezone: day.settings.timezone,
    serviceTargetMinutes: day.settings.serviceTargetMinutes,
    entries: day.entries.values(),
    sms: day.sms.values(),
    now,
    days: { from: day.day, to: day.day },
  });
}

/** A day closing at midnight: its final rollups (finalised) go to libSQL through the outbox. */
export function addClosedDayRollupsToOutbox(sql: SqlStorage, day: QueueDay, now: number): void {
  const { daily, hourly } = rollupsOfDay(day, Math.max(now, day.endsAt));
  for (const row of daily) addToOutbox(sql, 'daily', row, now);
  for (const row of hourly) addToOutbox(sql, 'hourly', row, now);
}
