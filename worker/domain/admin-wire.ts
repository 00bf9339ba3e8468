/**
 * The answers of the admin console (`/api/v1/admin/*`), shared by the Worker and the PWA. Business
 * figures exactly as PRODUCT.md defines them; each says the window it is measured over.
 *
 * Clinic status, from the time since the clinic's last login (`clinic_login` activity): onboarding
 * while it never logged in and was created under 30 days ago; active under 7 days since the last
 * login; at risk from 7 days to 30 days inclusive; churned beyond 30 days, or never logged in and
 * created 30 days ago or more. Active clinics (and so MRR) are those with a login in the past 30
 * days: active and at-risk ones. Onboarding clinics are counted apart, never as churn risk.
 * Archived clinics are outside every figure; their history stays.
 */
import { z } from 'zod';

/** In the order of a clinic's life, which is also the order `sort=status` follows. */
export const CLINIC_STATUSES = ['onboarding', 'active', 'at_risk', 'churned'] as const;
export type ClinicStatus = (typeof CLINIC_STATUSES)[number];

export const ADMIN_TIMEFRAMES = ['30d', '90d', '1y'] as const;
export type AdminTimeframe = (typeof ADMIN_TIMEFRAMES)[number];

const Money = z.object({ currency: z.string(), amountMinor: z.number().int() });

export const ClinicAtRiskSchema = z.object({
  clinicId: z.string(),
  name: z.string(),
  status: z.enum(CLINIC_STATUSES),
  /** Whole days since the last login; null when the clinic never logged in. */
  daysSinceLastLogin: z.number().int().nullable(),
});

export const FiringAlertSchema = z.object({
  id: z.string(),
  kind: z.string(),
  clinicId: z.string().nullable(),
  value: z.number(),
  firedAt: z.string(),
});

export const AdminMetricsSchema = z.object({
  asOf: z.string(),
  /** Clinics that are not archived. */
  totalClinics: z.number().int(),
  activeClinics: z.object({ count: z.number().int(), window: z.literal('30d') }),
  /** Clinics that never logged in and were created under 30 days ago: counted apart, in no churn figure. */
  onboardingClinics: z.object({ count: z.number().int(), window: z.literal('30d') }),
  /** Plan prices of active clinics, per currency; `sevenDaysAgo` from the business snapshot of that day (null before the first one). */
  mrr: z.array(Money.extend({ sevenDaysAgoMinor: z.number().int().nullable(), changePercent: z.number().nullable() })),
  /** Check-ins today, each clinic on its own clinic day. */
  patientsToday: z.object({ count: z.number().int(), window: z.literal('clinic_today') }),
  smsToday: z.object({ count: z.number().int(), cost: z.array(Money), window: z.literal('clinic_today') }),
  /** Failed ÷ sent over the last hour; null below 20 SMS sent. */
  smsFailureRate: z.object({ rate: z.number().nullable(), sent: z.number().int(), failed: z.number().int(), window: z.literal('1h'), minimumSent: z.literal(20) }),
  /** Clinics with no login for 7 days or more (at risk and churned, never onboarding), count and share of all clinics. */
  churnRisk: z.object({ count: z.number().int(), share: z.number().nullable(), atRisk: z.number().int(), churned: z.number().int(), clinics: z.array(ClinicAtRiskSchema), window: z.literal('7d') }),
  /** QR check-ins ÷ all check-ins: today (each clinic's day) and the trailing 30 clinic days. */
  qrAdoption: z.object({ today: z.number().nullable(), last30Days: z.number().nullable() }),
  /** Mean of `waiting` over the clinics whose queue is open now (a check-in today). */
  averageQueueLength: z.object({ value: z.number().nullable(), openQueues: z.number().int() }),
  firingAlerts: z.array(FiringAlertSchema),
});
export type AdminMetrics = z.infer<typeof AdminMetricsSchema>;

export const CLINIC_SORTS = ['name', 'daysSinceLastLogin', 'patientsToday', 'avgWaitToday', 'status', 'planPrice', 'qrShare30d'] as const;
export type ClinicSort = (typeof CLINIC_SORTS)[number];

export const ClinicHealthRowSchema = z.object({
  clinicId: z.string(),
  name: z.string(),
  timezone: z.string(),
  status: z.enum(CLINIC_STATUSES),
  daysSinceLastLogin: z.number().int().nullable(),
  lastLoginAt: z.string().nullable(),
  patientsToday: z.number().int(),
  /** Minutes, 0.1; null when nobody was called today. */
  avgWaitToday: z.number().nullable(),
  planPrice: Money,
  qrShare30d: z.number().nullable(),
  archived: z.boolean(),
});
export type ClinicHealthRow = z.infer<typeof ClinicHealthRowSchema>;

export const ClinicHealthPageSchema = z.object({
  clinics: z.array(ClinicHealthRowSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  sort: z.enum(CLINIC_SORTS),
  order: z.enum(['asc', 'desc']),
});
export type ClinicHealthPage = z.infer<typeof ClinicHealthPageSchema>;

export const AdminClinicDetailSchema = z.object({
  clinic: ClinicHealthRowSchema.extend({
    smsUnitCost: Money,
    createdAt: z.string(),
    archivedAt: z.string().nullable(),
    owners: z.array(z.object({ userId: z.string(), email: z.string(), pending: z.boolean() })),
  }),
});
export type AdminClinicDetail = z.infer<typeof AdminClinicDetailSchema>;

export const TimelineItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  /** Small JSON object (platform, entry id, alert id, change); never personal data. */
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export const TimelinePageSchema = z.object({ items: z.array(TimelineItemSchema), nextCursor: z.string().nullable() });
export type TimelinePage = z.infer<typeof TimelinePageSchema>;

export const TrendPointSchema = z.object({
  day: z.string(),
  /** Null for days before the first business snapshot. */
  mrrMinor: z.number().int().nullable(),
  activeClinics: z.number().int().nullable(),
  patients: z.number().int(),
  smsSent: z.number().int(),
  smsCostMinor: z.number().int(),
  qrAdoption: z.number().nullable(),
  dau: z.number().int().nullable(),
});

export const AdminTrendsSchema = z.object({
  timeframe: z.enum(ADMIN_TIMEFRAMES),
  currency: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  points: z.array(TrendPointSchema),
  /** Distinct clinics with a login in the last 1, 7 and 30 days. */
  logins: z.object({ dau: z.number().int(), wau: z.number().int(), mau: z.number().int() }),
  /**
   * Clinics by signup month (UTC); `retained[k]` = share of the cohort with a login during the
   * k-th month after signup (k = 1, 2, …), null for months not reached yet.
   */
  retention: z.array(z.object({ cohort: z.string(), clinics: z.number().int(), retained: z.array(z.number().nullable()) })),
  lastUpdated: z.string(),
  dataFreshness: z.enum(['live', 'cached']),
  stale: z.boolean().optional(),
  ageSeconds: z.number().int().optional(),
});
export type AdminTrends = z.infer<typeof AdminTrendsSchema>;

const ClinicFields = {
  name: z.string().trim().min(2).max(120),
  timezone: z.string().refine((zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC', 'must be an IANA time zone, e.g. Africa/Tunis'),
  planPrice: z.number().min(0).max(100_000),
  smsUnitCost: z.number().min(0).max(1_000),
};

/** Creating a clinic: money in major units as typed (50 = 50 TND), stored in minor units. */
export const ClinicInputSchema = z.strictObject({ ...ClinicFields, currency: z.string().length(3).default('TND') });
export type ClinicInput = z.infer<typeof ClinicInputSchema>;

/** Editing a clinic: any of its fields but the currency, which never changes (its money is kept in it). */
export const ClinicChangeSchema = z
  .strictObject({
    name: ClinicFields.name.optional(),
    timezone: ClinicFields.timezone.optional(),
    planPrice: ClinicFields.planPrice.optional(),
    smsUnitCost: ClinicFields.smsUnitCost.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), 'nothing to change');
export type ClinicChange = z.infer<typeof ClinicChangeSchema>;
