/**
 * The activation funnel as the super admin's Activation screen reads it (`GET /admin/funnel`): one
 * cohort per creation month of the window, checked against the Worker's schema
 * (worker/domain/funnel-wire.ts), or the errors of client.ts.
 */
import { FunnelSchema, type FunnelAnswer } from '../../../worker/domain/funnel-wire.ts';
import { parseAnswer } from './answer';
import { api, callApi } from './client';

export { FUNNEL_STEPS, MAX_FUNNEL_MONTHS, type FunnelStep } from '../../../worker/domain/activation-funnel.ts';
export type { FunnelAnswer };
export type FunnelCohort = FunnelAnswer['cohorts'][number];

/** `GET /admin/funnel?from=YYYY-MM&to=YYYY-MM`: the cohorts created from `from` to `to`, both included (UTC months). */
export async function fetchActivationFunnel(from: string, to: string): Promise<FunnelAnswer> {
  return parseAnswer(FunnelSchema, 'activation funnel', await callApi(api.admin.funnel.$get({ query: { from, to } })));
}
