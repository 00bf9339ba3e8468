// The Worker first: its routes extend zod with OpenAPI before any shared schema module is read.
import { deliverJobs, fireCron, jobAttempts, untilJobAttempts } from '../support/jobs.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/queries/audit.ts';
import { digestRunsOf } from '../../db/queries/digest-run-rows.ts';
import { createInvitedMember } from '../../db/queries/users.ts';
import { instantOfClinicTime } from '../../worker/domain/clinic-time.ts';
import { emptyRollupCounters, type RollupCounters } from '../../worker/domain/rollup.ts';
import { dueDigests, SCHEDULES } from '../../worker/scheduled.ts';
import { eventually } from '../support/eventually.ts';
import { smtpMessagesTo } from '../support/smtp-inbox.ts';
import { storeRollups } from '../support/stored-rollups.ts';
import { api, changeClinic, createWorld, sessionFor, testDatabase, type World } from '../support/world.ts';

const MINUTE = 60_000;

// Kathmandu (UTC+05:45) is no other test's zone: at 04:00 UTC on a Monday only this file's clinic
// has just reached Monday 09:xx, and Tunis (the service digest) is at 05:00. The week is a past one:
// a digest of a week not yet started is refused.
const ZONE = 'Asia/Kathmandu';
const WEEK = '2026-03-02';
const SENT_AT = Date.parse('2026-03-09T04:00:00Z');

describe('the Monday digest, from the hourly cron through the queue to an SMTP server', () => {
  let world: World;
  const db = testDatabase();
  let secondOwner: { id: string; email: string };

  beforeAll(async () => {
    world = await createWorld();
    await changeClinic(world, world.clinicA, { timezone: ZONE });
    // A second owner, invited, who switches the digest off below.
    secondOwner = { id: `owner-2-${world.suffix}`, email: `owner-2-${world.suffix}@test.pulse` };
    const now = Date.now();
    await createInvitedMember(db, {
      userId: secondOwner.id, email: secondOwner.email, locale: 'fr', clinicId: world.clinicA, role: 'clinic_owner',
      tokenHash: `unused-link-${world.suffix}`, createdBy: world.ownerA.id, now, expiresAt: now + 72 * 3_600_000,
    });

    const day = (date: string, counters: Partial<RollupCounters>) => ({ clinicId: world.clinicA, day: date, ...emptyRollupCounters(), ...counters, updatedAt: SENT_AT, finalizedAt: SENT_AT });
    const daily = [
      // The week: 20 patients (15 by QR), 17 seen, 3 no-shows, waits 15 and 10 minutes on average, 10 SMS.
      day('2026-03-03', { checkinsQr: 6, checkinsManual: 2, seen: 7, noShows: 1, waitSumMs: 7 * 15 * MINUTE, waitCount: 7, waitMaxMs: 40 * MINUTE, smsSent: 5, smsCostMinor: 200 }),
      day('2026-03-05', { checkinsQr: 9, checkinsManual: 3, seen: 10, noShows: 2, waitSumMs: 10 * 10 * MINUTE, waitCount: 10, waitMaxMs: 25 * MINUTE, smsSent: 5, smsCostMinor: 200 }),
      // The week before: 10 seen.
      day('2026-02-25', { checkinsQr: 5, checkinsManual: 5, seen: 10, waitSumMs: 10 * 5 * MINUTE, waitCount: 10, waitMaxMs: 10 * MINUTE }),
    ];
    const hour = (date: string, local: number, arrivals: number) => ({
      clinicId: world.clinicA, hourStart: instantOfClinicTime(date, local * 60, ZONE), day: date, hour: local, ...emptyRollupCounters(), checkinsQr: arrivals, updatedAt: SENT_AT,
    });
    await storeRollups({ daily, hourly: [hour('2026-03-03', 9, 5), hour('2026-03-03', 10, 3), hour('2026-03-05', 10, 7), hour('2026-03-05', 11, 5)] });
  });

  it('should e-mail each owner who wants it the figures of their week, once, even when the cron fires twice', async () => {
    const owner = await sessionFor(world.ownerA);
    const off = await api(world, '/me/settings', { method: 'PATCH', token: await sessionFor({ ...secondOwner, password: '' }), json: { weeklyDigest: false } });
    expect(await off.json()).toMatchObject({ locale: 'fr', weeklyDigest: false });
    expect(await (await api(world, '/me/settings', { token: owner })).json()).toMatchObject({ locale: 'fr', weeklyDigest: true });

    const before = await jobAttempts('digest.clinic', 'done');
    await Promise.all([fireCron(SCHEDULES.digest, SENT_AT), fireCron(SCHEDULES.digest, SENT_AT)]);
    expect(await untilJobAttempts('digest.clinic', 'done', before, 2)).toBe(2);

    const [mail, ...more] = await smtpMessagesTo(world.ownerA.email);
    expect(more).toHaveLength(0);
    expect(mail?.subject).toBe(`Cabinet A ${world.suffix} — votre semaine du 2 mars au 8 mars`);
    expect(mail?.text).toContain('Patients vus : 17 (+70 % par rapport à la semaine précédente)');
    expect(mail?.text).toContain('Patients arrivés : 20 (+100 % par rapport à la semaine précédente)');
    expect(mail?.text).toContain('Attente moyenne : 12,1 min');
    expect(mail?.text).toContain('Attente la plus longue : 40 min');
    // Intl writes French percentages with a narrow no-break space.
    expect(mail?.text).toMatch(/Non-présentés : 3 \(15\s%\)/);
    expect(mail?.text).toMatch(/Arrivées par QR : 75\s%/);
    expect(mail?.text).toContain('Jour le plus chargé : jeudi 5 mars · 12 patients');
    expect(mail?.text).toContain('Heure la plus chargée : 10 h – 11 h');
    expect(mail?.text).toMatch(/SMS envoyés : 10 · 0,400\s?DT/);
    expect(mail?.html).toContain('Patients vus');
    expect(mail?.html).toContain('jeudi 5 mars · 12 patients');
    expect(JSON.stringify(mail?.headers)).toContain('/settings');
    // Staff do not get the owners' digest; the owner who switched it off gets nothing.
    expect(await smtpMessagesTo(world.staffA.email)).toEqual([]);
    expect(await smtpMessagesTo(secondOwner.email)).toEqual([]);
    const runs = await digestRunsOf(db, world.clinicA, WEEK);
    expect(runs.map((run) => [run.userId, run.kind, run.sentAt !== null])).toEqual([[world.ownerA.id, 'clinic_weekly', true]]);
  });

  it('should send nothing more when the queue redelivers the job', async () => {
    const result = await deliverJobs([{ type: 'digest.clinic', clinicId: world.clinicA, weekStart: WEEK }], undefined, 2);
    expect(result.retryMessages).toEqual([]);
    expect(await smtpMessagesTo(world.ownerA.email)).toHaveLength(1);
  });

  it('should preview the digest for the owner and the super admin', async () => {
    const preview = (token: string, query: string) => api(world, `/reports/weekly/preview?${query}`, { token });
    const owner = await sessionFor(world.ownerA);
    const html = await preview(owner, `clinicId=${world.clinicA}&week=${WEEK}`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.headers.get('content-security-policy')).toContain("style-src 'unsafe-inline'");
    expect(html.headers.get('content-security-policy')).not.toContain('script-src');
    expect(await html.text()).toContain('jeudi 5 mars · 12 patients');
    const text = await preview(await sessionFor(world.superAdmin), `clinicId=${world.clinicA}&week=${WEEK}&format=text`);
    expect(await text.text()).toContain('Patients vus : 17');
  });

  it("should send a week's digest on the super admin's demand, audited, skipping whoever already has it", async () => {
    const admin = await sessionFor(world.superAdmin);
    const again = await api(world, '/reports/weekly/send', { method: 'POST', token: admin, json: { clinicId: world.clinicA, week: WEEK } });
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ week: WEEK, recipients: 1, alreadySent: 1 });

    const before = await jobAttempts('digest.clinic', 'done');
    const earlier = await api(world, '/reports/weekly/send', { method: 'POST', token: admin, json: { clinicId: world.clinicA, week: '2026-02-23' } });
    expect(await earlier.json()).toEqual({ week: '2026-02-23', recipients: 1, alreadySent: 0 });
    await untilJobAttempts('digest.clinic', 'done', before, 2);
    const mails = await eventually(() => smtpMessagesTo(world.ownerA.email), (received) => received.length >= 2);
    expect(mails.map((mail) => mail.subject)).toEqual([
      `Cabinet A ${world.suffix} — votre semaine du 2 mars au 8 mars`,
      `Cabinet A ${world.suffix} — votre semaine du 23 février au 1 mars`,
    ]);
    const audited = await listAudit(db, { action: 'digest_send', clinicId: world.clinicA }, 100);
    expect(audited).toHaveLength(2);
    const owner = await sessionFor(world.ownerA);
    expect((await api(world, '/reports/weekly/send', { method: 'POST', token: owner, json: { clinicId: world.clinicA } })).status).toBe(404);
  });
});

describe('which digests the hourly cron finds due', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  const dueFor = async (at: string) => {
    const jobs = await dueDigests(testDatabase(), Date.parse(at));
    const named = { [world.clinicA]: 'tunis', [world.clinicB]: 'paris' };
    return jobs
      .flatMap((job) => {
        if (job.type === 'digest.service') return [`service ${job.weekStart}`];
        if (job.type === 'digest.clinic' && named[job.clinicId] !== undefined) return [`${named[job.clinicId]} ${job.weekStart}`];
        return [];
      })
      .sort();
  };

  it('should hit Monday 09:00 in Tunis and in Paris, on both sides of summer time', async () => {
    // Winter: Tunis and Paris are both UTC+1.
    expect(await dueFor('2031-01-06T08:00:00Z')).toEqual(['paris 2030-12-30', 'service 2030-12-30', 'tunis 2030-12-30']);
    expect(await dueFor('2031-01-06T07:00:00Z')).toEqual([]);
    // Summer: Paris is UTC+2, Tunis stays UTC+1.
    expect(await dueFor('2031-06-02T07:00:00Z')).toEqual(['paris 2031-05-26']);
    expect(await dueFor('2031-06-02T08:00:00Z')).toEqual(['service 2031-05-26', 'tunis 2031-05-26']);
    // Any other day at nine: nothing.
    expect(await dueFor('2031-06-03T08:00:00Z')).toEqual([]);
  });

  it('should leave archived clinics out', async () => {
    await changeClinic(world, world.clinicB, { archivedAt: Date.now() });
    expect(await dueFor('2031-01-06T08:00:00Z')).toEqual(['service 2030-12-30', 'tunis 2030-12-30']);
  });
});
