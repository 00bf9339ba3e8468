/**
 * The service's walk-out model (PRODUCT: walk-out risk), which a young clinic's own model is
 * shrunk toward: refitted each night from a random sample of live clinics' last four weeks, and
 * read by each ClinicQueue when it fits its day's models (`readServiceWalkOutModel`). Until the service has one (a new
 * deployment), the documented default stands in (SERVICE_WALK_OUT_PRIOR).
 *
 * The sample is bounded (`SAMPLE_CLINICS`): the landmarks of one clinic's four weeks are a few
 * thousand, so fifty clinics fit well within a Worker's memory and CPU, and a service of ten
 * thousand clinics is heard from in turn, night after night.
 */
import type { Database } from '../../db/client.ts';
import { pastEntriesForEstimates } from '../../db/queries/clinic-queue.ts';
import { clinicsWithRecentPatients, WALK_OUT_MODEL_KIND, writeServiceModel } from '../../db/queries/service-models.ts';
import { addClinicDays, clinicDayOf } from '../domain/clinic-time.ts';
import { ESTIMATOR_HISTORY_DAYS } from '../domain/wait-estimate.ts';
import { fitWalkOutLandmarks, SERVICE_WALK_OUT_PRIOR, walkOutLandmarks, type WalkOutLandmarks, type WalkOutModel } from '../domain/walk-out-risk.ts';

export const SAMPLE_CLINICS = 50;

/** Refits the service's model as of `at`; answers how many clinics and entries it learnt from (0: kept as it was). */
export async function refreshServiceWalkOutModel(db: Database, at: number): Promise<{ clinics: number; entries: number }> {
  const sinceDay = addClinicDays(clinicDayOf(at, 'UTC'), -ESTIMATOR_HISTORY_DAYS);
  const { model, clinics } = await fitServiceWalkOutModel(db, await clinicsWithRecentPatients(db, sinceDay, SAMPLE_CLINICS), at);
  if (model.entries === 0) return { clinics: 0, entries: 0 };
  await writeServiceModel(db, { kind: WALK_OUT_MODEL_KIND, model: JSON.stringify(model), clinics, entries: model.entries, fittedAt: at });
  return { clinics, entries: model.entries };
}

/** The model learnt from `sample`'s four weeks before `at` (each clinic's own days), and how many clinics had any. */
export async function fitServiceWalkOutModel(db: Database, sample: ReadonlyArray<{ id: string; timezone: string }>, at: number): Promise<{ model: WalkOutModel; clinics: number }> {
  const sets: WalkOutLandmarks[] = [];
  for (const clinic of sample) {
    const today = clinicDayOf(at, clinic.timezone);
    const entries = await pastEntriesForEstimates(db, clinic.id, addClinicDays(today, -ESTIMATOR_HISTORY_DAYS), today);
    const set = walkOutLandmarks(entries, clinic.timezone);
    if (set.entries > 0) sets.push(set);
  }
  return { model: fitWalkOutLandmarks(sets, SERVICE_WALK_OUT_PRIOR), clinics: sets.length };
}
