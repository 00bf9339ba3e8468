import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { authorize, signedInUser } from '../auth/authorize.ts';
import { DIGEST_READERS, SUPER_ADMIN } from '../auth/policy.ts';
import { AppError } from '../errors.ts';
import { EMAIL_PREVIEW_POLICY } from '../http/security-headers.ts';
import { enqueueJobs } from '../jobs/job-messages.ts';
import { recordAudit } from '../http/audit.ts';
import { WeeklyDigestJsonSchema } from '../domain/digest-wire.ts';
import { previewClinicDigestData, previewDigest, sendDigestNow, type DigestFailure, type DigestSendPorts } from '../use-cases/weekly-digests.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from './openapi-helpers.ts';
import { valueOr } from './refusals.ts';

const MONDAY = 1;
/**
 * The first Monday of 2000. The calendar helpers read a year below 100 as 19xx (`Date.UTC`), and
 * Pulse has no week that old to summarise.
 */
const FIRST_WEEK = '2000-01-03';

/**
 * Total on any string, because zod runs a refinement even after the format check failed: a day
 * that is not on the calendar (2026-02-30, which `Date.parse` quietly turns into March 2nd) is no
 * Monday either.
 */
function isMonday(day: string): boolean {
  const midnight = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(midnight.getTime()) && midnight.toISOString().slice(0, 10) === day && midnight.getUTCDay() === MONDAY;
}

const Week = z.iso
  .date('must be a day of the calendar, YYYY-MM-DD')
  .refine(isMonday, 'must be a Monday (a week runs Monday to Sunday)')
  .refine((day) => day >= FIRST_WEEK, `must be ${FIRST_WEEK} or later`);

const preview = createRoute({
  method: 'get',
  path: '/reports/weekly/preview',
  tags: ['reports'],
  summary:
    "The Monday digest as it is e-mailed, in your language: a clinic's (its owners, the super admin) or, without clinicId, the service's (super admin); " +
    "`format=json` gives a clinic's as data: its figures, the insight it leads with, each day against the same weekday's 4-week mean, the bars, notes, SMS budget and alerts",
  middleware: [authorize(DIGEST_READERS)] as const,
  request: {
    query: z.object({
      clinicId: IdParam.optional(),
      /** The Monday starting the week; by default the last full week. */
      week: Week.optional(),
      /** `json`: a clinic's digest as data (needs clinicId). */
      format: z.enum(['html', 'text', 'json']).default('html'),
    }),
  },
  responses: {
    200: {
      description: 'The e-mail, or a clinic’s digest as data',
      content: { 'text/html': { schema: z.string() }, 'text/plain': { schema: z.string() }, 'application/json': { schema: WeeklyDigestJsonSchema.openapi('WeeklyDigest') } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

const SendSchema = z.object({ clinicId: IdParam.optional(), week: Week.optional() }).strict().openapi('WeeklyDigestSend');

const send = createRoute({
  method: 'post',
  path: '/reports/weekly/send',
  tags: ['reports'],
  summary: "Send a week's digest now (a clinic's, or without clinicId the service's); recipients who already have it are skipped; audited",
  middleware: [authorize(SUPER_ADMIN)] as const,
  request: jsonBody(SendSchema),
  responses: {
    202: jsonContent(z.object({ week: z.string(), recipients: z.number().int(), alreadySent: z.number().int() }), 'Queued'),
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'NOT_FOUND'),
  },
});


/** How a digest that cannot be had answers. */
const digestRefusals: { readonly [Failure in DigestFailure]: () => AppError } = {
  no_such_clinic: () => new AppError('NOT_FOUND', 'No such clinic'),
  week_not_started: () => new AppError('VALIDATION_FAILED', 'The week has not started yet', { field: 'week' }),
};

function sendPorts(c: Context<AppEnv>): DigestSendPorts {
  const { db, clock } = c.var.services;
  return { db, clock, enqueue: (job) => enqueueJobs(c.var.services.jobs, [job]), audit: (entry) => recordAudit(c, entry) };
}

export const reportRoutes = new OpenAPIHono<AppEnv>()
  .openapi(preview, async (c) => {
    const { format, ...ask } = c.req.valid('query');
    if (format === 'json') {
      if (ask.clinicId === undefined) throw new AppError('VALIDATION_FAILED', "The digest as data is a clinic's: give clinicId", { field: 'format' });
      const data = valueOr(await previewClinicDigestData(c.var.services, signedInUser(c).user, { clinicId: ask.clinicId, week: ask.week }), digestRefusals);
      c.header('Cache-Control', 'private, no-store');
      return c.json(data, 200);
    }
    const mail = valueOr(await previewDigest(c.var.services, signedInUser(c).user, ask), digestRefusals);
    c.header('Cache-Control', 'private, no-store');
    if (format === 'text') return c.text(mail.text, 200);
    c.header('Content-Security-Policy', EMAIL_PREVIEW_POLICY);
    return c.html(mail.html, 200);
  })
  .openapi(send, async (c) => c.json(valueOr(await sendDigestNow(sendPorts(c), c.req.valid('json')), digestRefusals), 202));
