/**
 * The cost curve's databases: 100 clinics from the demo generator, then copies of them up to the
 * size asked for. The generator writes every event, entry, SMS and patient step (≈ 9,000 rows a
 * clinic over 21 days, 40 s per 100 clinics here), which would take over an hour at 10,000; a copy
 * is one `insert … select` per table inside sqld.
 *
 * A copy keeps what the measured paths read: the clinic, its price, its owner (a user of its own,
 * `owner-NNN-cK@pulse.local`) and membership, its logins, its daily and hourly rollups, its day
 * forecasts and its entries of the last seeded day (who waits "now"). It leaves out the event log,
 * the patient steps of the activity timeline, older entries and the SMS rows: admin, history and
 * the digest read rollups, never those. Which statements read rows is in each size's `topQueries`.
 * Databases are kept in `.data/bench/cost-<clinics>x<days>` and grown, not reseeded, by later runs.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { createDatabase, type Database } from '../db/client.ts';
import { applyMigrations } from '../db/migrate.ts';
import { snapshotBusinessDays } from '../db/queries/business-snapshots.ts';
import { ensureDemoData } from '../db/seed/ensure-demo-data.ts';
import { startSqld } from '../scripts/lib/sqld.ts';
import { addClinicDays, clinicDayOf } from '../worker/domain/clinic-time.ts';
import { hashPassword } from '../worker/auth/password.ts';
import { writeBatch } from '../db/write-batch.ts';

const KEPT_DATA = fileURLToPath(new URL('../.data/bench/', import.meta.url));
/** Clinics the generator writes; every size is a whole number of copies of them. */
export const TEMPLATE_CLINICS = 100;
/** The generator's clinics (`clinic-001`…), not the opening one nor copies (`clinic-001-c7`). */
const TEMPLATE = `(select id from clinics where id glob 'clinic-[0-9]*' and id not like '%-c%')`;

/** How one copy's rows are written: every column as it is, but the ones named here. */
interface CopyPlan {
  table: string;
  /** SQL expressions over the source row, `{k}` being the copy's number. */
  remap: Record<string, string>;
  /** Columns left to their default (autoincrement ids). */
  omit?: string[];
  where: string;
}

const clinicOf = (column = 'clinic_id') => `${column} || '-c{k}'`;
const inTemplate = `clinic_id in ${TEMPLATE}`;

function copyPlans(lastDay: string): CopyPlan[] {
  return [
    { table: 'clinics', remap: { id: clinicOf('id'), name: `name || ' (c{k})'`, name_key: `name_key || ' (c{k})'` }, where: `id in ${TEMPLATE}` },
    { table: 'clinic_prices', remap: { clinic_id: clinicOf() }, where: inTemplate },
    {
      table: 'users',
      remap: { id: `id || '-c{k}'`, email: `replace(email, '@', '-c{k}@')` },
      where: `id in (select user_id from memberships where ${inTemplate})`,
    },
    { table: 'memberships', remap: { user_id: `user_id || '-c{k}'`, clinic_id: clinicOf() }, where: inTemplate },
    {
      table: 'clinic_activity',
      remap: { clinic_id: clinicOf(), user_id: `case when user_id is null then null else user_id || '-c{k}' end` },
      omit: ['id'],
      where: `${inTemplate} and kind = 'clinic_login'`,
    },
    { table: 'daily_rollups', remap: { clinic_id: clinicOf() }, where: inTemplate },
    { table: 'hourly_rollups', remap: { clinic_id: clinicOf() }, where: inTemplate },
    { table: 'day_forecasts', remap: { clinic_id: clinicOf() }, where: inTemplate },
    { table: 'queue_entries', remap: { clinic_id: clinicOf() }, where: `${inTemplate} and clinic_day >= '${lastDay}'` },
  ];
}

async function columnsOf(db: Database, table: string): Promise<string[]> {
  const rows = await db.all<{ name: string }>(sql.raw(`select name from pragma_table_info('${table}')`));
  return rows.map((row) => row.name);
}

/** Copy `k` of the template: one transaction, so a copy cut short leaves nothing. */
async function writeCopy(db: Database, plans: readonly CopyPlan[], columns: ReadonlyMap<string, string[]>, k: number): Promise<void> {
  const statements = plans.map(({ table, remap, omit = [], where }) => {
    const kept = (columns.get(table) ?? []).filter((column) => !omit.includes(column));
    const values = kept.map((column) => (remap[column] ?? `"${column}"`).replaceAll('{k}', String(k)));
    return sql.raw(`insert into "${table}" (${kept.map((column) => `"${column}"`).join(', ')}) select ${values.join(', ')} from "${table}" where ${where}`);
  });
  await writeBatch(db, statements);
}

/**
 * A sqld (admin API open: its row counters are the measure) on `cost-<clinics>x<days>`, with the
 * template seeded and copies written until it has `clinics` clinics (plus the opening one).
 */
export async function openCostDatabase(clinics: number, days: number, log: (line: string) => void) {
  if (clinics % TEMPLATE_CLINICS !== 0) throw new RangeError(`cost bench: clinics must be a multiple of ${TEMPLATE_CLINICS}, got ${clinics}`);
  const sqld = await startSqld(join(KEPT_DATA, `cost-${clinics}x${days}`, 'sqld'), undefined, { admin: true });
  try {
    const db = createDatabase(sqld);
    await applyMigrations(db);
    const started = performance.now();
    const seeded = await ensureDemoData(db, { hashPassword, clinics: TEMPLATE_CLINICS, days, log });
    const generatorSeconds = seeded ? round1((performance.now() - started) / 1000) : null;

    const [done] = await db.all<{ copies: number }>(sql.raw(`select count(*) as copies from clinics where id like 'clinic-001-c%'`));
    const copies = clinics / TEMPLATE_CLINICS - 1;
    let copySeconds: number | null = null;
    if ((done?.copies ?? 0) < copies) {
      const t0 = performance.now();
      const [last] = await db.all<{ day: string | null }>(sql`select max(day) as day from daily_rollups`);
      const plans = copyPlans(last?.day ?? '');
      const columns = new Map(await Promise.all(plans.map(async ({ table }) => [table, await columnsOf(db, table)] as const)));
      for (let k = (done?.copies ?? 0) + 1; k <= copies; k += 1) {
        await writeCopy(db, plans, columns, k);
        if (k % 10 === 0 || k === copies) log(`cost: copy ${k}/${copies} of the ${TEMPLATE_CLINICS} generated clinics (${round1((performance.now() - t0) / 1000)} s)`);
      }
      // The admin trends' daily snapshots, over every clinic now.
      const now = Date.now();
      const today = clinicDayOf(now, 'UTC');
      await snapshotBusinessDays(db, { from: addClinicDays(today, -(days - 1)), to: addClinicDays(today, -1) }, now);
      copySeconds = round1((performance.now() - t0) / 1000);
    }
    return { sqld, db, generatorSeconds, copySeconds };
  } catch (error) {
    await sqld.process.stop();
    throw error;
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;
