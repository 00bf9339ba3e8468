// The Worker first: its routes extend zod with OpenAPI before any shared schema module is read.
import { beforeAll, describe, expect, it } from 'vitest';
import { clinicActivity } from '../../db/schema/activity.ts';
import { alertInstances, alertRules } from '../../db/schema/alerts.ts';
import { annotations } from '../../db/schema/sharing.ts';
import { addClinicDays, instantOfClinicTime } from '../../worker/domain/clinic-time.ts';
import type { WeeklyDigestJson } from '../../worker/domain/digest-wire.ts';
import { daysOf, mondayFirstWeekday } from '../../worker/domain/history-figures.ts';
import { emptyRollupCounters, type DailyRollupRow, type RollupCounters } from '../../worker/domain/rollup.ts';
import { storeRollups } from '../support/stored-rollups.ts';
import { api, apiJson, changeClinic, createWorld, sessionFor, testDatabase, type World } from '../support/world.ts';

const MINUTE = 60_000;
const ZONE = 'Africa/Tunis';
// A week of its own, far from today: the service-wide note below shows in every clinic's week.
const WEEK = '2026-06-01';
const TUESDAY = '2026-06-02';
/** The 4 Tuesdays before: 40, 42, 41 and 41 patients, a mean of 41. */
const TUESDAYS: Record<string, number> = { '2026-05-05': 40, '2026-05-12': 42, '2026-05-19': 41, '2026-05-26': 41, [TUESDAY]: 58 };

const UNUSUAL_DETAIL = { kind: 'unusual_hour', figure: 'waiting', value: 14, usual: 6, ratio: 2.3333, weekday: 2, hour: 11 } as const;

describe("a clinic's digest that says what to do: one insight, the week's bars, its notes, its SMS budget and alerts", () => {
  let world: World;
  const db = testDatabase();
  const serviceNote = () => `Panne du fournisseur SMS ${world.suffix}`;

  beforeAll(async () => {
    world = await createWorld();
    await changeClinic(world, world.clinicA, { smsBudgetMinor: 80_000 });
    const stored = Date.parse('2026-06-08T06:00:00Z');
    const day = (date: string, counters: Partial<RollupCounters>): DailyRollupRow => ({
      clinicId: world.clinicA, day: date, ...emptyRollupCounters(), ...counters, updatedAt: stored, finalizedAt: stored,
    });
    // Open Monday to Friday, 4 weeks of history and the week: 40 patients a day (30 by QR), 38 seen,
    // 2 no-shows, 36 calls waiting 20 min each, 36 quotes of which 30 held; this Tuesday 58 patients.
    const open = daysOf({ from: addClinicDays(WEEK, -28), to: addClinicDays(WEEK, 6) }).filter((date) => mondayFirstWeekday(date) < 5);
    const daily = open.map((date) => {
      const patients = TUESDAYS[date] ?? 40;
      const inWeek = date >= WEEK;
      return day(date, {
        checkinsQr: patients - 10, checkinsManual: 10, seen: date === TUESDAY ? 55 : 38, noShows: 2,
        waitSumMs: 36 * 20 * MINUTE, waitCount: 36, waitMaxMs: 45 * MINUTE, quoted: 36, quoteWithinRange: 30, quoteAbsErrorSum: 36 * 4,
        // The week's SMS: 248 a day at 0,040 DT, 49,600 DT in all.
        ...(inWeek ? { smsSent: 248, smsCostMinor: 9_920 } : {}),
      });
    });
    // SMS of other months, or after the week, are not the budget line's.
    daily.push(day('2026-05-30', { smsSent: 50, smsCostMinor: 2_000 }), day('2026-06-10', { smsSent: 100, smsCostMinor: 4_000 }));
    const hour = (local: number, calls: number, waitMinutes: number) => ({
      clinicId: world.clinicA, hourStart: instantOfClinicTime(TUESDAY, local * 60, ZONE), day: TUESDAY, hour: local,
      ...emptyRollupCounters(), checkinsQr: calls, waitCount: calls, waitSumMs: calls * waitMinutes * MINUTE, updatedAt: stored,
    });
    // 10 h waited 24 min against 21.8 for the week: under the quarter the slowest hour needs.
    await storeRollups({ daily, hourly: [hour(9, 20, 20), hour(10, 16, 24)] });

    const note = (id: string, clinicId: string | null, date: string, text: string, authorId: string) => ({ id: `${id}-${world.suffix}`, clinicId, day: date, text, authorId, createdAt: stored });
    await db.insert(annotations).values([
      note('replacement', world.clinicA, TUESDAY, 'Médecin remplaçant', world.ownerA.id),
      note('outage', null, '2026-06-03', serviceNote(), world.superAdmin.id),
      note('next-week', world.clinicA, '2026-06-08', 'Semaine suivante', world.ownerA.id),
      note('other-clinic', world.clinicB, TUESDAY, 'Cabinet B seulement', world.ownerB.id),
    ]);
    // A rule of this clinic's alone, switched off so no evaluation in another test fires it: it fired
    // on Tuesday at 10:00 and resolved at 10:40; an earlier firing, the week before, is not this week's.
    const ruleId = `queue-rule-${world.suffix}`;
    await db.insert(alertRules).values({
      id: ruleId, kind: 'queue_too_long', scope: 'clinic', clinicId: world.clinicA, threshold: 30, resolveThreshold: 25, minDurationMinutes: 5,
      channels: JSON.stringify(['digest']), priority: 'P2', cooldownMinutes: 60, enabled: false, createdAt: stored,
    });
    const at = (date: string, minutes: number) => instantOfClinicTime(date, minutes, ZONE);
    await db.insert(alertInstances).values([
      { id: `fired-${world.suffix}`, ruleId, subjectKey: world.clinicA, clinicId: world.clinicA, value: 34, firedAt: at(TUESDAY, 600), resolvedAt: at(TUESDAY, 640) },
      { id: `before-${world.suffix}`, ruleId, subjectKey: world.clinicA, clinicId: world.clinicA, value: 31, firedAt: at('2026-05-27', 600), resolvedAt: at('2026-05-27', 660) },
    ]);
    // An unusual hour on Wednesday at 11:00, still firing: the digest says what it saw (its timeline line's detail).
    const unusualRule = `unusual-rule-${world.suffix}`;
    await db.insert(alertRules).values({
      id: unusualRule, kind: 'unusual_hour', scope: 'clinic', clinicId: world.clinicA, threshold: 2, resolveThreshold: 1.5, minDurationMinutes: 10,
      channels: JSON.stringify(['digest']), priority: 'P2', cooldownMinutes: 180, enabled: false, createdAt: stored,
    });
    const unusualAt = at('2026-06-03', 660);
    await db.insert(alertInstances).values({ id: `unusual-${world.suffix}`, ruleId: unusualRule, subjectKey: world.clinicA, clinicId: world.clinicA, value: 2.3333, firedAt: unusualAt });
    await db.insert(clinicActivity).values({
      clinicId: world.clinicA, kind: 'alert_fired', occurredAt: unusualAt, userId: null,
      detail: JSON.stringify({ alertId: `unusual-${world.suffix}`, kind: 'unusual_hour', value: 2.3333, detail: UNUSUAL_DETAIL }),
    });
  });

  const preview = async (query: string, person: 'ownerA' | 'superAdmin' = 'ownerA') => api(world, `/reports/weekly/preview?clinicId=${world.clinicA}&week=${WEEK}${query}`, { token: await sessionFor(world[person]) });

  it('should answer the digest as data: the figures, the day that stood out against its 4 usual Tuesdays, each day against its weekday, the bars', async () => {
    const answer = await apiJson<WeeklyDigestJson>(world, `/reports/weekly/preview?clinicId=${world.clinicA}&week=${WEEK}&format=json`, { token: await sessionFor(world.ownerA) });
    expect(answer.status).toBe(200);
    const digest = answer.body;
    expect(digest.week).toEqual({ from: WEEK, to: '2026-06-07' });
    expect(digest.figures).toMatchObject({ patients: 218, seen: 207, noShows: 10, avgWaitMinutes: 20, qrShare: 0.7706, smsSent: 1_240, smsCostMinor: 49_600 });
    expect(digest.change).toMatchObject({ patients: 8.5, seen: 8.9 });
    expect(digest.insight).toEqual({
      kind: 'day_change', text: 'Mardi, 58 patients : +41 % par rapport à la moyenne des 4 derniers mardis (41).', figure: 58, against: 41, change: 0.4146,
    });
    expect(digest.sameWeekday).toEqual([
      { day: WEEK, patients: 40, seen: 38, avgWaitMinutes: 20, usual: { patients: 40, avgWaitMinutes: 20 } },
      { day: TUESDAY, patients: 58, seen: 55, avgWaitMinutes: 20, usual: { patients: 41, avgWaitMinutes: 20 } },
      { day: '2026-06-03', patients: 40, seen: 38, avgWaitMinutes: 20, usual: { patients: 40, avgWaitMinutes: 20 } },
      { day: '2026-06-04', patients: 40, seen: 38, avgWaitMinutes: 20, usual: { patients: 40, avgWaitMinutes: 20 } },
      { day: '2026-06-05', patients: 40, seen: 38, avgWaitMinutes: 20, usual: { patients: 40, avgWaitMinutes: 20 } },
      { day: '2026-06-06', patients: 0, seen: 0, avgWaitMinutes: null, usual: { patients: 0, avgWaitMinutes: null } },
      { day: '2026-06-07', patients: 0, seen: 0, avgWaitMinutes: null, usual: { patients: 0, avgWaitMinutes: null } },
    ]);
    expect(digest.chart.map((bar) => [bar.day.slice(8), bar.patients, bar.seen, bar.share])).toEqual([
      ['01', 40, 38, 0.6897], ['02', 58, 55, 1], ['03', 40, 38, 0.6897], ['04', 40, 38, 0.6897], ['05', 40, 38, 0.6897], ['06', 0, 0, 0], ['07', 0, 0, 0],
    ]);
  });

  it("should carry the week's notes, the clinic's and the service's, the month's SMS against the budget and the week's alerts", async () => {
    const digest = (await apiJson<WeeklyDigestJson>(world, `/reports/weekly/preview?clinicId=${world.clinicA}&week=${WEEK}&format=json`, { token: await sessionFor(world.superAdmin) })).body;
    // Other runs' service-wide notes may share the week: only this world's are looked at.
    expect(digest.notes.filter((note) => !note.serviceWide || note.text === serviceNote())).toEqual([
      { day: TUESDAY, text: 'Médecin remplaçant', author: world.ownerA.email, serviceWide: false },
      { day: '2026-06-03', text: serviceNote(), author: world.superAdmin.email, serviceWide: true },
    ]);
    expect(digest.smsBudget).toEqual({ month: '2026-06', upToDay: '2026-06-07', count: 1_240, costMinor: 49_600, budgetMinor: 80_000, share: 0.62 });
    expect(digest.alerts).toEqual([
      { kind: 'queue_too_long', value: 34, threshold: 30, firedAt: instantOfClinicTime(TUESDAY, 600, ZONE), resolvedAt: instantOfClinicTime(TUESDAY, 640, ZONE), detail: null },
      { kind: 'unusual_hour', value: 2.3333, threshold: 2, firedAt: instantOfClinicTime('2026-06-03', 660, ZONE), resolvedAt: null, detail: UNUSUAL_DETAIL },
    ]);
  });

  it('should lead the e-mail with the insight, then draw the bars with their figures, and say the notes, the budget line and the alerts', async () => {
    const text = await (await preview('&format=text')).text();
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual([`Cabinet A ${world.suffix}`, 'Mardi, 58 patients : +41 % par rapport à la moyenne des 4 derniers mardis (41).']);
    expect(text).toContain(['PATIENTS PAR JOUR', `lundi 1    ${'█'.repeat(14)} 40 (38 vus)`, `mardi 2    ${'█'.repeat(20)} 58 (55 vus)`].join('\n'));
    expect(text).toContain('dimanche 7 0 (0 vus)');
    expect(text).toMatch(/SMS du mois au 7 juin : 49,600\sDT sur 80,000\sDT \(62\s%\)/);
    expect(text).toContain(`mardi 2 juin — Médecin remplaçant`);
    expect(text).toContain(`mercredi 3 juin — ${serviceNote()} (Pulse, toutes les cliniques)`);
    expect(text).not.toContain('Semaine suivante');
    expect(text).not.toContain('Cabinet B seulement');
    expect(text).toContain(`File d’attente trop longue — Cabinet A ${world.suffix} : résolue (34 patients attendent (seuil : 30).)`);
    expect(text).toContain(`Inhabituel pour l’heure — Cabinet A ${world.suffix} : en cours (Salle d’attente : 14 patients, 2,3× l’habituel du mercredi à 11 h.)`);

    const html = await (await preview('')).text();
    expect(html.indexOf('Mardi, 58 patients')).toBeGreaterThan(html.indexOf('<h1'));
    expect(html.indexOf('Mardi, 58 patients')).toBeLessThan(html.indexOf('Votre semaine du'));
    // Monday's bar 69 % of Tuesday's, as a table's width; each day's figures written beside it.
    expect(html).toContain('<table role="presentation" width="69%"');
    expect(html).toContain('>58 (55 vus)</td>');
    expect(html).not.toMatch(/<img|<svg/i);
  });

  it('should keep the digest as data within the clinic, and refuse a format it does not know', async () => {
    const asked = async (person: 'ownerB' | 'staffA', query: string) => (await api(world, `/reports/weekly/preview?${query}`, { token: await sessionFor(world[person]) })).status;
    expect(await asked('ownerB', `clinicId=${world.clinicA}&week=${WEEK}&format=json`)).toBe(404);
    expect(await asked('staffA', `clinicId=${world.clinicA}&week=${WEEK}&format=json`)).toBe(403);
    const pdf = await preview('&format=pdf');
    expect(pdf.status).toBe(400);
    expect(await pdf.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    // The service's digest is an e-mail only.
    const service = await api(world, `/reports/weekly/preview?week=${WEEK}&format=json`, { token: await sessionFor(world.superAdmin) });
    expect(service.status).toBe(400);
    expect(await service.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { field: 'format' } } });
  });
});
