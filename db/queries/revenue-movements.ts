/**
 * The MRR movements' groups (worker/domain/revenue-movements.ts) in one statement: the window's
 * month boundaries as a table, each clinic looked at on its months' two instants through index
 * seeks (a login in the 30 days up to the instant on `clinic_activity (clinic_id, kind,
 * occurred_at)`, the price in force on `clinic_prices`' key), then summed per currency, month and
 * way of moving, so only a few rows per month travel whatever the number of clinics.
 */
import { sql, type SQL } from 'drizzle-orm';
import { DAY_MS } from '../../worker/domain/business-figures.ts';
import { revenueByCurrency, revenueWindows, type CurrencyRevenue, type MovementGroup, type RevenueWindow } from '../../worker/domain/revenue-movements.ts';
import type { Database } from '../client.ts';
import { priceAt } from './clinic-prices.ts';

/** What MRR counts at an instant (mrrAt's definition): created, not yet archived, a login in the 30 days up to it. */
function activeAt(instant: SQL): SQL {
  return sql`(c.created_at <= ${instant} and (c.archived_at is null or c.archived_at > ${instant}) and exists (select 1 from clinic_activity as a where a.clinic_id = c.id and a.kind = 'clinic_login' and a.occurred_at between ${instant} - ${30 * DAY_MS} and ${instant}))`;
}

interface GroupRow {
  currency: string;
  monthIndex: number;
  activeAtStart: number;
  activeAtEnd: number;
  seenBefore: number;
  clinics: number;
  startMinor: number;
  endMinor: number;
}

/** The clinics of every month of `windows`, grouped by currency and by how they moved (inactive at both ends: left out). */
async function movementGroups(db: Database, windows: readonly RevenueWindow[]): Promise<MovementGroup[]> {
  if (windows.length === 0) return [];
  const bounds = sql.join(
    windows.map((window, index) => sql`(${index}, ${window.start}, ${window.end})`),
    sql`, `,
  );
  const start = sql`b.start_at`;
  const end = sql`b.end_at`;
  const rows = await db.all<GroupRow>(sql`
    with bounds(month_index, start_at, end_at) as (values ${bounds}),
    states as (
      select
        c.currency as currency,
        b.month_index as month_index,
        ${activeAt(start)} as was_active,
        ${activeAt(end)} as is_active,
        exists (select 1 from clinic_activity as a where a.clinic_id = c.id and a.kind = 'clinic_login' and a.occurred_at < ${start}) as seen_before,
        ${priceAt(sql`c.id`, sql`c.plan_price_minor`, start)} as start_price,
        ${priceAt(sql`c.id`, sql`c.plan_price_minor`, end)} as end_price
      from clinics as c cross join bounds as b
      where c.created_at <= b.end_at
    )
    select
      currency,
      month_index as monthIndex,
      was_active as activeAtStart,
      is_active as activeAtEnd,
      seen_before as seenBefore,
      count(*) as clinics,
      sum(case when was_active then start_price else 0 end) as startMinor,
      sum(case when is_active then end_price else 0 end) as endMinor
    from states
    where was_active or is_active
    group by currency, month_index, was_active, is_active, seen_before, (case when end_price > start_price then 1 when end_price < start_price then -1 else 0 end)
  `);
  return rows.map((row) => ({
    currency: row.currency,
    monthIndex: Number(row.monthIndex),
    activeAtStart: Number(row.activeAtStart) === 1,
    activeAtEnd: Number(row.activeAtEnd) === 1,
    seenBefore: Number(row.seenBefore) === 1,
    clinics: Number(row.clinics),
    startMinor: Number(row.startMinor),
    endMinor: Number(row.endMinor),
  }));
}

/** The MRR movements of the `months` UTC months ending at `now` (the current one to now), per currency. */
export async function revenueOf(db: Database, now: number, months: number): Promise<{ windows: RevenueWindow[]; currencies: CurrencyRevenue[] }> {
  const windows = revenueWindows(now, months);
  return { windows, currencies: revenueByCurrency(windows, await movementGroups(db, windows)) };
}
