import type { Database } from '../../db/client.ts';
import { sentDigestUsers } from '../../db/queries/digest-runs.ts';
import { clinicOwners, digestClinic, superAdmins } from '../../db/queries/recipients.ts';
import { renderClinicDigest } from '../digest/clinic-digest-email.ts';
import { clinicDigestJson } from '../digest/clinic-digest-json.ts';
import { readClinicWeekDigest, readServiceWeekDigest, SERVICE_TIME_ZONE } from '../digest/digest-content.ts';
import { renderServiceDigest } from '../digest/service-digest-email.ts';
import { clinicDayOf } from '../domain/clinic-time.ts';
import { digestWeekOf } from '../domain/digest-schedule.ts';
import type { WeeklyDigestJson } from '../domain/digest-wire.ts';
import type { ClinicWeekReport } from '../domain/weekly-digest.ts';
import type { Locale } from '../domain/vocabulary.ts';
import type { Config } from '../env.ts';
import { digestReaders } from '../jobs/digest-delivery.ts';
import type { JobMessage } from '../jobs/job-messages.ts';
import type { RenderedEmail } from '../mail/email-layout.ts';
import type { Clock } from '../runtime/clock.ts';
import type { AuditEntry } from '../http/audit.ts';
import { failed, succeeded, type Result } from './result.ts';

/** What a digest preview reads: the week's figures, at the clock's now, with links to the app. */
export interface DigestRuntime {
  config: Pick<Config, 'publicUrl'>;
  db: Database;
  clock: Clock;
}

/** What sending a digest on demand needs besides: the job queue and the request's audit log. */
export interface DigestSendPorts extends Omit<DigestRuntime, 'config'> {
  enqueue(job: DigestJob): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
}

/** Which digest: a clinic's, or without a clinic the service's; the week by its Monday, by default the last full one. */
export interface DigestAsk {
  clinicId?: string | undefined;
  week?: string | undefined;
}

export type DigestFailure = 'no_such_clinic' | 'week_not_started';
type DigestJob = Extract<JobMessage, { type: 'digest.service' | 'digest.clinic' }>;

/** A week that has started, in `timezone`: a digest of days not lived yet says nothing. */
function startedWeek(week: string | undefined, now: number, timezone: string): string | undefined {
  if (week === undefined) return digestWeekOf(now, timezone).from;
  return week > clinicDayOf(now, timezone) ? undefined : week;
}

/**
 * The digest as it is e-mailed, in the reader's language. Who may read which one is the route's
 * policy (DIGEST_READERS); an archived clinic's can still be previewed.
 */
export async function previewDigest({ config, db, clock }: DigestRuntime, reader: { locale: Locale }, ask: DigestAsk): Promise<Result<RenderedEmail, DigestFailure>> {
  const now = clock.now();
  const settingsUrl = `${config.publicUrl}/settings`;
  if (ask.clinicId === undefined) {
    const week = startedWeek(ask.week, now, SERVICE_TIME_ZONE);
    if (week === undefined) return failed('week_not_started');
    return succeeded(renderServiceDigest({ locale: reader.locale, digest: await readServiceWeekDigest(db, week, now), adminUrl: `${config.publicUrl}/admin`, settingsUrl }));
  }
  const read = await readClinicWeek(db, now, { clinicId: ask.clinicId, week: ask.week });
  if (!read.ok) return read;
  const { clinic, report } = read.value;
  return succeeded(renderClinicDigest({ clinicName: clinic.name, locale: reader.locale, currency: clinic.currency, digest: report, historyUrl: `${config.publicUrl}/history`, settingsUrl }));
}

/** A clinic's week as the digest reads it; an archived clinic's can still be read. */
async function readClinicWeek(
  db: Database,
  now: number,
  ask: { clinicId: string; week?: string | undefined },
): Promise<Result<{ clinic: { name: string; currency: string }; report: ClinicWeekReport }, DigestFailure>> {
  const clinic = await digestClinic(db, ask.clinicId);
  if (clinic === undefined) return failed('no_such_clinic');
  const week = startedWeek(ask.week, now, clinic.timezone);
  if (week === undefined) return failed('week_not_started');
  return succeeded({ clinic, report: await readClinicWeekDigest(db, clinic, week) });
}

/** A clinic's digest as data (`format=json`), its insight in the reader's language; same rules as the preview. */
export async function previewClinicDigestData(
  { db, clock }: Omit<DigestRuntime, 'config'>,
  reader: { locale: Locale },
  ask: { clinicId: string; week?: string | undefined },
): Promise<Result<WeeklyDigestJson, DigestFailure>> {
  const read = await readClinicWeek(db, clock.now(), ask);
  if (!read.ok) return read;
  return succeeded(clinicDigestJson(ask.clinicId, read.value.report, reader.locale));
}

/** The job that sends the digest asked for, and who reads it; an archived clinic sends nothing any more. */
async function digestJob(db: Database, now: number, ask: DigestAsk): Promise<Result<{ job: DigestJob; readers: Array<{ userId: string }> }, DigestFailure>> {
  if (ask.clinicId === undefined) {
    const week = startedWeek(ask.week, now, SERVICE_TIME_ZONE);
    if (week === undefined) return failed('week_not_started');
    return succeeded({ job: { type: 'digest.service', weekStart: week }, readers: await digestReaders(db, await superAdmins(db)) });
  }
  const clinic = await digestClinic(db, ask.clinicId);
  if (clinic === undefined || clinic.archived) return failed('no_such_clinic');
  const week = startedWeek(ask.week, now, clinic.timezone);
  if (week === undefined) return failed('week_not_started');
  return succeeded({ job: { type: 'digest.clinic', clinicId: ask.clinicId, weekStart: week }, readers: await digestReaders(db, await clinicOwners(db, ask.clinicId)) });
}

/** Queues a week's digest now, audited; its readers who already have it are skipped by the job, and counted here. */
export async function sendDigestNow(ports: DigestSendPorts, ask: DigestAsk): Promise<Result<{ week: string; recipients: number; alreadySent: number }, DigestFailure>> {
  const planned = await digestJob(ports.db, ports.clock.now(), ask);
  if (!planned.ok) return planned;
  const { job, readers } = planned.value;
  const sent = await sentDigestUsers(ports.db, job.type === 'digest.service' ? 'admin_weekly' : 'clinic_weekly', ask.clinicId ?? 'service', job.weekStart);
  await ports.enqueue(job);
  await ports.audit({ action: 'digest_send', clinicId: ask.clinicId ?? null, targetType: 'digest', targetId: job.weekStart, success: true, errorCode: null });
  return succeeded({ week: job.weekStart, recipients: readers.length, alreadySent: readers.filter((reader) => sent.has(reader.userId)).length });
}
