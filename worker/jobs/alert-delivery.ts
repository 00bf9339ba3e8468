/**
 * Tells the people an alert is for (PRODUCT.md "Alerts": a clinic's owners, or the super admins)
 * on the channels each person chose for its kind (notification_preferences; without a choice, the
 * rule's), and records each attempt in alert_deliveries. Push respects the person's quiet hours, in
 * the zone of the clinic the alert is about: a push then is held until they end
 * (alert_held_pushes, released by worker/jobs/held-push-release.ts), except a P0/P1 to the super
 * admin. E-mail is never held (it waits in the inbox by itself). `digest` lists the alert in the
 * person's Monday digest: a delivery row says so. A redelivered job skips what already got through
 * (or is already held); what failed for a reason worth retrying makes the job fail, so it is retried.
 */
import { channelsOf } from '../../db/queries/alert-instances.ts';
import { alertToDeliver, deliveredFor, deliveryKey, recordDelivery } from '../../db/queries/alert-deliveries.ts';
import { holdPush } from '../../db/queries/held-pushes.ts';
import { channelChoices, clinicOwners, digestClinic, superAdmins, type Recipient } from '../../db/queries/recipients.ts';
import { SERVICE_TIME_ZONE } from '../digest/digest-content.ts';
import { breaksQuietHours, effectiveChannels } from '../domain/alert-channels.ts';
import { alertUrl, alertWords } from '../domain/alert-words.ts';
import { PermanentJobError } from '../domain/job-retry.ts';
import { isQuietAt, quietHoursEndAfter } from '../domain/quiet-hours.ts';
import type { AlertPriority } from '../domain/vocabulary.ts';
import { renderEmail } from '../mail/email-layout.ts';
import { MailError } from '../mail/mailer.ts';
import { pushToUser } from '../push/push-to-user.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { textsFor } from '../texts/catalogue.ts';

export interface AlertDeliveryOutcome {
  delivered: number;
  /** Already delivered by an earlier attempt of this job. */
  skipped: number;
  failed: number;
  /** Pushes held by their recipient's quiet hours. */
  held: number;
  /** Listed in the recipient's Monday digest. */
  listed: number;
}

/** Some deliveries failed in a way another attempt may fix; the others are recorded. */
export class DeliveryRetryError extends Error {
  readonly failures: readonly string[];

  constructor(failures: readonly string[]) {
    super(`alert delivery failed, will retry: ${failures.join('; ')}`);
    this.name = 'DeliveryRetryError';
    this.failures = failures;
  }
}

export type Attempt = { ok: true } | { ok: false; error: string; retryable: boolean } | { skipped: 'no_device' };

export async function deliverAlert(runtime: Runtime, alertId: string, noticeAt: number): Promise<AlertDeliveryOutcome> {
  const { db } = runtime;
  const alert = await alertToDeliver(db, alertId);
  if (alert === undefined) throw new PermanentJobError(`no alert ${alertId}`);
  const outcome: AlertDeliveryOutcome = { delivered: 0, skipped: 0, failed: 0, held: 0, listed: 0 };
  // Resolved before anyone was told (a job backlog): there is nothing left to alert about.
  if (alert.resolvedAt !== null) return outcome;
  const ruleChannels = channelsOf(alert.channels);

  const clinic = alert.clinicId === null ? undefined : await digestClinic(db, alert.clinicId);
  // Quiet hours are read on the clocks of the clinic the alert is about (the service's for service alerts).
  const zone = clinic?.timezone ?? SERVICE_TIME_ZONE;
  const recipients = alert.clinicId === null ? await superAdmins(db) : await clinicOwners(db, alert.clinicId);
  const [choices, done] = await Promise.all([channelChoices(db, recipients.map((person) => person.userId), alert.kind), deliveredFor(db, alertId, noticeAt)]);
  const retryable: string[] = [];

  for (const recipient of recipients) {
    for (const channel of effectiveChannels(choices.get(recipient.userId), ruleChannels)) {
      if (done.has(deliveryKey({ userId: recipient.userId, channel }))) {
        outcome.skipped += 1;
        continue;
      }
      if (channel === 'digest') {
        // Nothing is sent now: the Monday digest lists the week's alerts, and this row says it reached them there.
        await recordDelivery(db, { instanceId: alertId, userId: recipient.userId, channel, noticeAt, sentAt: runtime.clock.now(), ok: true, error: null });
        outcome.listed += 1;
        continue;
      }
      // Judged at the notice's instant, the moment the alert fired or reminded.
      if (channel === 'push' && holdsPush(recipient, alert.priority, zone, noticeAt)) {
        const releaseAt = quietHoursEndAfter(recipient.quietHours, noticeAt, zone);
        await holdPush(db, { instanceId: alertId, userId: recipient.userId, noticeAt, heldAt: runtime.clock.now(), releaseAt });
        outcome.held += 1;
        continue;
      }
      const words = noticeWords(alert, recipient, clinic?.name ?? null, noticeAt);
      const attempt = channel === 'push' ? await byPush(runtime, recipient, alert, words) : await byEmail(runtime, recipient, alert.clinicId, words);
      if ('skipped' in attempt) continue;
      await recordDelivery(db, { instanceId: alertId, userId: recipient.userId, channel, noticeAt, sentAt: runtime.clock.now(), ok: attempt.ok, error: attempt.ok ? null : attempt.error });
      runtime.metrics.count(channel === 'push' ? 'pulse_push_sent_total' : 'pulse_emails_sent_total', { result: attempt.ok ? 'sent' : 'failed' });
      if (attempt.ok) outcome.delivered += 1;
      else {
        outcome.failed += 1;
        if (attempt.retryable) retryable.push(`${channel} to ${recipient.userId}: ${attempt.error}`);
      }
    }
  }
  if (retryable.length > 0) throw new DeliveryRetryError(retryable);
  return outcome;
}

type AlertToDeliver = NonNullable<Awaited<ReturnType<typeof alertToDeliver>>>;

/** What one notice of the alert says to this person; shared with the release of held pushes. */
export function noticeWords(alert: AlertToDeliver, recipient: Recipient, clinicName: string | null, noticeAt: number): { title: string; body: string } {
  return alertWords({ kind: alert.kind, locale: recipient.locale, value: alert.value, threshold: alert.threshold, clinicName, reminder: noticeAt !== alert.firedAt, detail: alert.detail });
}

/** Whether a push to this person at `instant` waits for the end of their quiet hours. */
function holdsPush(recipient: Recipient, priority: AlertPriority, zone: string, instant: number): recipient is Recipient & { quietHours: NonNullable<Recipient['quietHours']> } {
  if (recipient.quietHours === null || breaksQuietHours(priority, recipient.isSuperAdmin)) return false;
  return isQuietAt(recipient.quietHours, instant, zone);
}

/** One push to every device of the recipient; shared with the release of held pushes. */
export async function byPush(
  runtime: Runtime,
  recipient: Recipient,
  alert: { id: string; priority: 'P0' | 'P1' | 'P2' | 'P3'; clinicId: string | null },
  words: { title: string; body: string },
): Promise<Attempt> {
  const result = await pushToUser(runtime.db, recipient.userId, { ...words, url: alertUrl(alert.clinicId), tag: `alert-${alert.id}` }, {
    vapid: runtime.config.vapid,
    priority: alert.priority,
    now: runtime.clock.now(),
  });
  if (result.delivered > 0) return { ok: true };
  if (result.failed.length > 0) return { ok: false, error: `push service answered ${result.failed.map((failure) => failure.status ?? 'nothing').join(', ')}`, retryable: true };
  // No device (or every one was gone and is now forgotten): e-mail is the channel that reaches them.
  return { skipped: 'no_device' };
}

async function byEmail(runtime: Runtime, recipient: Recipient, clinicId: string | null, words: { title: string; body: string }): Promise<Attempt> {
  const { open, settings } = textsFor(recipient.locale).alerts;
  const mail = renderEmail({
    locale: recipient.locale,
    subject: words.title,
    heading: words.title,
    intro: words.body,
    sections: [],
    links: [
      { label: open, url: `${runtime.config.publicUrl}${alertUrl(clinicId)}` },
      { label: settings, url: `${runtime.config.publicUrl}/settings`, quiet: true },
    ],
  });
  try {
    await runtime.mailer.send({ from: runtime.config.mail.from, to: recipient.email, ...mail, tags: { kind: 'alert' } });
    return { ok: true };
  } catch (error) {
    if (error instanceof MailError) return { ok: false, error: error.message, retryable: error.retryable };
    throw error;
  }
}
