/**
 * The models a clinic's day runs with, fitted once when the day opens from the weeks before it
 * (ModelHistoryEntry rows): the wait estimator (wait-estimate.ts), the walk-out risk, shrunk
 * toward the service's model (walk-out-risk.ts), and the usual figures of each weekday and hour
 * (hour-baselines.ts). Small JSON, kept by the clinic's ClinicQueue with its day.
 */
import { z } from 'zod';
import { fitHourBaselines, HourBaselinesSchema, type HourBaselines } from './hour-baselines.ts';
import type { ModelHistoryEntry } from './past-entry.ts';
import { defaultEstimatorModel, EstimatorModelSchema, fitEstimatorModel, type EstimatorModel } from './wait-estimate.ts';
import { fitWalkOutModel, SERVICE_WALK_OUT_PRIOR, WalkOutModelSchema, type WalkOutModel } from './walk-out-risk.ts';

export interface DayModels {
  estimator: EstimatorModel;
  walkOut: WalkOutModel;
  baselines: HourBaselines;
}

/** As stored: checked, not trusted (a Durable Object's storage outlives deployments). */
export const DayModelsSchema = z.object({ estimator: EstimatorModelSchema, walkOut: WalkOutModelSchema, baselines: HourBaselinesSchema });

/** A clinic without history: the default estimator, the service's walk-out model, no baseline. */
export function defaultDayModels(): DayModels {
  return { estimator: defaultEstimatorModel(), walkOut: SERVICE_WALK_OUT_PRIOR, baselines: { hours: [] } };
}

export function fitDayModels(history: readonly ModelHistoryEntry[], timezone: string, walkOutPrior: WalkOutModel = SERVICE_WALK_OUT_PRIOR): DayModels {
  return {
    estimator: fitEstimatorModel(history, timezone),
    walkOut: fitWalkOutModel(history, timezone, walkOutPrior),
    baselines: fitHourBaselines(history, timezone),
  };
}
