import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { sentDigestUsers } from '../../db/queries/digest-runs.ts';
import { clinicOwners, digestClinic, superAdmins } from '../../db/queries/recipients.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize, signedInUser } from '../auth/authorize.ts';
import { SIGNED_IN, SUPER_ADMIN } from '../auth/policy.ts';
import { renderClinicDigest } from '../digest/clinic-digest-email.ts';
import { readClinicWeekDigest, readServiceWeekDigest, SERVICE_TIME_ZONE } from '../digest/digest-content.ts';
import { renderServiceDigest } from '../digest/service-digest-email.ts';
import { clinicDayOf } from '../domain/clinic-time.ts';
import { digestWeekOf } from '../domain/digest-schedule.ts';
import { AppError } from '../errors.ts';
import { digestReaders } from '../jobs/digest-delivery.ts';
import { enqueueJobs, type JobMessage } from '../jobs/job-messages.ts';
import { recordAudit } from '../services/audit.ts';
import { EMAIL_PREVIEW_POLICY } from '../services/security-headers.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from './openapi-helpers.ts';

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
  summary: "The Monday digest as it is e-mailed, in your language: a clinic's (its owners, the super admin) or, without clinicId, the service's (super admin)",
  middleware: [authorize(SIGNED_IN)] as const,
  request: {
    query: z.object({
      clinicId: IdParam.optional(),
      /** The Monday starting the week; by default the last full week. */
      week: Week.optional(),
      format: z.enum(['html', 'text']).default('html'),
    }),
  },
  responses: {
    200: { description: 'The e-mail', content: { 'text/html': { schema: z.string() }, 'text/plain': { schema: z.string() } } },
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

/** A week that has started: a digest of days not lived yet says nothing. */
function checkedWeek(week: string | undefined, now: number, timezone: string): string {
  const lastFull = digestWeekOf(now, timezone).from;
  if (week === undefined) return lastFull;
  if (week > clinicDayOf(now, timezone)) throw new AppError('VALIDATION_FAILED', 'The week has not started yet', { field: 'week' });
  return week;
}

export const reportRoutes = new OpenAPIHono<AppEnv>()
  .openapi(preview, async (c) => {
    const { user } = signedInUser(c);
    const { db, clock, config } = c.var.services;
    const query = c.req.valid('query');
    const now = clock.now();
    let mail;
    if (query.clinicId === undefined) {
      // The business digest is the super admin's: to anyone else it does not exist.
      if (user.role !== 'super_admin') throw new AppError('NOT_FOUND', 'No such report');
      const week = checkedWeek(query.week, now, SERVICE_TIME_ZONE);
      mail = renderServiceDigest({ locale: user.locale, digest: await readServiceWeekDigest(db, week, now), adminUrl: `${config.publicUrl}/admin`, settingsUrl: `${config.publicUrl}/settings` });
    } else {
      const role = user.clinics.get(query.clinicId);
      if (user.role !== 'super_admin' && role === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
      if (user.role !== 'super_admin' && role !== 'clinic_owner') throw new AppError('FORBIDDEN', "The digest is the clinic owners'");
      const clinic = await digestClinic(db, query.clinicId);
      if (clinic === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
      const week = checkedWeek(query.week, now, clinic.timezone);
      mail = renderClinicDigest({
        clinicName: clinic.name, locale: user.locale, currency: clinic.currency, digest: await readClinicWeekDigest(db, clinic.id, week),
        historyUrl: `${config.publicUrl}/history`, settingsUrl: `${config.publicUrl}/settings`,
      });
    }
    c.header('Cache-Control', 'private, no-store');
    if (query.format === 'text') return c.text(mail.text, 200);
    c.header('Content-Security-Policy', EMAIL_PREVIEW_POLICY);
    return c.html(mail.html, 200);
  })
  .openapi(send, async (c) => {
    const { db, clock } = c.var.services;
    const { clinicId, week: asked } = c.req.valid('json');
    const now = clock.now();
    let job: JobMessage;
    let recipients;
    if (clinicId === undefined) {
      const week = checkedWeek(asked, now, SERVICE_TIME_ZONE);
      job = { type: 'digest.service', weekStart: week };
      recipients = await digestReaders(db, await superAdmins(db));
    } else {
      const clinic = await digestClinic(db, clinicId);
      // An archived clinic sends nothing any more.
      if (clinic === undefined || clinic.archived) throw new AppError('NOT_FOUND', 'No such clinic');
      job = { type: 'digest.clinic', clinicId, weekStart: checkedWeek(asked, now, clinic.timezone) };
      recipients = await digestReaders(db, await clinicOwners(db, clinicId));
    }
    const sent = await sentDigestUsers(db, job.type === 'digest.service' ? 'admin_weekly' : 'clinic_weekly', clinicId ?? 'service', job.weekStart);
    await enqueueJobs(c.env.JOBS, [job]);
    await recordAudit(c, { action: 'digest_send', clinicId: clinicId ?? null, targetType: 'digest', targetId: job.weekStart, success: true, errorCode: null });
    return c.json({ week: job.weekStart, recipients: recipients.length, alreadySent: recipients.filter((person) => sent.has(person.userId)).length }, 202);
  });
