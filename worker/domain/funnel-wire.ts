/**
 * The answer of `GET /api/v1/admin/funnel`, shared by the Worker and the PWA: one cohort per
 * creation month (UTC) of the window, empty months included, each with the clinics at every step
 * of the activation funnel (domain/activation-funnel.ts) and the median days from the step before.
 */
import { z } from 'zod';
import { FUNNEL_STEPS } from './activation-funnel.ts';

export const FunnelSchema = z.object({
  from: z.string(),
  to: z.string(),
  cohorts: z.array(
    z.object({
      month: z.string(),
      steps: z.array(z.object({ step: z.enum(FUNNEL_STEPS), clinics: z.int().nonnegative(), medianDaysFromPrevious: z.number().nullable() })),
    }),
  ),
});

export type FunnelAnswer = z.infer<typeof FunnelSchema>;
