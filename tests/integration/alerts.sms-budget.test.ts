import { describe, expect, it } from 'vitest';
import { alertToDeliver } from '../../db/queries/alert-deliveries.ts';
import { alertInstancesOfClinic } from '../../db/queries/alert-rows.ts';
import { saveSmsBudget } from '../../db/queries/sms-budget.ts';
import { dailyRollups } from '../../db/schema/index.ts';
import { alertWords } from '../../worker/domain/alert-words.ts';
import { emptyRollupCounters } from '../../worker/domain/rollup.ts';
import { evaluateAlerts } from '../../worker/jobs/alert-evaluation.ts';
import { bareClinic } from '../support/bare-clinic.ts';
import { testDatabase } from '../support/world.ts';

/**
 * A clinic in Tunis (UTC+1) with a budget of 100.000 TND (100,000 millimes) in September and
 * October 2037, months no other test lives in. The SMS of each day are its daily rollup, as the
 * clinic's queue writes them behind.
 */
const db = testDatabase();
const RULE = 'default-sms-budget';
const tunis = (day: string, time: string) => Date.parse(`${day}T${time}:00+01:00`);

async function smsCostOn(clinicId: string, day: string, smsCostMinor: number): Promise<void> {
  await db
    .insert(dailyRollups)
    .values({ clinicId, day, ...emptyRollupCounters(), smsSent: smsCostMinor / 40, smsCostMinor, updatedAt: 0, finalizedAt: null })
    .onConflictDoUpdate({ target: [dailyRollups.clinicId, dailyRollups.day], set: { smsCostMinor, smsSent: smsCostMinor / 40 } });
}

describe('SMS budget alerts', () => {
  it('should alert once a month at 80 %, at 100 % and when the projection passes the budget, even when the share dips and rises again', async () => {
    const clinicId = await bareClinic('clinic-budget');
    await saveSmsBudget(db, clinicId, 100_000);
    for (const day of ['2037-09-01', '2037-09-02', '2037-09-03']) await smsCostOn(clinicId, day, 1_000);
    const today = '2037-09-04';
    const instances = async () => (await alertInstancesOfClinic(db, clinicId, { ruleId: RULE })).map((row) => [row.subjectKey.replace(`${clinicId}@`, ''), row.value, row.firedAt, row.resolvedAt]);
    const firedAt = async (time: string, day = today) => {
      const at = tunis(day, time);
      const notices = await evaluateAlerts(db, at, ['sms_budget']);
      const mine = new Set((await alertInstancesOfClinic(db, clinicId, { ruleId: RULE })).map((row) => row.id));
      return notices.filter((notice) => mine.has(notice.instanceId)).length;
    };

    // 3,000 spent by the 4th, 1,000 a day: 29,000 projected for the 30 days. Nothing.
    await smsCostOn(clinicId, today, 0);
    expect(await firedAt('10:00')).toBe(0);
    // 79,000 spent: 79 %, projected 79,000 + 1,000 × 26 days = 105,000, past the budget.
    await smsCostOn(clinicId, today, 76_000);
    expect(await firedAt('10:10')).toBe(1);
    expect(await instances()).toEqual([['2037-09@projection', 1.05, tunis(today, '10:10'), null]]);
    // 80,000: exactly 80 %.
    await smsCostOn(clinicId, today, 77_000);
    expect(await firedAt('10:15')).toBe(1);
    const eighty = (await alertInstancesOfClinic(db, clinicId, { ruleId: RULE })).find((row) => row.subjectKey.endsWith('@80'));
    const delivered = await alertToDeliver(db, eighty?.id ?? '');
    expect(delivered?.detail).toEqual({ kind: 'sms_budget', level: 'share', share: 0.8, month: '2037-09', currency: 'TND', budgetMinor: 100_000, costMinor: 80_000, projectedMonthEndMinor: 106_000 });
    expect(alertWords({ kind: 'sms_budget', locale: 'fr', value: eighty?.value ?? 0, threshold: delivered?.threshold ?? 0, clinicName: 'Cabinet Ennasr', reminder: false, detail: delivered?.detail ?? null }).body).toBe(
      'SMS de septembre : 80,000\u00a0DT sur un budget de 100,000\u00a0DT (80\u00a0%).',
    );

    // The budget doubled: 40 %. The month's alerts stay as they are, none fires again.
    await saveSmsBudget(db, clinicId, 200_000);
    expect(await firedAt('10:20')).toBe(0);
    // No budget at all: nothing left to alert about.
    await saveSmsBudget(db, clinicId, null);
    expect(await firedAt('10:25')).toBe(0);
    // Back to 100,000: 80 % and the projection again, but they fired this month already.
    await saveSmsBudget(db, clinicId, 100_000);
    expect(await firedAt('10:30')).toBe(0);
    // The whole budget spent: 100 %, once.
    await smsCostOn(clinicId, today, 97_000);
    expect(await firedAt('10:35')).toBe(1);
    expect(await firedAt('10:40')).toBe(0);
    expect(await instances()).toEqual([
      ['2037-09@projection', 1.05, tunis(today, '10:10'), tunis(today, '10:25')],
      ['2037-09@80', 0.8, tunis(today, '10:15'), tunis(today, '10:25')],
      ['2037-09@100', 1, tunis(today, '10:35'), null],
    ]);

    // October: 85,000 spent on the 1st. The 80 % of October fires; September's last alert resolves with its month.
    await smsCostOn(clinicId, '2037-10-01', 85_000);
    expect(await firedAt('10:00', '2037-10-02')).toBe(1);
    expect((await instances()).slice(2)).toEqual([
      ['2037-09@100', 1, tunis(today, '10:35'), tunis('2037-10-02', '10:00')],
      ['2037-10@80', 0.85, tunis('2037-10-02', '10:00'), null],
    ]);
  });
});
