/**
 * The answer of `GET /api/v1/admin/revenue`, shared by the Worker and the PWA: per currency, the
 * MRR movements of each UTC month of the window, oldest first, the current month (to now) last
 * (worker/domain/revenue-movements.ts).
 */
import { z } from 'zod';

const minor = (description: string) => z.number().int().describe(description);

export const RevenueMonthSchema = z.object({
  month: z.string().describe('YYYY-MM, UTC'),
  mrrStartMinor: minor("MRR at the month's first instant, minor units"),
  newMinor: minor('Clinics active for the first time, at their end price'),
  expansionMinor: minor('Price rises of clinics active at both ends'),
  contractionMinor: minor('Price cuts of clinics active at both ends (a positive amount)'),
  churnedMinor: minor('Clinics active at the start and not at the end, at their start price'),
  reactivationMinor: minor('Clinics active before, inactive at the start and active at the end, at their end price'),
  mrrEndMinor: minor("MRR at the month's end (the next month's start, or now): start + new + expansion + reactivation − contraction − churned"),
  activeClinics: z.number().int().describe('Clinics active at the end'),
  arpuMinor: z.number().int().nullable().describe('MRR at the end ÷ active clinics, rounded to the minor unit; null without any'),
  logoChurnRate: z.number().nullable().describe('Churned clinics ÷ clinics active at the start, to 0.0001; null when none was'),
  revenueChurnRate: z.number().nullable().describe('(Churned + contraction) ÷ MRR at the start, to 0.0001; null when it was 0'),
});

export const RevenueSchema = z.object({
  months: z.number().int(),
  currencies: z.array(z.object({ currency: z.string(), months: z.array(RevenueMonthSchema) })).describe('The currencies with an active clinic in the window, alphabetical'),
});

export type RevenueAnswer = z.infer<typeof RevenueSchema>;
export type RevenueMonthAnswer = z.infer<typeof RevenueMonthSchema>;
