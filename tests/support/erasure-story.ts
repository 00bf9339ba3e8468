import { expect } from 'vitest';
import {
  alertDeliveries,
  alertHeldPushes,
  alertInstances,
  alertPending,
  auditLog,
  clinicPrices,
  dayEndPredictions,
  dayForecasts,
  deadLetters,
  digestRuns,
  mailOutbox,
} from '../../db/schema/index.ts';
import { queueRuleIdOf } from '../../db/queries/alert-settings.ts';
import { clinicDayOf } from '../../worker/domain/clinic-time.ts';
import { newDevice } from './push-devices.ts';
import { drainOutbox, eventId, ingest, todaysTimeline } from './queue-story.ts';
import { makeShareLink, shareTokenOf } from './share-links.ts';
import { api, apiJson, testDatabase, type Person, type World } from './world.ts';

/** One clinic of a world with a row in every table a clinic can have rows in, as its people made them. */
export interface FilledClinic {
  clinicId: string;
  name: string;
  /** The queue app's keys: the world's and one the owner made. */
  keys: string[];
  shareToken: string;
  /** The person invited to it (a staff member who has not chosen a password yet). */
  inviteeEmail: string;
}

/**
 * A morning at `clinicId` through the real routes — a patient checked in by QR, sent an SMS,
 * called, seen; an alert threshold, a note, a share link, a second API key, an invitation, the
 * owner's digest and phone — and, written straight, what only the crons write (an alert fired,
 * held and delivered, a forecast, a price, a digest run, a dead letter, an outbox mail, and an
 * audit detail from an older deployment that named the invitee).
 */
export async function fillClinic(world: World, clinic: { clinicId: string; name: string; timezone: string; key: string; owner: Person; ownerToken: string }): Promise<FilledClinic> {
  const { clinicId, owner, ownerToken: token } = clinic;
  const db = testDatabase();
  const now = Date.now();
  const t = todaysTimeline(clinic.timezone, 6);
  const entryId = eventId('erase-entry');
  const morning = [
    { id: eventId('erase'), type: 'patient_added', entryId, method: 'qr', occurredAt: t.iso(1) },
    { id: eventId('erase'), type: 'sms_sent', smsId: eventId('erase-sms'), entryId, kind: 'queue_joined', occurredAt: t.iso(2) },
    { id: eventId('erase'), type: 'patient_called', entryId, occurredAt: t.iso(3) },
    { id: eventId('erase'), type: 'consultation_started', entryId, occurredAt: t.iso(4) },
    { id: eventId('erase'), type: 'patient_completed', entryId, occurredAt: t.iso(5) },
  ];
  expect((await ingest(world, clinic.key, morning)).body).toMatchObject({ accepted: 5 });
  await drainOutbox(clinicId);
  const today = clinicDayOf(now, clinic.timezone);
  expect((await api(world, `/clinics/${clinicId}/alert-settings`, { method: 'PUT', token, json: { queueTooLongThreshold: 7 } })).status, 'PUT ' + `/clinics/${clinicId}/alert-settings`).toBe(200);
  expect((await api(world, `/clinics/${clinicId}/annotations`, { method: 'POST', token, json: { day: today, text: 'Médecin remplaçant' } })).status, 'POST ' + `/clinics/${clinicId}/annotations`).toBe(201);
  const link = await makeShareLink(world, token, clinicId, { expiresInDays: 7, scope: 'history' });
  expect(link.status).toBe(201);
  const madeKey = await apiJson<{ key: string }>(world, `/clinics/${clinicId}/api-keys`, { method: 'POST', token, json: { name: 'Tablette accueil' } });
  expect(madeKey.status).toBe(201);
  const inviteeEmail = `invitee-${crypto.randomUUID().slice(0, 8)}@test.pulse`;
  expect((await api(world, `/clinics/${clinicId}/staff`, { method: 'POST', token, json: { email: inviteeEmail } })).status, 'POST ' + `/clinics/${clinicId}/staff`).toBe(201);
  expect((await api(world, '/me/settings', { method: 'PATCH', token, json: { weeklyDigest: true } })).status, 'PATCH ' + '/me/settings').toBe(200);
  expect((await api(world, '/push/subscriptions', { method: 'POST', token, json: await newDevice() })).status, 'POST ' + '/push/subscriptions').toBe(204);

  const ruleId = queueRuleIdOf(clinicId);
  const instanceId = `erase-alert-${clinicId}`;
  await db.batch([
    db.insert(alertInstances).values({ id: instanceId, ruleId, subjectKey: clinicId, clinicId, value: 9, firedAt: now - 60_000 }),
    db.insert(alertPending).values({ ruleId, subjectKey: clinicId, clinicId, since: now - 30_000, value: 8 }),
    db.insert(alertHeldPushes).values({ instanceId, userId: owner.id, noticeAt: now - 60_000, heldAt: now - 60_000, releaseAt: now + 3_600_000 }),
    db.insert(alertDeliveries).values({ instanceId, userId: owner.id, channel: 'email', noticeAt: now - 60_000, sentAt: now - 59_000, ok: true }),
    db.insert(dayForecasts).values({ clinicId, day: today, method: 'seasonal', hours: [], expected: 12, low: 8, high: 16, frozenAt: now - 3_600_000 }),
    db.insert(dayEndPredictions).values({ clinicId, day: today, hour: 9, madeAt: now - 3_600_000, expected: now, low: now - 600_000, high: now + 600_000 }),
    db.insert(clinicPrices).values({ clinicId, effectiveAt: now - 86_400_000, priceMinor: 50_000, createdAt: now - 86_400_000 }),
    db.insert(digestRuns).values({ id: `erase-digest-${clinicId}`, userId: owner.id, kind: 'clinic_weekly', scopeKey: clinicId, periodStart: '2026-11-30', claimedAt: now, sentAt: now }),
    db.insert(deadLetters).values({ messageId: `erase-dead-${clinicId}`, queue: 'pulse-jobs', jobType: 'alert_delivery', body: JSON.stringify({ type: 'alert_delivery', clinicId }), attempts: 6, receivedAt: now }),
    db.insert(mailOutbox).values({
      id: `erase-mail-${clinicId}`, fromAddress: 'pulse@test.pulse', toAddresses: owner.email, subject: `Résumé de la semaine — ${clinic.name}`,
      html: `<p>${clinic.name}</p>`, text: clinic.name, headers: '{}', tags: '["weekly_digest"]', createdAt: now,
    }),
    db.insert(auditLog).values({ at: now, actorKind: 'user', actorId: owner.id, actorRole: 'clinic_owner', action: 'invitation', clinicId, targetType: 'user', success: true, detail: JSON.stringify({ role: 'staff', email: inviteeEmail }) }),
  ]);
  return { clinicId, name: clinic.name, keys: [clinic.key, madeKey.body.key], shareToken: shareTokenOf(link.body.url), inviteeEmail };
}
