/**
 * Sends the Monday digests: a clinic's to its owners, the service's to the super admins, each
 * exactly once per recipient and week (a digest_runs row is claimed before sending, see
 * db/queries/digest-runs.ts), to those who have not switched it off.
 */
import { claimDigestRun, markDigestSent, recordDigestRefusal, releaseDigestRun, type DigestRunKey } from '../../db/queries/digest-runs.ts';
import { channelChoices, clinicOwners, digestClinic, DIGEST_TOPIC, superAdmins, type Recipient } from '../../db/queries/recipients.ts';
import type { Database } from '../../db/client.ts';
import { PermanentJobError } from '../domain/job-retry.ts';
import { renderClinicDigest } from '../digest/clinic-digest-email.ts';
import { readClinicWeekDigest, readServiceWeekDigest } from '../digest/digest-content.ts';
import { renderServiceDigest } from '../digest/service-digest-email.ts';
import type { RenderedEmail } from '../mail/email-layout.ts';
import { MailError } from '../mail/mailer.ts';
import type { Runtime } from '../runtime/runtime.ts';

export interface DigestOutcome {
  sent: number;
  /** Already sent (or being sent) for this week. */
  skipped: number;
}

/** Those of `people` who still want the digest: no stored choice means yes. */
export async function digestReaders(db: Database, people: readonly Recipient[]): Promise<Recipient[]> {
  const choices = await channelChoices(db, people.map((person) => person.userId), DIGEST_TOPIC);
  return people.filter((person) => choices.get(person.userId)?.email !== false);
}

export async function sendClinicDigest(runtime: Runtime, clinicId: string, weekStart: string): Promise<DigestOutcome> {
  const clinic = await digestClinic(runtime.db, clinicId);
  if (clinic === undefined || clinic.archived) return { sent: 0, skipped: 0 };
  const readers = await digestReaders(runtime.db, await clinicOwners(runtime.db, clinicId));
  if (readers.length === 0) return { sent: 0, skipped: 0 };
  const digest = await readClinicWeekDigest(runtime.db, clinic, weekStart);
  const { publicUrl } = runtime.config;
  return sendOnceEach(runtime, readers, { kind: 'clinic_weekly', scopeKey: clinicId, periodStart: weekStart }, (reader) =>
    renderClinicDigest({ clinicName: clinic.name, locale: reader.locale, currency: clinic.currency, digest, historyUrl: `${publicUrl}/history`, settingsUrl: `${publicUrl}/settings` }),
  );
}

export async function sendServiceDigest(runtime: Runtime, weekStart: string): Promise<DigestOutcome> {
  const readers = await digestReaders(runtime.db, await superAdmins(runtime.db));
  if (readers.length === 0) return { sent: 0, skipped: 0 };
  const digest = await readServiceWeekDigest(runtime.db, weekStart, runtime.clock.now());
  const { publicUrl } = runtime.config;
  return sendOnceEach(runtime, readers, { kind: 'admin_weekly', scopeKey: 'service', periodStart: weekStart }, (reader) =>
    renderServiceDigest({ locale: reader.locale, digest, adminUrl: `${publicUrl}/admin`, settingsUrl: `${publicUrl}/settings` }),
  );
}

/**
 * Claims, sends and marks each reader's digest. A failed send gives the claim back and fails the
 * job once the others are done, so the retry sends only what did not leave; an address the mail
 * server refuses keeps its claim and error and ends as a dead letter, not as endless retries.
 */
async function sendOnceEach(
  runtime: Runtime,
  readers: readonly Recipient[],
  run: Omit<DigestRunKey, 'userId'>,
  render: (reader: Recipient) => RenderedEmail,
): Promise<DigestOutcome> {
  const outcome: DigestOutcome = { sent: 0, skipped: 0 };
  const retryable: string[] = [];
  const permanent: string[] = [];
  for (const reader of readers) {
    const claim = await claimDigestRun(runtime.db, { ...run, userId: reader.userId }, runtime.clock.now());
    if (claim === null) {
      outcome.skipped += 1;
      continue;
    }
    const mail = render(reader);
    try {
      await runtime.mailer.send({
        from: runtime.config.mail.from,
        to: reader.email,
        ...mail,
        headers: { 'List-Unsubscribe': `<${runtime.config.publicUrl}/settings>` },
        tags: { kind: 'weekly_digest' },
      });
    } catch (error) {
      runtime.metrics.count('pulse_emails_sent_total', { result: 'failed' });
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof MailError && !error.retryable) {
        permanent.push(`${reader.userId}: ${reason}`);
        await recordDigestRefusal(runtime.db, claim, reason);
      } else {
        retryable.push(`${reader.userId}: ${reason}`);
        await releaseDigestRun(runtime.db, claim, reason);
      }
      continue;
    }
    runtime.metrics.count('pulse_emails_sent_total', { result: 'sent' });
    await markDigestSent(runtime.db, claim, runtime.clock.now());
    outcome.sent += 1;
  }
  if (retryable.length > 0) throw new Error(`digest not sent, will retry: ${retryable.join('; ')}`);
  if (permanent.length > 0) throw new PermanentJobError(`digest refused: ${permanent.join('; ')}`);
  return outcome;
}
