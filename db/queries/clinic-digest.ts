/**
 * What a clinic owner's Monday digest reads besides the history's own rollup queries: the week's
 * waits per local hour of the call (the slowest hour), and the clinic's alerts of the week.
 */
import { and, asc, between, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { HourWaits } from '../../worker/domain/digest-insights.ts';
import type { DayRange } from '../../worker/domain/history-figures.ts';
import type { AlertKind } from '../../worker/domain/vocabulary.ts';
import type { Database } from '../client.ts';
import { alertInstances, alertRules } from '../schema/alerts.ts';
import { hourlyRollups } from '../schema/rollups.ts';

/** The calls of `range` summed by the local hour they were called in: at most 24 rows, from the hourly rollups' primary key. */
export function readHourWaits(db: Database, clinicId: string, range: DayRange): Promise<HourWaits[]> {
  return db
    .select({
      hour: hourlyRollups.hour,
      waitSumMs: sql<number>`coalesce(sum(${hourlyRollups.waitSumMs}), 0)`.mapWith(Number),
      waitCount: sql<number>`coalesce(sum(${hourlyRollups.waitCount}), 0)`.mapWith(Number),
    })
    .from(hourlyRollups)
    .where(and(eq(hourlyRollups.clinicId, clinicId), between(hourlyRollups.day, range.from, range.to)))
    .groupBy(hourlyRollups.hour);
}

export interface ClinicWeekAlert {
  id: string;
  clinicId: string | null;
  kind: AlertKind;
  value: number;
  threshold: number;
  firedAt: number;
  resolvedAt: number | null;
}

/**
 * The clinic's alerts that fired or resolved in `[fromMs, toMs)`, oldest first: those chosen for the
 * digest channel and those whose push was held by quiet hours end up here. A week is at most a few
 * dozen (an alert fires once until it resolves), `limit` bounds a storm.
 */
export function clinicAlertsBetween(db: Database, clinicId: string, fromMs: number, toMs: number, limit: number): Promise<ClinicWeekAlert[]> {
  const within = (column: typeof alertInstances.firedAt | typeof alertInstances.resolvedAt) => and(gte(column, fromMs), lt(column, toMs));
  return db
    .select({ id: alertInstances.id, clinicId: alertInstances.clinicId, kind: alertRules.kind, value: alertInstances.value, threshold: alertRules.threshold, firedAt: alertInstances.firedAt, resolvedAt: alertInstances.resolvedAt })
    .from(alertInstances)
    .innerJoin(alertRules, eq(alertRules.id, alertInstances.ruleId))
    // alert_instances_clinic_fired_idx: the clinic's instances by when they fired.
    .where(and(eq(alertInstances.clinicId, clinicId), or(within(alertInstances.firedAt), within(alertInstances.resolvedAt))))
    .orderBy(asc(alertInstances.firedAt), asc(alertInstances.id))
    .limit(limit);
}
