import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { rebuildRollups, RollupRebuildRefused } from '../../db/queries/rollup-rebuild.ts';
import { clinicsWithZones } from '../../db/queries/clinic-rows.ts';
import { dailyRollupsOf, hourlyRollupsOf } from '../../db/queries/rollup-rows.ts';
import { dailyRollups } from '../../db/schema/index.ts';
import { ensureDemoData } from '../../db/seed/ensure-demo-data.ts';
import { addClinicDays, clinicDayOf } from '../../worker/domain/clinic-time.ts';
import { sqldForFile } from '../support/sqld-for-file.ts';
import { hashPassword } from '../../worker/auth/password.ts';

const NOW = Date.parse('2026-11-24T10:30:00+01:00');
const DAYS = 40;

/** A clinic's rollups as stored, without `updatedAt` (when a row was written is not what it says). */
async function storedRollups(db: Database, clinicId: string) {
  const daily = await dailyRollupsOf(db, clinicId);
  const hourly = await hourlyRollupsOf(db, clinicId);
  return { daily: daily.map(({ updatedAt: _, ...row }) => row), hourly: hourly.map(({ updatedAt: _, ...row }) => row) };
}

describe('rollups rebuilt from raw rows (npm run db:rollup)', () => {
  const database = sqldForFile('rollup');
  let db: Database;

  beforeAll(async () => {
    db = database().db;
    // Tunis and, in the thirteenth clinic, Paris: 40 days span the end of summer time (25 Oct 2026).
    await ensureDemoData(db, { hashPassword, clinics: 13, days: DAYS, now: NOW });
  });

  it('should equal the rollups kept as the demo days were written, for every clinic, and again when run twice', async () => {
    const all = await clinicsWithZones(db);
    expect(all.map((clinic) => clinic.timezone)).toContain('Europe/Paris');
    let days = 0;
    for (const clinic of all) {
      const before = await storedRollups(db, clinic.id);
      days += before.daily.length;
      const today = clinicDayOf(NOW, clinic.timezone);
      const range = { from: addClinicDays(today, -DAYS), to: today };
      await rebuildRollups(db, { clinicId: clinic.id, range, retentionCutoff: 0, now: NOW });
      expect(await storedRollups(db, clinic.id)).toEqual(before);
      await rebuildRollups(db, { clinicId: clinic.id, range, retentionCutoff: 0, now: NOW });
      expect(await storedRollups(db, clinic.id)).toEqual(before);
    }
    expect(days).toBeGreaterThan(300);
  });

  it('should put right a day whose rollup went wrong, and leave the days outside the range alone', async () => {
    const today = clinicDayOf(NOW, 'Africa/Tunis');
    const before = await storedRollups(db, 'clinic-001');
    const broken = addClinicDays(today, -3);
    await db.update(dailyRollups).set({ seen: 9_999 }).where(eq(dailyRollups.day, broken));
    await rebuildRollups(db, { clinicId: 'clinic-001', range: { from: broken, to: broken }, retentionCutoff: 0, now: NOW });
    expect(await storedRollups(db, 'clinic-001')).toEqual(before);
    // Other clinics' copy of that day stays as it was (broken): the rebuild touched one clinic.
    const other = await dailyRollupsOf(db, 'clinic-002');
    expect(other.some((row) => row.seen === 9_999)).toBe(true);
  });

  it('should refuse days whose raw rows retention has deleted, and unknown clinics', async () => {
    const today = clinicDayOf(NOW, 'Africa/Tunis');
    const cutoff = NOW - 10 * 86_400_000;
    await expect(rebuildRollups(db, { clinicId: 'clinic-001', range: { from: addClinicDays(today, -20), to: today }, retentionCutoff: cutoff, now: NOW })).rejects.toThrow(RollupRebuildRefused);
    await expect(rebuildRollups(db, { clinicId: 'no-such-clinic', range: { from: today, to: today }, retentionCutoff: 0, now: NOW })).rejects.toThrow(/no clinic/);
    await expect(rebuildRollups(db, { clinicId: 'clinic-001', range: { from: today, to: addClinicDays(today, -1) }, retentionCutoff: 0, now: NOW })).rejects.toThrow(/after/);
  });
});
