/**
 * Releases the alert pushes held by quiet hours (worker/jobs/alert-delivery.ts) once they are over:
 * run by the 5-minute alerts cron. A push whose alert is still open goes now, recorded as a
 * delivery; one whose alert resolved during the night is not sent but left to the digest (it is in
 * the week's alerts there), as is one whose recipient has no device left. Safe twice: each held
 * push is claimed by a guarded update before it is sent, so a redelivered job never pushes twice.
 */
import { alertToDeliver, deliveredFor, deliveryKey, recordDelivery } from '../../db/queries/alert-deliveries.ts';
import { dueHeldPushes, finishHeldPush, settleClaimedHeldPush, type HeldPushRow } from '../../db/queries/held-pushes.ts';
import { digestClinic, recipientById } from '../../db/queries/recipients.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { byPush, noticeWords } from './alert-delivery.ts';

/** Held pushes released per run: a morning of many clinics' nights is worked through over a few runs. */
export const RELEASE_BATCH_SIZE = 200;

export interface HeldPushRelease {
  sent: number;
  /** Given to the digest: the alert resolved, or nothing could reach the person any more. */
  toDigest: number;
  /** The push service failed: left waiting for the next run. */
  failed: number;
}

export async function releaseHeldPushes(runtime: Runtime, at: number): Promise<HeldPushRelease> {
  const release: HeldPushRelease = { sent: 0, toDigest: 0, failed: 0 };
  for (const held of await dueHeldPushes(runtime.db, at, RELEASE_BATCH_SIZE)) {
    const result = await releaseOne(runtime, held, at);
    if (result !== 'taken') release[result] += 1;
  }
  return release;
}

/** `taken`: another run of the job got there first. */
async function releaseOne(runtime: Runtime, held: HeldPushRow, at: number): Promise<keyof HeldPushRelease | 'taken'> {
  const { db } = runtime;
  const [alert, recipient] = await Promise.all([alertToDeliver(db, held.instanceId), recipientById(db, held.userId)]);
  if (alert === undefined || alert.resolvedAt !== null || recipient === undefined) {
    return (await finishHeldPush(db, held, 'digest', at)) ? 'toDigest' : 'taken';
  }
  if (!(await finishHeldPush(db, held, 'sent', at))) return 'taken';
  // A push of this notice already went (an earlier attempt that failed after sending): not twice.
  if ((await deliveredFor(db, held.instanceId, held.noticeAt)).has(deliveryKey({ userId: held.userId, channel: 'push' }))) return 'sent';

  const clinic = alert.clinicId === null ? undefined : await digestClinic(db, alert.clinicId);
  const attempt = await byPush(runtime, recipient, alert, noticeWords(alert, recipient, clinic?.name ?? null, held.noticeAt));
  if ('skipped' in attempt) {
    await settleClaimedHeldPush(db, held, at, 'digest');
    return 'toDigest';
  }
  await recordDelivery(db, { instanceId: held.instanceId, userId: held.userId, channel: 'push', noticeAt: held.noticeAt, sentAt: runtime.clock.now(), ok: attempt.ok, error: attempt.ok ? null : attempt.error });
  runtime.metrics.count('pulse_push_sent_total', { result: attempt.ok ? 'sent' : 'failed' });
  if (attempt.ok) return 'sent';
  // Worth another try: the next run tries again while the alert stays open; once it resolves, the digest has it.
  await settleClaimedHeldPush(db, held, at, attempt.retryable ? null : 'digest');
  return 'failed';
}
