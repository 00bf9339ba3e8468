import { A } from '@solidjs/router';
import { For, type JSX } from 'solid-js';
import type { ClinicHealthRow, ClinicSort } from '../../api/admin';
import { ariaSortOf, type ClinicTableState } from '../../admin/clinic-table-state';
import { t } from '../../i18n/locale';
import { ClinicStatusBadge } from './ClinicStatusBadge';
import { clinicHref } from './clinic-links';
import { healthCell, HEALTH_COLUMNS } from './health-cells';

const ARROWS = { ascending: '▲', descending: '▼', none: '↕' } as const;

/**
 * A column header that sorts the table: a real button (Tab, Enter, Space), its header saying with
 * `aria-sort` which way the table is sorted, an arrow for the eye.
 */
function SortHeader(props: { column: ClinicSort; label: string; state: ClinicTableState; onSort: (column: ClinicSort) => void }): JSX.Element {
  const sort = () => ariaSortOf(props.state, props.column);
  return (
    <th scope="col" aria-sort={sort()}>
      <button type="button" class="sort-button" onClick={() => props.onSort(props.column)}>
        {props.label}
        <span class="sort-arrow" data-sorted={String(sort() !== 'none')} aria-hidden="true">
          {ARROWS[sort()]}
        </span>
      </button>
    </th>
  );
}

/** The clinic health table of wide screens, sorted by clicking a column's header. */
export function ClinicTable(props: { rows: readonly ClinicHealthRow[]; state: ClinicTableState; onSort: (column: ClinicSort) => void }): JSX.Element {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-label={t().clinicTableCaption}>
      <table class="clinic-table">
        <caption class="visually-hidden">{t().clinicTableCaption}</caption>
        <thead>
          <tr>
            <SortHeader column="name" label={t().clinicColumns.name} state={props.state} onSort={props.onSort} />
            <For each={HEALTH_COLUMNS}>
              {(column) => <SortHeader column={column} label={t().clinicColumns[column]} state={props.state} onSort={props.onSort} />}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <th scope="row">
                  <A href={clinicHref(row.clinicId)}>{row.name}</A>
                </th>
                <For each={HEALTH_COLUMNS}>
                  {(column) => (
                    <td data-column={column}>
                      {column === 'status' ? <ClinicStatusBadge status={row.status} archived={row.archived} /> : healthCell(row, column)}
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
