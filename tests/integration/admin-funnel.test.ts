import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { clinicActivity, invitations, memberships, queueEntries, sessions, users } from '../../db/schema/index.ts';
import { sha256Hex } from '../../worker/auth/secrets.ts';
import { createApp } from '../../worker/app.ts';
import type { FunnelCohort } from '../../worker/domain/activation-funnel.ts';
import { callOwnApp, createWorld, jsonOf, testDatabase, type World } from '../support/world.ts';
import { insertClinics } from '../../db/queries/clinic-prices.ts';

/**
 * Five clinics that signed up in March and April 2031, seen on 15 June 2031: months no other
 * file's clinics are created in (they are created now), so the cohorts are these clinics alone.
 */
const NOW = Date.parse('2031-06-15T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const db = testDatabase();
const app = createApp({ clock: { now: () => NOW } });
const run = crypto.randomUUID().slice(0, 8);
const id = (label: string) => `funnel-${label}-${run}`;

type Step = 'ownerInvited' | 'ownerJoined' | 'firstLogin' | 'patient' | 'qr' | 'logins';
/** A clinic created at `created`, its owner invited, joining, logging in and checking patients in `days` after it. */
async function clinicStory(label: string, created: number, days: Partial<Record<Exclude<Step, 'logins'>, number>> & { logins?: number[]; staffInvited?: number }) {
  const clinicId = id(label);
  const owner = id(`${label}-owner`);
  const at = (offset: number) => created + offset * DAY;
  await insertClinics(db, [{ id: clinicId, name: `Funnel ${label}`, nameKey: `funnel ${label}`, timezone: 'Africa/Tunis', planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: created }]);
  // The owner chose a password (from the invitation's link) when they joined.
  const joined = days.ownerJoined === undefined ? {} : { passwordHash: 'chosen', passwordChangedAt: created + days.ownerJoined * DAY };
  await db.insert(users).values({ id: owner, email: `${owner}@funnel.test`, role: 'member', createdAt: created, ...joined });
  const invite = (role: 'clinic_owner' | 'staff', offset: number) => ({ id: id(`${label}-${role}`), clinicId, userId: owner, role, createdAt: at(offset), sentAt: at(offset), expiresAt: at(offset + 7) });
  if (days.ownerInvited !== undefined) await db.insert(invitations).values(invite('clinic_owner', days.ownerInvited));
  if (days.staffInvited !== undefined) await db.insert(invitations).values(invite('staff', days.staffInvited));
  // The membership comes with the invitation; without one (a clinic skipping that step), when they joined.
  const granted = days.ownerInvited ?? days.ownerJoined;
  if (granted !== undefined) await db.insert(memberships).values({ userId: owner, clinicId, role: 'clinic_owner', createdAt: at(granted) });
  const logins = [...(days.firstLogin === undefined ? [] : [days.firstLogin]), ...(days.logins ?? [])];
  if (logins.length > 0) await db.insert(clinicActivity).values(logins.map((offset) => ({ clinicId, kind: 'clinic_login' as const, occurredAt: at(offset), userId: owner, detail: null })));
  const checkIns = [
    ...(days.patient === undefined ? [] : [{ method: 'manual' as const, offset: days.patient }]),
    ...(days.qr === undefined ? [] : [{ method: 'qr' as const, offset: days.qr }]),
  ];
  if (checkIns.length > 0) {
    await db.insert(queueEntries).values(
      checkIns.map((checkIn, index) => ({
        clinicId, id: `entry-${index}`, clinicDay: new Date(at(checkIn.offset)).toISOString().slice(0, 10), ticketNumber: index + 1, method: checkIn.method,
        state: 'completed' as const, checkedInAt: at(checkIn.offset), completedAt: at(checkIn.offset) + HOUR, updatedAt: at(checkIn.offset) + HOUR,
      })),
    );
  }
}

/** A session valid at the pinned instant (the world's own sessions start now, in 2026). */
async function sessionAtNow(userId: string): Promise<string> {
  const token = `funnel-session-${crypto.randomUUID()}`;
  await db.insert(sessions).values({ tokenHash: await sha256Hex(token), userId, createdAt: NOW, lastSeenAt: NOW, expiresAt: NOW + DAY });
  return token;
}

const call = async (path: string, token?: string) => jsonOf<{ from: string; to: string; cohorts: FunnelCohort[] } & { error?: { code: string } }>(await callOwnApp(app, env, path, { token }));
const counts = (cohort: FunnelCohort | undefined) => cohort?.steps.map((step) => step.clinics);
const medians = (cohort: FunnelCohort | undefined) => cohort?.steps.map((step) => step.medianDaysFromPrevious);

describe('the activation funnel of hand-built cohorts', () => {
  let world: World;
  let adminToken: string;
  let ownerToken: string;

  beforeAll(async () => {
    world = await createWorld();
    adminToken = await sessionAtNow(world.superAdmin.id);
    ownerToken = await sessionAtNow(world.ownerA.id);
    // March: the whole way, including a login on day 22 (its 4th week).
    await clinicStory('m1', Date.parse('2031-03-02T00:00:00Z'), { ownerInvited: 0.25, ownerJoined: 1, firstLogin: 2, patient: 3, qr: 5, logins: [22] });
    // Its first patient came by QR; logins on days 20 and 28 fall outside its 4th week.
    await clinicStory('m2', Date.parse('2031-03-10T00:00:00Z'), { ownerInvited: 1, ownerJoined: 4, firstLogin: 5, qr: 10, logins: [20, 28] });
    // Created late on 31 March UTC (already April in Tunis): March's. Only staff were invited, so it stops at "created".
    await clinicStory('m3', Date.parse('2031-03-31T23:30:00Z'), { staffInvited: 0, ownerJoined: 2, firstLogin: 3, patient: 3 });
    // April: a login on day 21 exactly is its 4th week, but no QR check-in came first.
    await clinicStory('a1', Date.parse('2031-04-05T00:00:00Z'), { ownerInvited: 0, ownerJoined: 2, firstLogin: 3, patient: 4, logins: [21] });
    // Its owner logs in only after the pinned instant: not seen yet.
    await clinicStory('a2', Date.parse('2031-04-20T00:00:00Z'), { ownerInvited: 1, ownerJoined: 1, firstLogin: 61 });
    // February: outside the window asked for.
    await clinicStory('f1', Date.parse('2031-02-28T23:59:00Z'), { ownerInvited: 0, ownerJoined: 0, firstLogin: 1 });
  });

  it('should count each cohort down the funnel with the median days between steps, empty months included', async () => {
    const { status, body } = await call('/admin/funnel?from=2031-03&to=2031-05', adminToken);
    expect(status).toBe(200);
    expect(body.cohorts.map((cohort) => cohort.month)).toEqual(['2031-03', '2031-04', '2031-05']);
    expect(body.cohorts[0]?.steps.map((step) => step.step)).toEqual(['created', 'ownerInvited', 'ownerJoined', 'firstLogin', 'firstPatient', 'firstQrCheckIn', 'activeInWeek4']);
    const [march, april, may] = body.cohorts;
    expect(counts(march)).toEqual([3, 2, 2, 2, 2, 2, 1]);
    // Invited 0.25 and 1 day after creation; joined 0.75 and 3 days later; logged in 1 and 1;
    // first patient 1 and 5; first QR 2 and 0 (its first patient was by QR); 4th week 17 days after QR.
    expect(medians(march)).toEqual([null, 0.6, 1.9, 1, 3, 1, 17]);
    expect(counts(april)).toEqual([2, 2, 2, 1, 1, 0, 0]);
    expect(medians(april)).toEqual([null, 0.5, 1, 1, 1, null, null]);
    expect(counts(may)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(medians(may)).toEqual([null, null, null, null, null, null, null]);
  });

  it('should take a single month, the widest window of 24 months, February on its own and the calendar’s last month', async () => {
    expect(counts((await call('/admin/funnel?from=2031-04&to=2031-04', adminToken)).body.cohorts[0])).toEqual([2, 2, 2, 1, 1, 0, 0]);
    const widest = await call('/admin/funnel?from=2030-01&to=2031-12', adminToken);
    expect(widest.status).toBe(200);
    expect(widest.body.cohorts).toHaveLength(24);
    expect(counts(widest.body.cohorts.find((cohort) => cohort.month === '2031-02'))).toEqual([1, 1, 1, 1, 0, 0, 0]);
    // The calendar's last month: its window ends in year 10000, which YYYY-MM cannot name.
    const last = await call('/admin/funnel?from=9999-12&to=9999-12', adminToken);
    expect([last.status, last.body.cohorts.map((cohort) => [cohort.month, cohort.steps[0]?.clinics])]).toEqual([200, [['9999-12', 0]]]);
  });

  it('should refuse months that are not months, a window backwards and more than 24 months', async () => {
    for (const query of ['from=2031-13&to=2031-12', 'from=2031-3&to=2031-04', 'from=2031-05&to=2031-04', 'from=2030-01&to=2032-01', 'from=2031-03', '']) {
      const { status, body } = await call(`/admin/funnel?${query}`, adminToken);
      expect([query, status, body.error?.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
  });

  it('should be the super admin’s alone', async () => {
    const ownerAnswer = await call('/admin/funnel?from=2031-03&to=2031-05', ownerToken);
    // Admin routes do not tell a clinic owner they exist (the access matrix's rule).
    expect([ownerAnswer.status, ownerAnswer.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    const signedOut = await call('/admin/funnel?from=2031-03&to=2031-05');
    expect([signedOut.status, signedOut.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);
  });
});
